import ArgumentParser
import Foundation
import Import
import SourceDiagnostics

extension Bricoleur {
  /// `bricoleur import SOURCE... --out DIR`: permit checks (converted JSON or STTR DMN) as rulebooks.
  struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import permit checks (Omgevingsloket STTR DMN, or the vergunningcheck's JSON) as rulebooks.",
      discussion: """
        SOURCE is a .json checker file, a .dmn (STTR DMN 1.2) file, or a folder of them. Each permit becomes a \
        rulebook folder under --out (rulebook.yaml, vragen.yaml, beslissingen.yaml, conclusies.yaml, README.md); \
        permits marked as tests, in development or to be removed are skipped with a note. What cannot be \
        mapped is reported with its place in the source (see Documentation/sttr-import.md). \
        Exit status: 0 when every file was imported without errors, 1 otherwise, 64 on a usage error.
        """
    )

    @Argument(help: "Checker files (.json), STTR DMN files (.dmn) or folders of them.")
    var sources: [String]

    @Option(help: "The folder to write the rulebooks into (created when missing).")
    var out: String

    @Option(help: "Who published the source, as answers name it.")
    var publisher: String = Importer.amsterdam

    @Option(help: "The source's licence and copyright, as answers name them.")
    var licence: String = Importer.amsterdamLicence

    @Option(help: "Where the source is published.")
    var url: String = Importer.amsterdamURL

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
      let importer = Importer(publisher: publisher, licence: licence, url: url)
      var diagnostics: [Diagnostic] = []
      var written = 0
      var skipped = 0
      for path in try Self.files(sources) {
        let output = try importer.importFile(path: path)
        diagnostics += output.diagnostics
        skipped += output.skipped.count
        written += try Importer.write(output, to: out).count
      }
      printError(DiagnosticTextRenderer(color: color.enabled(for: STDERR_FILENO)).render(diagnostics))
      let errors = diagnostics.filter { $0.severity == .error }.count
      let warnings = diagnostics.filter { $0.severity == .warning }.count
      printOut("imported \(written) rulebook\(written == 1 ? "" : "s") into \(out) (\(skipped) skipped): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
      if diagnostics.hasErrors { throw ExitCode.failure }
    }

    /// The files to import: each file given, and the .json and .dmn files of each folder, by name.
    static func files(_ paths: [String]) throws -> [String] {
      try paths.flatMap { path -> [String] in
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
          throw ValidationError("no such file or folder: '\(path)'")
        }
        guard isFolder.boolValue else { return [path] }
        return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
          .filter { $0.hasSuffix(".json") || $0.hasSuffix(".dmn") }
          .map { (path as NSString).appendingPathComponent($0) }
      }
    }
  }
}
