import Foundation
import SourceDiagnostics
import YAMLTree

/// Reads a converted checker file (`vergunningcheck/json/*.json`) into an `STTRSource`.
/// Positions are the place of each question's, decision's and row's key in the file, with its
/// JSON path in the message.
public struct CheckerJSONReader {
  public var limits: YAMLLimits

  public init(limits: YAMLLimits = .default) {
    self.limits = limits
  }

  /// The permits of the file, or nil with the reason when it cannot be read.
  public func read(_ file: SourceFile) -> (STTRSource?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    if file.bytes.count > limits.maxFileBytes {
      return (nil, [.error(ImportDiagnostics.limit, "file is larger than \(limits.maxFileBytes) bytes", at: file.span(0, 0))])
    }
    if let offset = JSONDepth.exceeding(limits.maxDepth, in: file.bytes) {
      return (nil, [.error(ImportDiagnostics.limit, "nesting deeper than \(limits.maxDepth) levels", at: file.span(offset, offset + 1))])
    }
    let decoded: CheckerJSON
    do {
      decoded = try JSONDecoder().decode(CheckerJSON.self, from: Data(file.bytes))
    } catch {
      return (nil, [.error(ImportDiagnostics.malformed, "not a checker file: \(Self.reason(error))", at: file.span(0, 0),
        help: "a checker file is one JSON object with 'permits', each with 'questions' and 'decisions'")])
    }
    var locator = JSONLocator(file: file)
    var result: [STTRPermit] = []
    for (index, permit) in decoded.permits.enumerated() {
      var reader = PermitReader(path: "$.permits[\(index)]", locator: locator)
      if let read = reader.read(permit) { result.append(read) }
      diagnostics += reader.diagnostics
      locator = reader.locator
    }
    let stem = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
    let slug = decoded.slug ?? stem
    return (STTRSource(path: file.path, slug: slug, permits: result), diagnostics)
  }

  /// A decoding error in words, with the JSON path where it happened.
  static func reason(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "not valid JSON" }
    let (context, what): (DecodingError.Context, String) = switch error {
    case .typeMismatch(_, let context): (context, "unexpected type")
    case .valueNotFound(_, let context): (context, "missing value")
    case .keyNotFound(let key, let context): (context, "missing key '\(key.stringValue)'")
    case .dataCorrupted(let context): (context, "not valid JSON")
    @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "not valid JSON")
    }
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return path.isEmpty ? what : "\(what) at '$\(path)'"
  }
}

/// Finds keys in the text in reading order, so that each item gets the place it is written.
struct JSONLocator {
  let file: SourceFile
  var cursor = 0

  /// The span of the next occurrence of `needle` after the cursor, which moves past it.
  mutating func span(of needle: String) -> SourceSpan? {
    let bytes = Array(needle.utf8)
    guard !bytes.isEmpty, file.bytes.count >= bytes.count else { return nil }
    var index = cursor
    while index + bytes.count <= file.bytes.count {
      if file.bytes[index] == bytes[0] && Array(file.bytes[index..<index + bytes.count]) == bytes {
        cursor = index + bytes.count
        return file.span(index, index + bytes.count)
      }
      index += 1
    }
    return nil
  }
}

/// The deepest nesting of a JSON text, checked before parsing.
enum JSONDepth {
  /// The offset where nesting first exceeds `limit`, or nil.
  static func exceeding(_ limit: Int, in bytes: [UInt8]) -> Int? {
    var depth = 0
    var inString = false
    var escaped = false
    for (offset, byte) in bytes.enumerated() {
      if inString {
        if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        if depth > limit { return offset }
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      default: break
      }
    }
    return nil
  }
}
