import Analysis
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
      discussion: """
        Beyond loading errors, rulebooks are searched for contradictions, unsatisfiable scopes and conditions, \
        shadowed rules, exceptions that never apply and gaps (each with a witness initiative), overlapping or \
        missing periods of validity, and hygiene problems (see Documentation/legal-tools.md). \
        Exit status: 0 without errors, 1 when errors were found (warnings too with --strict), 64 on a usage error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @Argument(help: "Files or folders to check (folders are searched for .yaml and .yml files).")
    var paths: [String]

    @Option(help: "Output format: text, json or sarif (SARIF 2.1.0).")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Only report loading problems (skip the deep analysis).")
    var shallow = false

    @Option(help: "Goal evaluations allowed per witness search.")
    var budget: Int = WitnessSearch.defaultBudget

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
      var diagnostics: [Diagnostic] = []
      var files: [String] = []
      var folders = FolderLint(linter: Linter(budget: budget, officialSources: strict), shallow: shallow)
      for path in paths {
        let found = try FileWalker.yamlFiles(in: [path])
        files += found
        if RulebookLibrary.isRulebookFolder(path) || isFolderOfRulebooks(path) {
          // A rulebook: load, layer and compile it; its test files are read as YAML.
          diagnostics += try folders.lint(path, testFiles: found.filter { $0.contains("/tests/") })
        } else {
          for file in found { diagnostics += YAMLFileLinter.lint(path: file) }
        }
      }
      diagnostics = FolderLint.withoutRepeats(diagnostics)
      if strict {
        diagnostics = diagnostics.map { diagnostic in
          var promoted = diagnostic
          if promoted.severity == .warning { promoted.severity = .error }
          return promoted
        }
      }
      switch format {
      case .sarif:
        printOut(try SARIFRenderer().render(diagnostics) + "\n")
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
