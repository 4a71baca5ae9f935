// libFuzzer entry point: fact vectors drawn from the fuzzer's bytes over the vocabulary of
// Rules/borne and the benchmark rulebook, evaluated, analysed for room to manoeuvre and
// rendered three ways. Run from the repository root: `scripts/fuzz evaluator SECONDS`.
import Engine
import Foundation
import Reports
import Room
import Rulebook
import RuleLanguage

nonisolated(unsafe) var rulebooks: [CompiledRulebook] = []

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
  let borne = try! RulebookLibrary.load(path: "Rules/borne")
  let bench = try! RulebookLibrary.load(path: "Benchmarks/workload/rules/bench-events")
  rulebooks = [borne.rulebook(for: "borne")!] + Array(bench.rulebooks.values)
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 1 else { return 0 }
  var position = 0
  // Each choice reads two bytes; past the end every choice is 0.
  func next(_ bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    var raw = 0
    for _ in 0..<2 where position < size {
      raw = raw << 8 | Int(data[position])
      position += 1
    }
    return raw % bound
  }
  let rulebook = rulebooks[next(rulebooks.count)]
  let facts = FactSampler(rulebook: rulebook, valid: next(2) == 0).vector(unknownPercent: next(100), next)
  let date = CalendarDay(year: 2025 + next(3), month: 1 + next(12), day: 1 + next(28))
  let initiative = Initiative(id: "fuzz", municipality: rulebook.id, date: date)
  var vector = facts
  if let date { vector[rulebook.dateSlot] = .date(date) }
  let evaluation = Evaluator(rulebook: rulebook).evaluate(initiative, facts: vector)
  var options = RoomAnalyzer.Options()
  options.pairs = next(2) == 1
  let room = RoomAnalyzer(options: options).analyze(evaluation, today: date)
  _ = EvaluationTextRenderer(language: "nl").render(evaluation, room: room)
  _ = EvaluationJSONRenderer(language: "en").render(evaluation, room: room)
  _ = EvaluationMarkdownRenderer(language: "nl").render(evaluation, room: room)
  return 0
}
