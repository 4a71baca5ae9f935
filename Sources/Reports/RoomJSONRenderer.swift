import Engine
import Room
import Rulebook
import RuleLanguage

/// The `room` and `questions` of the JSON output. Stable names: each item of `room` has `kind`
/// (`adjustment`, `discretion`, `open_norm`, `alternative`, `near_miss`, `deciding_unknown`,
/// `deadline`), `rule` where one applies, `explanation`; adjustments add `changes`
/// (`{fact, from, to}`) and `verdict_after` (`level`, `determined`). `questions` lists the facts
/// still to ask, the one that settles most first.
public struct RoomJSONRenderer: Sendable {
  public var language: String

  public init(language: String) {
    self.language = language
  }

  /// The `("room", …)` and `("questions", …)` members.
  public func members(_ room: RoomAnalysis, in evaluation: Evaluation) -> [(String, JSONValue)] {
    var tree = JSONTreeBuilder()
    tree.object { members(room, in: evaluation, to: &$0) }
    guard case .object(let members) = tree.value else { return [] }
    return members
  }

  /// The `"room":[…],"questions":[…]` members as bytes, to be written into an object that is
  /// open elsewhere (a batch record): the same objects `check --format json` writes.
  public func memberBytes(_ room: RoomAnalysis, in evaluation: Evaluation) -> ArraySlice<UInt8> {
    var writer = JSONWriter(pretty: false, capacity: 1024)
    writer.object { members(room, in: evaluation, to: &$0) }
    let bytes = writer.bytes
    return bytes[1..<(bytes.count - 1)]
  }

  /// Writes the `room` and `questions` members into the object open in `out`.
  func members<Sink: JSONSink & ~Copyable>(_ room: RoomAnalysis, in evaluation: Evaluation, to out: inout Sink) {
    let lines = RoomExplanations(language: language).lines(room, in: evaluation)
    out.member("room") { out in
      out.array { out in
        for line in lines {
          out.object { out in
            out.member("kind", line.kind.rawValue)
            if let rule = line.rule { out.member("rule", rule) }
            if line.rules.count > 1 { out.member("rules", strings: line.rules) }
            out.member("explanation", line.text)
            if let citation = line.citation { out.member("citation") { EvaluationJSONRenderer.citation(citation, to: &$0) } }
            detail(of: line.item, to: &out)
          }
        }
      }
    }
    out.member("questions", strings: room.questions)
  }

  /// The members particular to an item's kind.
  func detail<Sink: JSONSink & ~Copyable>(of item: RoomItem, to out: inout Sink) {
    switch item {
    case .adjustment(let adjustment):
      self.adjustment(adjustment, to: &out)
    case .discretion(let item):
      out.member("discretion", item.kind.rawValue)
      if let by = item.grantedBy { out.member("granted_by", by) }
      if let askBy = item.askBy { out.member("ask_by", askBy.description) }
    case .openNorm(let norm):
      out.member("fact", norm.fact)
      out.member("value") { EvaluationJSONRenderer.value(norm.value, to: &$0) }
      if let by = norm.assessedBy { out.member("assessed_by", by) }
      out.member("status", norm.status.rawValue)
    case .alternative(let route):
      if let by = route.grantedBy { out.member("granted_by", by) }
    case .nearMiss(let miss):
      out.member("fact", miss.fact)
      out.member("value") { EvaluationJSONRenderer.value(miss.value, to: &$0) }
      out.member("comparison", miss.comparison)
      out.member("threshold") { EvaluationJSONRenderer.value(miss.threshold, to: &$0) }
      out.member("crossing") { EvaluationJSONRenderer.value(miss.crossing, to: &$0) }
      out.member("margin") { out in
        out.object { out in
          out.key(literal: "absolute")
          out.number(Self.number(miss.absoluteMargin))
          out.key(literal: "relative")
          out.number(Self.number(miss.relativeMargin))
        }
      }
      out.member("verdict_across") { verdict(miss.verdictAcross, to: &$0) }
      out.member("exact", miss.exact)
    case .decidingUnknown(let unknown):
      out.member("fact", unknown.fact)
      out.member("rules", strings: unknown.rules)
      out.member("outcomes") { out in
        out.array { out in
          for outcome in unknown.outcomes {
            out.object { out in
              out.member("value") { EvaluationJSONRenderer.value(outcome.value, to: &$0) }
              out.member("verdict") { verdict(outcome.verdict, to: &$0) }
            }
          }
        }
      }
      out.key(literal: "expected_open")
      out.number(Self.number(unknown.expectedOpen))
    case .deadline(let check):
      deadline(check, to: &out)
    }
  }

  func deadline<Sink: JSONSink & ~Copyable>(_ check: DeadlineCheck, to out: inout Sink) {
    out.member("deadline", check.deadline.description)
    out.member("latest_day", check.latestDay.description)
    out.member("today", check.today.description)
    out.member("feasible", check.feasible)
    out.member("working_days_left", int: check.workingDaysLeft)
    switch check.route {
    case .current:
      out.member("route", "current")
    case .afterAdjustment(let index):
      out.member("route", "adjustment")
      out.member("adjustment", int: index)
    case .room(let index):
      out.member("route", "room")
      out.member("room", int: index)
    }
    if let level = check.level { out.member("level", level.rawValue) }
  }

  func adjustment<Sink: JSONSink & ~Copyable>(_ adjustment: Adjustment, to out: inout Sink) {
    out.member("changes") { out in
      out.array { out in
        for change in adjustment.changes {
          out.object { out in
            out.member("fact", change.fact)
            out.member("from") { EvaluationJSONRenderer.value(change.from, to: &$0) }
            out.member("to") { EvaluationJSONRenderer.value(change.to, to: &$0) }
          }
        }
      }
    }
    out.member("verdict_after") { verdict(adjustment.verdictAfter, to: &$0) }
    out.member("removes", strings: adjustment.removes)
    out.member("exact", adjustment.exact)
    out.member("depends_on", strings: adjustment.dependsOn)
    out.key(literal: "distance")
    out.number(Self.number(adjustment.distance))
  }

  func verdict<Sink: JSONSink & ~Copyable>(_ verdict: VerdictSummary, to out: inout Sink) {
    out.object { out in
      out.member("level", verdict.level.rawValue)
      out.member("determined", verdict.determined)
      out.member("possible_levels", strings: verdict.possibleLevels.map(\.rawValue))
      out.member("required", strings: verdict.required)
    }
  }

  /// A number with at most four decimals, stable for golden files.
  static func number(_ value: Double) -> String {
    let rounded = (value * 10000).rounded() / 10000
    if rounded == rounded.rounded() { return String(Int64(rounded)) }
    return String(rounded)
  }
}
