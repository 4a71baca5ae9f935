import Engine
import Rulebook
import RuleLanguage
import SourceDiagnostics

/// A concrete initiative that shows a lint finding: its date and the facts the search set.
///
/// The values are as a resident would write them (an end at `01:00` after a start at `20:00`,
/// not `25:00`), so `initiative(id:municipality:)` binds to the same fact vector the search saw.
public struct Witness: Sendable {
  /// The day of the initiative, if the search set one.
  public var date: CalendarDay?
  /// The facts the search set, in slot order; facts not listed are unknown.
  public var facts: [(name: String, value: Value)]

  public init(date: CalendarDay?, facts: [(name: String, value: Value)]) {
    self.date = date
    self.facts = facts
  }

  /// The witness as an initiative that `RuleEngine.check` evaluates.
  public func initiative(id: String, municipality: String?) -> Initiative {
    let raw = facts.map { fact -> RawFact in
      if case .list(let items) = fact.value {
        return RawFact(name: fact.name, text: nil, items: items.map { (Self.inputText($0), nil) })
      }
      return RawFact(name: fact.name, text: Self.inputText(fact.value))
    }
    return Initiative(id: id, municipality: municipality, date: date, facts: raw)
  }

  /// `date`, then each fact, as diagnostic witness entries.
  public var entries: [DiagnosticWitnessEntry] {
    (date.map { [DiagnosticWitnessEntry(name: "date", value: $0.description)] } ?? [])
      + facts.map { DiagnosticWitnessEntry(name: $0.name, value: Self.inputText($0.value)) }
  }

  /// `date = 2026-06-17, visitors = 150, alcohol_sold = false`.
  public var summary: String {
    entries.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
  }

  /// The text a resident would write for a value (text without quotes, lists comma-separated).
  public static func inputText(_ value: Value) -> String {
    switch value {
    case .text(let text): text
    case .list(let items): items.map(inputText).joined(separator: ", ")
    default: value.description
    }
  }
}
