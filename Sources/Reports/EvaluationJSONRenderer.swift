import Engine
import Room
import Rulebook
import RuleLanguage

/// The JSON of `check --format json` and the API: one object per initiative. The names
/// `initiative`, `rulebook` (an id; an object with `fallback: true` when the model answered
/// for a municipality without a rulebook of its own), `notice` (when the rulebook names its
/// source and licence, as an imported one does), `verdict` (`level`, `determined`, `required`) and `findings`
/// (`rule`, `status`, `outcome`, `citation`, `explanation`, `trace`) are stable.
public struct EvaluationJSONRenderer: Sendable {
  public var language: String
  /// Whether to include the traces (off in batch output).
  public var traces: Bool

  public init(language: String, traces: Bool = true) {
    self.language = language
    self.traces = traces
  }

  /// The evaluation; with `room`, also its `room` items and `questions`.
  public func render(_ evaluation: Evaluation, room: RoomAnalysis? = nil) -> JSONValue {
    var tree = JSONTreeBuilder()
    object(evaluation, room: room, to: &tree)
    return tree.value
  }

  /// The text of `render(_:room:)`, written without building the tree.
  public func serializedBytes(_ evaluation: Evaluation, room: RoomAnalysis? = nil, pretty: Bool = false) -> [UInt8] {
    var writer = JSONWriter(pretty: pretty, capacity: 64 * 1024)
    object(evaluation, room: room, to: &writer)
    return writer.bytes
  }

  /// Writes the evaluation as the next value of `writer` (an item of an array, say).
  public func write(_ evaluation: Evaluation, room: RoomAnalysis? = nil, to writer: inout JSONWriter) {
    object(evaluation, room: room, to: &writer)
  }

  func object<Sink: JSONSink & ~Copyable>(_ evaluation: Evaluation, room: RoomAnalysis?, to out: inout Sink) {
    let words = Explanations(language: language)
    let texts = RuleTexts.of(evaluation.rulebook)
    out.object { out in
      out.member("initiative", evaluation.initiative.id)
      if let selection = evaluation.selection, selection.fallback {
        out.member("rulebook") { Self.selection(selection, to: &$0) }
      } else {
        out.member("rulebook", evaluation.rulebook.id)
      }
      if let notice = words.sourceNotice(evaluation) { out.member("notice", notice) }
      if let day = evaluation.asOf { out.member("as_of", day.description) }
      out.member("verdict") { verdict(evaluation.verdict, words, to: &$0) }
      out.member("assumptions") { out in
        out.array { out in
          for assumption in evaluation.assumptions { self.assumption(assumption, evaluation, words, to: &out) }
        }
      }
      out.member("asks_only_for_schemes", evaluation.asksOnlyForSchemes)
      out.member("schemes") { out in
        out.array { out in
          for scheme in evaluation.schemes { self.scheme(scheme, evaluation, words, to: &out) }
        }
      }
      out.member("findings") { out in
        out.array { out in
          for finding in evaluation.findings { self.finding(finding, evaluation, words, texts.entry(finding.rule), to: &out) }
        }
      }
      if let room { RoomJSONRenderer(language: language).members(room, in: evaluation, to: &out) }
    }
  }

  /// A fallback rulebook as `{"id", "fallback": true, "municipality": {"code", "name"}}`; a
  /// municipality's own rulebook stays its id alone.
  static func selection<Sink: JSONSink & ~Copyable>(_ selection: RulebookSelection, to out: inout Sink) {
    out.object { out in
      out.member("id", selection.rulebookID)
      out.member("fallback", selection.fallback)
      if let municipality = selection.municipality {
        out.member("municipality") { out in
          out.object { out in
            out.member("code", municipality.code)
            out.member("name", municipality.name)
          }
        }
      }
    }
  }

