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
    let lines = RoomExplanations(language: language).lines(room, in: evaluation)
    var details: [[(String, JSONValue)]] = []
    details += room.adjustments.map(adjustment)
    details += room.discretion.map { item in
      var object: [(String, JSONValue)] = [("discretion", .string(item.kind.rawValue))]
      if let by = item.grantedBy { object.append(("granted_by", .string(by))) }
      if let askBy = item.askBy { object.append(("ask_by", .string(askBy.description))) }
      return object
    }
    details += room.openNorms.map { norm in
      var object: [(String, JSONValue)] = [("fact", .string(norm.fact)), ("value", EvaluationJSONRenderer.value(norm.value))]
      if let by = norm.assessedBy { object.append(("assessed_by", .string(by))) }
      object.append(("status", .string(norm.status.rawValue)))
      return object
    }
    details += room.alternatives.map { route in route.grantedBy.map { [("granted_by", JSONValue.string($0))] } ?? [] }
    details += room.nearMisses.map { miss in
      [
        ("fact", .string(miss.fact)), ("value", EvaluationJSONRenderer.value(miss.value)), ("comparison", .string(miss.comparison)),
        ("threshold", EvaluationJSONRenderer.value(miss.threshold)), ("crossing", EvaluationJSONRenderer.value(miss.crossing)),
        ("margin", .object([("absolute", Self.number(miss.absoluteMargin)), ("relative", Self.number(miss.relativeMargin))])),
        ("verdict_across", verdict(miss.verdictAcross)), ("exact", .bool(miss.exact)),
      ]
    }
    details += room.decidingUnknowns.map { unknown in
      [
        ("fact", .string(unknown.fact)), ("rules", .array(unknown.rules.map(JSONValue.string))),
        ("outcomes", .array(unknown.outcomes.map { .object([("value", EvaluationJSONRenderer.value($0.value)), ("verdict", verdict($0.verdict))]) })),
        ("expected_open", Self.number(unknown.expectedOpen)),
      ]
    }
    details += room.deadlines.map { check in
      var object: [(String, JSONValue)] = [
        ("deadline", .string(check.deadline.description)), ("latest_day", .string(check.latestDay.description)),
        ("today", .string(check.today.description)), ("feasible", .bool(check.feasible)),
        ("working_days_left", .int(check.workingDaysLeft)),
      ]
      switch check.route {
      case .current: object.append(("route", .string("current")))
      case .afterAdjustment(let index): object += [("route", .string("adjustment")), ("adjustment", .int(index))]
      case .room(let index): object += [("route", .string("room")), ("room", .int(index))]
      }
      if let level = check.level { object.append(("level", .string(level.rawValue))) }
      return object
    }
    let items: [JSONValue] = zip(lines, details).map { line, detail in
      var object: [(String, JSONValue)] = [("kind", .string(line.kind))]
      if let rule = line.rule { object.append(("rule", .string(rule))) }
      object.append(("explanation", .string(line.text)))
      if let citation = line.citation { object.append(("citation", EvaluationJSONRenderer.citation(citation))) }
      return .object(object + detail)
    }
    return [("room", .array(items)), ("questions", .array(room.questions.map(JSONValue.string)))]
  }

  func adjustment(_ adjustment: Adjustment) -> [(String, JSONValue)] {
    [
      ("changes", .array(adjustment.changes.map {
        .object([("fact", .string($0.fact)), ("from", EvaluationJSONRenderer.value($0.from)), ("to", EvaluationJSONRenderer.value($0.to))])
      })),
      ("verdict_after", verdict(adjustment.verdictAfter)),
      ("removes", .array(adjustment.removes.map(JSONValue.string))),
      ("exact", .bool(adjustment.exact)),
      ("distance", Self.number(adjustment.distance)),
    ]
  }

  func verdict(_ verdict: VerdictSummary) -> JSONValue {
    .object([
      ("level", .string(verdict.level.rawValue)), ("determined", .bool(verdict.determined)),
      ("possible_levels", .array(verdict.possibleLevels.map { .string($0.rawValue) })),
      ("required", .array(verdict.required.map(JSONValue.string))),
    ])
  }

  /// A number with at most four decimals, stable for golden files.
  static func number(_ value: Double) -> JSONValue {
    let rounded = (value * 10000).rounded() / 10000
    if rounded == rounded.rounded() { return .number(String(Int64(rounded))) }
    return .number(String(rounded))
  }
}
