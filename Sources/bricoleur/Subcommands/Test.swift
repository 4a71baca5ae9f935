import Analysis
import ArgumentParser
import Engine
import Foundation
import Rulebook
import SourceDiagnostics

extension Bricoleur {
  /// `bricoleur test [DIR...]`: the rule tests next to each rulebook.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the rule tests in each rulebook's tests/ folder.",
      discussion: "Ends with a line 'N passed, N failed'. Exit status: 0 when all pass, 1 on a failure or a broken test file."
    )

    @Argument(help: "Rulebook folders (default: every rulebook in the shipped Rules/).")
    var directories: [String] = []

    @Flag(help: "List every test, not only the failures.")
    var verbose = false

    func run() throws {
      let folders = try directories.isEmpty ? RulebookFolders.all(in: RulesLocation.resolve(nil)) : directories
      var passed = 0
      var failed = 0
      var broken = false
      for folder in folders {
        let engine = try LoadedRules.engine(folder)
        guard let definition = engine.library.definitions.values.first(where: { ($0.directory as NSString).standardizingPath == (folder as NSString).standardizingPath }),
          engine.library.rulebooks[definition.id] != nil
        else {
          printError("\(folder): the rulebook has errors; its tests did not run\n")
          broken = true
          continue
        }
        let (results, diagnostics) = try RuleTestRunner(engine: engine).run(rulebookDirectory: folder, rulebook: definition.id)
        if !diagnostics.isEmpty { printError(DiagnosticTextRenderer().render(diagnostics)) }
        broken = broken || diagnostics.hasErrors
        for result in results {
          if result.passed {
            passed += 1
            if verbose { printOut("ok    \(definition.id): \(result.testCase.name)\n") }
          } else {
            failed += 1
            let place = "\(result.testCase.span.file.path):\(result.testCase.span.startLocation.line)"
            printOut("FAIL  \(definition.id): \(result.testCase.name)  (\(place))\n")
            for failure in result.failures { printOut("      \(failure)\n") }
          }
        }
      }
      printOut("\(passed) passed, \(failed) failed\n")
      if failed > 0 || broken { throw ExitCode.failure }
    }
  }
}

/// The rulebook folders inside a `Rules/` folder.
enum RulebookFolders {
  static func all(in path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
      .map { (path as NSString).appendingPathComponent($0) }
      .filter { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasSuffix(".yaml") }
      }
  }
}
