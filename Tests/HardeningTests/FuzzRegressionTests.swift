import Batch
import Engine
import Foundation
import Reports
import Room
import Rulebook
import RuleLanguage
import SourceDiagnostics
import Testing
import TestSupport
import YAMLTree

/// Every input a fuzz target once crashed or hung on (`Tests/Fixtures/fuzz-regressions/TARGET/`),
/// run again through what that target runs. Each must finish, with a diagnostic.
struct FuzzRegression: Sendable, CustomTestStringConvertible {
  let target: String
  let name: String
  var testDescription: String { "\(target)/\(name)" }

  static let folder = repositoryRoot().appendingPathComponent("Tests/Fixtures/fuzz-regressions")

  static let all: [FuzzRegression] = {
    let manager = FileManager.default
    let targets = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
    return targets.sorted().flatMap { target in
      ((try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []).sorted()
        .map { FuzzRegression(target: target, name: $0) }
    }
  }()

  var bytes: [UInt8] {
    Array((try? Data(contentsOf: Self.folder.appendingPathComponent(target).appendingPathComponent(name))) ?? Data())
  }
}

@Suite struct FuzzRegressionTests {
  @Test(.timeLimit(.minutes(1)), arguments: FuzzRegression.all)
  func fuzzFindingStaysFixed(_ c: FuzzRegression) throws {
    switch c.target {
    case "rule-language":
      var environment = Environment()
      _ = environment.declareFact("visitors", type: .integer)
      let (checked, diagnostics) = environment.checkCondition(EmbeddedSource(standalone: String(decoding: c.bytes, as: UTF8.self)))
      #expect(checked == nil)
      #expect(!diagnostics.isEmpty)
      #expect(diagnostics.count < 1000, "a cascade of \(diagnostics.count) diagnostics")
    case "yaml-reader":
      let (file, sourceDiagnostics) = YAMLSource.make(path: "fuzz.yaml", bytes: c.bytes)
      if sourceDiagnostics.isEmpty { _ = YAMLReader().read(file) }
    case "rulebook":
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-rulebook-\(UUID().uuidString)/fuzz")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
      try Data(c.bytes).write(to: folder.appendingPathComponent("rulebook.yaml"))
      _ = try RulebookLibrary.load(path: folder.path)
    case "initiative":
      try runInitiative(c.bytes)
    case "evaluator":
      runEvaluator(c.bytes)
    default:
      Issue.record("no harness for fuzz target '\(c.target)'")
    }
  }

  static let library = try! RulebookLibrary.load(path: repositoryRoot().appendingPathComponent("Rules").path)

  /// What `Fuzz/Initiative/main.swift` does with one input.
  func runInitiative(_ input: [UInt8]) throws {
    guard let mode = input.first.map({ $0 % 3 }) else { return }
    let bytes = Array(input.dropFirst())
    if mode == 0 {
      let (file, diagnostics) = YAMLSource.make(path: "fuzz.yaml", bytes: bytes)
      if diagnostics.isEmpty { _ = RuleEngine(library: Self.library).check(file: file) }
      return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-initiative-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent(mode == 1 ? "in.jsonl" : "in.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: input))
    var options = BatchOptions(output: folder.appendingPathComponent("out.jsonl").path)
    options.jobs = 1
    options.chunkSize = 64
    let runner = BatchRunner(context: BatchContext(library: Self.library, rulebook: nil, asOf: nil, format: .jsonl), options: options)
    if mode == 1 {
      var source = try JSONLinesSource(path: input)
      _ = try runner.run(&source, inputSignature: "fuzz")
    } else {
      let mapping = repositoryRoot().appendingPathComponent("Examples/batches/webformulier.mapping.yml").path
      var source = try CSVSource(path: input, mappingPath: mapping)
      _ = try runner.run(&source, inputSignature: "fuzz")
    }
  }

  /// What `Fuzz/Evaluator/main.swift` does with one input.
  func runEvaluator(_ data: [UInt8]) {
    var position = 0
    func next(_ bound: Int) -> Int {
      guard bound > 1 else { return 0 }
      var raw = 0
      for _ in 0..<2 where position < data.count {
        raw = raw << 8 | Int(data[position])
        position += 1
      }
      return raw % bound
    }
    let rulebook = PropertyRulebooks.all[next(PropertyRulebooks.all.count)]
    let facts = FactSampler(rulebook: rulebook, valid: next(2) == 0).vector(unknownPercent: next(100), next)
    let date = CalendarDay(year: 2025 + next(3), month: 1 + next(12), day: 1 + next(28))
    var vector = facts
    if let date { vector[rulebook.dateSlot] = .date(date) }
    let evaluation = Evaluator(rulebook: rulebook).evaluate(Initiative(id: "fuzz", municipality: rulebook.id, date: date), facts: vector)
    var options = RoomAnalyzer.Options()
    options.pairs = next(2) == 1
    let room = RoomAnalyzer(options: options).analyze(evaluation, today: date)
    _ = EvaluationTextRenderer(language: "nl").render(evaluation, room: room)
    _ = EvaluationJSONRenderer(language: "en").render(evaluation, room: room)
    _ = EvaluationMarkdownRenderer(language: "nl").render(evaluation, room: room)
  }
}
