import Foundation
import SourceDiagnostics
import YAMLTree

/// The façade of the importer: a JSON checker file or an STTR DMN file in, one rulebook folder
/// per permit out, with every problem as a positioned diagnostic.
public struct Importer: Sendable {
  public var limits: YAMLLimits
  public var publisher: String
  public var licence: String
  public var url: String?
  /// Whether each generated rulebook is read back and its unreachable rules left out (off only
  /// for the fuzzer, which exercises the readers and the writer).
  public var verifiesOutput = true

  public init(
    limits: YAMLLimits = .default, publisher: String = Importer.amsterdam, licence: String = Importer.amsterdamLicence,
    url: String? = Importer.amsterdamURL
  ) {
    self.limits = limits
    self.publisher = publisher
    self.licence = licence
    self.url = url
  }

  public static let amsterdam = "de vergunningcheck van de gemeente Amsterdam"
  public static let amsterdamLicence = "MPL-2.0, © Gemeente Amsterdam"
  public static let amsterdamURL = "https://github.com/Amsterdam/vergunningcheck"

  /// The result of importing one source file.
  public struct Output: Sendable {
    public var rulebooks: [ImportedRulebook] = []
    /// Per rulebook id, its files (name, text).
    public var files: [String: [(name: String, text: String)]] = [:]
    public var diagnostics: [Diagnostic] = []
    /// The permits left out, with why.
    public var skipped: [(name: String, reason: String)] = []
  }

  /// Reads and translates one file (`.json`, or `.dmn`/`.xml`).
  public func importFile(path: String) throws -> Output {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    if let size = attributes[.size] as? Int, size > limits.maxFileBytes {
      let file = SourceFile(path: path, text: "")
      return Output(diagnostics: [.error(ImportDiagnostics.limit, "file is larger than \(limits.maxFileBytes) bytes", at: file.span(0, 0))])
    }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return importData(data, path: path)
  }

  /// Translates the bytes of a file named `path`.
  public func importData(_ data: Data, path: String) -> Output {
    let file = SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
    let isXML = path.hasSuffix(".dmn") || path.hasSuffix(".xml")
    let (source, diagnostics) = isXML ? DMNReader(limits: limits).read(file) : CheckerJSONReader(limits: limits).read(file)
    var output = Output(diagnostics: diagnostics)
    guard let source else { return output }
    translate(source, into: &output)
    return output
  }

  func translate(_ source: STTRSource, into output: inout Output) {
    let fileName = (source.path as NSString).lastPathComponent
    let notice = SourceNotice(file: fileName, publisher: publisher, licence: licence, url: url)
    let readableFile = source.slug.contains("-") || source.permits.count > 1
    for permit in source.permits {
      if let reason = Self.skipReason(permit.name) {
        output.skipped.append((permit.name, reason))
        output.diagnostics.append(Diagnostic(.note, code: ImportDiagnostics.skipped, "permit '\(permit.name)' is skipped: \(reason)", at: permit.span))
        continue
      }
      var id = Naming.identifier(permit.name, maxWords: 8, fallback: "vergunningcheck").replacingOccurrences(of: "_", with: "-")
      if !readableFile { id += "-" + source.slug.lowercased() }
      var translator = PermitTranslator(permit: permit, id: id, sourcePath: source.path)
      translator.rulebook.regulations = [Self.regulation(permit, notice: notice)] + DMNCitations.regulations(permit)
      var book = translator.translate()
      book.removeUnreachable()
      output.diagnostics += translator.diagnostics
      if verifiesOutput {
        let (checked, findings) = pruned(book, notice: notice)
        book = checked
        output.diagnostics += findings
      }
      output.rulebooks.append(book)
      output.files[book.id] = RulebookYAML.files(book, source: notice)
    }
  }

  static func regulation(_ permit: STTRPermit, notice: SourceNotice) -> ImportedRegulation {
    ImportedRegulation(
      id: "vergunningcheck", title: "Vergunningcheck \(permit.name)", url: notice.url,
      note: "Toepasbare regels uit \(notice.file), \(notice.licence).")
  }

  /// Why a permit is not imported: marked as to be removed, in development, or a test.
  public static func skipReason(_ name: String) -> String? {
    if name.hasPrefix("[AUB VERWIJDEREN]") { return "marked to be removed ('[AUB VERWIJDEREN]')" }
    if name.contains("[IN ONTWIKKELING]") { return "marked as in development ('[IN ONTWIKKELING]')" }
    if name.contains("Testactiviteit") || name.contains("Ketentest") { return "a test activity" }
    return nil
  }

  /// Writes the rulebooks of `output` under `directory`, one folder each; returns the folders.
  public static func write(_ output: Output, to directory: String) throws -> [String] {
    var folders: [String] = []
    for book in output.rulebooks {
      let folder = (directory as NSString).appendingPathComponent(book.id)
      try writeFiles(output.files[book.id] ?? [], to: folder)
      folders.append(folder)
    }
    return folders
  }
}