  func verdict<Sink: JSONSink & ~Copyable>(_ verdict: Verdict, _ words: Explanations, to out: inout Sink) {
    out.object { out in
      out.member("level", verdict.level.rawValue)
      out.member("label", words.level(verdict.level))
      out.member("determined", verdict.determined)
      out.member("possible_levels", strings: verdict.possibleLevels.map(\.rawValue))
      out.member("possible_levels_exact", verdict.possibleLevelsExact)
      out.member("decided_by", strings: verdict.decidedBy)
      out.member("required") { out in
        out.array { out in
          for requirement in verdict.required { self.requirement(requirement, to: &out) }
        }
      }
    }
  }

  /// A presumed judgement: `{fact, presumed, otherwise, assessed_by, citation, caveat, verdict_if_not}`.
  func assumption<Sink: JSONSink & ~Copyable>(_ assumption: Assumption, _ evaluation: Evaluation, _ words: Explanations, to out: inout Sink) {
    let declaration = evaluation.rulebook.slotsByName[assumption.fact].map { evaluation.rulebook.facts[$0] }
    out.object { out in
      out.member("fact", assumption.fact)
      out.member("presumed") { Self.value(assumption.presumed, to: &$0) }
      out.member("otherwise") { Self.value(assumption.otherwise, to: &$0) }
      if let by = declaration?.judgement?.assessedBy { out.member("assessed_by", by) }
      if let citation = declaration?.judgement?.presumed?.citation { out.member("citation") { Self.citation(citation, to: &$0) } }
      out.member("caveat", words.caveat(assumption, in: evaluation.rulebook))
      out.member("verdict_if_not", assumption.verdictIfNot.rawValue)
    }
  }

  /// A scheme's decision: `{scheme, title, decision, label, amount: {asked, maximum, grantable},
  /// reasons, open, conditions, citation, authority, room}`.
  func scheme<Sink: JSONSink & ~Copyable>(_ scheme: SchemeDecision, _ evaluation: Evaluation, _ words: Explanations, to out: inout Sink) {
    out.object { out in
      out.member("scheme", scheme.scheme)
      out.member("title", words.schemeTitle(scheme))
      out.member("decision", scheme.decision.rawValue)
      out.member("label", scheme.decision.label.text(language))
      out.member("headline", words.schemeHeadline(scheme, in: evaluation))
      if scheme.asked != nil || scheme.maximum != nil {
        out.member("amount") { out in
          out.object { out in
            if let asked = scheme.asked { out.member("asked") { Self.value(asked, to: &$0) } }
            if let maximum = scheme.maximum { out.member("maximum") { Self.value(maximum, to: &$0) } }
            if let grantable = scheme.grantable { out.member("grantable") { Self.value(grantable, to: &$0) } }
          }
        }
      }
      out.member("reasons", strings: scheme.reasons)
      out.member("open", strings: scheme.open)
      out.member("conditions", strings: scheme.conditions.map { $0.text(language) })
      if let citation = scheme.citation { out.member("citation") { Self.citation(citation, to: &$0) } }
      if let authority = scheme.authority { out.member("authority", authority) }
      if let room = scheme.room {
        out.member("room") { out in
          out.object { out in
            out.member("from") { Self.value(room.from, to: &$0) }
            out.member("to") { Self.value(room.to, to: &$0) }
            out.member("decision_after", room.decisionAfter.rawValue)
          }
        }
      }
      out.member("explanation", words.schemeDetails(scheme, in: evaluation).joined(separator: "\n"))
    }
  }

  func requirement<Sink: JSONSink & ~Copyable>(_ requirement: Requirement, to out: inout Sink) {
    out.object { out in
      out.member("kind", requirement.kind.rawValue)
      if !requirement.name.isEmpty { out.member("name", requirement.name.text(language)) }
      if let authority = requirement.authority { out.member("authority", authority) }
      out.member("rule", requirement.rule)
      if let citation = requirement.citation { out.member("citation") { Self.citation(citation, to: &$0) } }
    }
  }

  static func citation<Sink: JSONSink & ~Copyable>(_ citation: Citation, to out: inout Sink) {
    out.object { out in
      out.member("regulation", citation.regulation)
      out.member("article", citation.article)
      if let paragraph = citation.paragraph { out.member("paragraph", paragraph) }
      if let url = citation.url { out.member("url", url) }
    }
  }

