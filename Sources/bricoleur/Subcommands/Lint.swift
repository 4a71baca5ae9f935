import ArgumentParser
import Foundation
import SourceDiagnostics
import YAMLTree

extension Bricoleur {
  /// `bricoleur lint PATH...`: every problem in rule files, in one run.
  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check YAML rule and initiative files and print every problem found.",
      discussion: "Exit status: 0 without errors, 1 when errors were found, 64 on a usage error."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Files or folders to check (folders are searched for .yaml and .yml files).")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
      let files = try FileWalker.yamlFiles(in: paths)
      var diagnostics: [Diagnostic] = []
      for path in files { diagnostics += YAMLFileLinter.lint(path: path) }
      switch format {
      case .text:
        printOut(DiagnosticTextRenderer(color: color.enabled()).render(diagnostics))
        printOut(LintSummary(files: files.count, diagnostics: diagnostics).text + "\n")
      case .json:
        printOut(try JSONRendering.diagnostics(diagnostics) + "\n")
      }
      if diagnostics.hasErrors { throw ExitCode.failure }
    }
  }
}

/// The closing line of a lint run.
struct LintSummary {
  let files: Int
  let diagnostics: [Diagnostic]

  var text: String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    return "checked \(files) file\(files == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), "
      + "\(warnings) warning\(warnings == 1 ? "" : "s")"
  }
}
