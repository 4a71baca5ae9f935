import Foundation
import SourceDiagnostics

/// A file that cannot be read, said in one line with its path.
public struct SourceReadError: Error, CustomStringConvertible, Sendable {
  public var path: String

  public var description: String {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if !exists { return "cannot read '\(path)': there is no such file" }
    if isDirectory.boolValue { return "cannot read '\(path)': it is a folder, not a file" }
    return "cannot read '\(path)': permission denied or unreadable"
  }
}

/// Turns bytes into a `SourceFile`, refusing what is not UTF-8 or too large.
public enum YAMLSource {
  /// Reads a file from disk. Throws only for I/O (a missing file, no permission).
  public static func load(path: String, limits: YAMLLimits = .default) throws -> (file: SourceFile, diagnostics: [Diagnostic]) {
    let url = URL(fileURLWithPath: path)
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw SourceReadError(path: path)
    }
    defer { try? handle.close() }
    // Read one byte past the limit so an oversized file is recognised without reading it all.
    let data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
    return make(path: path, bytes: [UInt8](data), limits: limits)
  }

  /// A source file from bytes: a UTF-8 byte-order mark is dropped; invalid UTF-8 and
  /// oversized input are positioned errors (and the file must not be parsed).
  public static func make(path: String, bytes: [UInt8], limits: YAMLLimits = .default) -> (file: SourceFile, diagnostics: [Diagnostic]) {
    var bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.count > limits.maxFileBytes {
      let file = SourceFile(path: path, text: "")
      return (file, [
        .error(
          YAMLDiagnostics.fileTooLarge, "file is larger than the limit of \(limits.maxFileBytes) bytes",
          at: file.span(0, 0), help: "split it into smaller files")
      ])
    }
    if let bad = firstInvalidUTF8(bytes) {
      let file = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
      let hex = String(bytes[bad], radix: 16, uppercase: true)
      return (file, [
        .error(
          YAMLDiagnostics.invalidUTF8, "invalid UTF-8 byte 0x\(hex)", at: file.span(bad, bad + 1),
          help: "save the file as UTF-8 (it may be Latin-1 or binary)")
      ])
    }
    return (SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self)), [])
  }

  /// The offset of the first byte that breaks UTF-8, or nil.
  public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      let width: Int
      let minimum: UInt32
      switch lead {
      case 0xC2...0xDF: (width, minimum) = (2, 0x80)
      case 0xE0...0xEF: (width, minimum) = (3, 0x800)
      case 0xF0...0xF4: (width, minimum) = (4, 0x10000)
      default: return i
      }
      guard i + width <= n else { return i }
      var scalar = UInt32(lead) & (0xFF >> (width + 1))
      for k in 1..<width {
        let byte = bytes[i + k]
        guard byte & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      i += width
    }
    return nil
  }
}
