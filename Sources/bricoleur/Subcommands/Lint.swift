import ArgumentParser
import Rulebook
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
      var diagnostics: [Diagnostic] = []
      var files: [String] = []
      for path in paths {
        if RulebookLibrary.isRulebookFolder(path) || isFolderOfRulebooks(path) {
          // A rulebook: load, layer and compile it; its test files are read as YAML.
          let library = try RulebookLibrary.load(path: path)
          diagnostics += library.diagnostics
          files += try FileWalker.yamlFiles(in: [path])
          for test in try FileWalker.yamlFiles(in: [path]) where test.contains("/tests/") {
            diagnostics += YAMLFileLinter.lint(path: test)
          }
        } else {
          let found = try FileWalker.yamlFiles(in: [path])
          files += found
          for file in found { diagnostics += YAMLFileLinter.lint(path: file) }
        }
      }
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

/// Whether `path` is a folder whose subfolders are rulebooks (like `Rules/`).
func isFolderOfRulebooks(_ path: String) -> Bool {
  ((try? RulebookFolders.all(in: path)) ?? []).isEmpty == false
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