  func finding<Sink: JSONSink & ~Copyable>(
    _ finding: Finding, _ evaluation: Evaluation, _ words: Explanations, _ texts: RuleTexts.Entry, to out: inout Sink
  ) {
    let rule = finding.rule.rule
    out.object { out in
      out.member("rule", rule.id)
      out.member("title", rule.title.text(language))
      out.member("status", finding.status.rawValue)
      out.member("reason", finding.reason.rawValue)
      out.member("outcome", rule.outcome.kind.rawValue)
      if let citation = rule.citation { out.member("citation") { Self.citation(citation, to: &$0) } }
      if !finding.overriddenBy.isEmpty { out.member("overridden_by", strings: finding.overriddenBy) }
      if !finding.missingFacts.isEmpty { out.member("missing_facts", strings: finding.missingFacts) }
      out.member("explanation", words.sentence(for: finding, in: evaluation, texts: texts))
      out.member("source", texts.source)
      if traces {
        out.member("trace") { out in
          out.object { out in
            if let scope = finding.scopeTrace { out.member("scope") { Self.trace(scope, to: &$0) } }
            if let condition = finding.conditionTrace { out.member("condition") { Self.trace(condition, to: &$0) } }
          }
        }
      }
    }
  }

  static func trace<Sink: JSONSink & ~Copyable>(_ node: TraceNode, to out: inout Sink) {
    out.object { out in
      out.member("expr", node.text)
      out.key(literal: "value")
      if let value = node.value { Self.value(value, to: &out) } else { out.null() }
      if !node.inputs.isEmpty {
        out.member("inputs") { out in
          out.object { out in
            for input in node.inputs { out.member(named: input.name) { value(input.value, to: &$0) } }
          }
        }
      }
      if !node.children.isEmpty {
        out.member("children") { out in
          out.array { out in
            for child in node.children { trace(child, to: &out) }
          }
        }
      }
    }
  }

  /// A value in JSON: booleans and integers as such, everything else in its source form.
  /// A value as JSON, typed: yes/no as a boolean, a count or decimal as a number, an amount with
  /// a unit as `{"number": 750.00, "unit": "EUR"}` (units `EUR`, `minutes`, `working_days` and
  /// the quantity units), a date as `YYYY-MM-DD`, a time as `HH:MM`, a choice by its name.
  static func value<Sink: JSONSink & ~Copyable>(_ value: Value, to out: inout Sink) {
    func measure(_ number: String, _ unit: String) {
      out.object { out in
        out.member("number") { $0.number(number) }
        out.member("unit") { $0.string(unit) }
      }
    }
    switch value {
    case .unknown: out.null()
    case .bool(let flag): out.bool(flag)
    case .integer(let number): out.number(String(number))
    case .decimal(let number): out.number(number.description)
    case .enumCase(let name): out.string(name)
    case .text(let text): out.string(text)
    case .date(let day): out.string(day.description)
    case .time(let time): out.string(time.description)
    case .money(let cents): measure(Self.euros(cents), Self.euro)
    case .quantity(let amount, let unit): measure(amount.description, unit.symbol)
    case .duration(let minutes): measure(String(minutes), Self.minutes)
    case .workingDays(let days): measure(String(days), Self.workingDays)
    case .list(let items): out.array { out in for item in items { Self.value(item, to: &out) } }
    }
  }

  /// The units of money, durations and working days in JSON.
  static let euro = "EUR"
  static let minutes = "minutes"
  static let workingDays = "working_days"

  /// An amount in cents as a JSON number of euros with two decimals: `750.00`, `-12.50`.
  static func euros(_ cents: Int64) -> String {
    let whole = cents.magnitude / 100
    let rest = cents.magnitude % 100
    return (cents < 0 ? "-" : "") + "\(whole)." + (rest < 10 ? "0" : "") + "\(rest)"
  }

  /// The units a value's `unit` can name, for the result schema.
  public static var units: [String] { [euro, minutes, workingDays] + QuantityUnit.allCases.map(\.symbol) }
}
