import Analysis
import ArgumentParser
import Engine
import Foundation
import Rulebook
import SourceDiagnostics

extension Bricoleur {
  /// `bricoleur test [DIR...] [--coverage]`: the rule tests next to each rulebook, and what
  /// they leave untested.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the rule tests in each rulebook's tests/ folder.",
      discussion: """
        Ends with a line 'N passed, N failed'. Exit status: 0 when all pass, 1 on a failure or a broken test file. \
        With --coverage, a report per rulebook lists the rules never seen applying or not applying, the thresholds \
        without a test on each side and the exceptions never exercised, at their positions. With \
        --coverage-format json the JSON is the only output on stdout; test results go to stderr.
        """
    )

    enum CoverageFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Rulebook folders (default: every rulebook in the shipped Rules/).")
    var directories: [String] = []

    @Flag(help: "List every test, not only the failures.")
    var verbose = false

    @Flag(help: "Report which rules, thresholds and exceptions the tests leave untested.")
    var coverage = false

    @Option(help: "The coverage report's format: text or json.")
    var coverageFormat: CoverageFormat = .text

    func run() throws {
      let folders = try directories.isEmpty ? RulebookFolders.all(in: RulesLocation.resolve(nil)) : directories
      let json = coverage && coverageFormat == .json
      let say = { (text: String) in json ? printError(text) : printOut(text) }
      var tally = (passed: 0, failed: 0)
      var broken = false
      var reports: [CoverageReport] = []
      for folder in folders {
        let engine = try LoadedRules.engine(folder)
        guard let definition = engine.library.definitions.values.first(where: { ($0.directory as NSString).standardizingPath == (folder as NSString).standardizingPath }),
          let rulebook = engine.library.rulebooks[definition.id]
        else {
          printError("\(folder): the rulebook has errors; its tests did not run\n")
          broken = true
          continue
        }
        let (results, diagnostics) = try RuleTestRunner(engine: engine).run(rulebookDirectory: folder, rulebook: definition.id)
        if !diagnostics.isEmpty { printError(DiagnosticTextRenderer().render(diagnostics)) }
        broken = broken || diagnostics.hasErrors
        var recorder = CoverageRecorder(rulebook: rulebook, own: definition)
        for result in results {
          if let evaluation = result.evaluation { recorder.record(evaluation) }
          if result.passed {
            tally.passed += 1
            if verbose { say("ok    \(definition.id): \(result.testCase.name)\n") }
          } else {
            tally.failed += 1
            say(TestFailureText.render(result))
          }
        }
        if coverage {
          reports.append(recorder.coverage)
          if !json { printOut(recorder.coverage.text) }
        }
      }
      if json { printOut(CoverageDocument(reports).json + "\n") }
      say("\(tally.passed) passed, \(tally.failed) failed\n")
      if tally.failed > 0 || broken { throw ExitCode.failure }
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
