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
      var analysis = DeepLint(linter: Linter(budget: budget))
      for path in paths {
        if RulebookLibrary.isRulebookFolder(path) || isFolderOfRulebooks(path) {
          // A rulebook: load, layer and compile it; its test files are read as YAML.
          let library = try RulebookLibrary.load(path: path)
          diagnostics += library.diagnostics
          if !shallow { diagnostics += try analysis.lint(path, loaded: library) }
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
      var seen = Set<String>()
      diagnostics = diagnostics.filter { seen.insert("\($0.code)|\($0.path ?? ""):\($0.span?.start ?? -1)|\($0.message)").inserted }
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

/// The deep lint of rulebook folders; each folder of rulebooks is loaded once with all its
/// rulebooks compiled, so that usage is counted over every rulebook built on the one linted.
struct DeepLint {
  let linter: Linter
  var libraries: [String: RulebookLibrary] = [:]

  /// Findings for the rulebooks in `path` (one rulebook folder or a folder of them).
  mutating func lint(_ path: String, loaded: RulebookLibrary) throws -> [Diagnostic] {
    let standardized = (path as NSString).standardizingPath
    let single = RulebookLibrary.isRulebookFolder(standardized)
    let parent = single ? (standardized as NSString).deletingLastPathComponent : standardized
    let library = try libraries[parent] ?? RulebookLibrary.load(path: parent)
    libraries[parent] = library
    let ids = loaded.definitions.values.filter { definition in
      let directory = (definition.directory as NSString).standardizingPath
      return single ? directory == standardized : (directory as NSString).deletingLastPathComponent == standardized
    }.map(\.id).sorted()
    return linter.lint(library, rulebooks: ids)
  }
}
