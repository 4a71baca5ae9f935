import Rulebook
import RuleLanguage

/// One rulebook in the list of `GET /api/v1/rulebooks`.
public struct RulebookSummaryV1: Codable, Sendable, Hashable {
  public var id: String
  public var name: [String: String]
  /// The municipality it serves; nil for national and model rulebooks.
  public var municipality: String?
  public var extends: String?
  public var languages: [String]
  public var facts: Int
  public var rules: Int
}

/// A rulebook's vocabulary, regulations, rules and parameters (`GET /api/v1/rulebooks/{id}`).
public struct RulebookV1: Codable, Sendable {
  public var id: String
  public var name: [String: String]
  public var municipality: String?
  /// The rulebooks it is built from, root first.
  public var chain: [String]
  public var languages: [String]
  public var facts: [FactV1]
  public var regulations: [RegulationV1]
  public var rules: [RuleV1]
  public var parameters: [ParameterV1]
}

/// A fact of the vocabulary, with what a form needs to ask it.
public struct FactV1: Codable, Sendable, Hashable {
  public var name: String
  /// The type as written in rules (`int`, `time`, `quantity in m2`, `activiteit`).
  public var type: String
  /// The kind of input: bool, integer, decimal, text, enum, list, date, time, duration, money, quantity.
  public var input: String
  public var unit: String?
  public var minimum: String?
  public var maximum: String?
  public var step: String?
  public var question: [String: String]
  public var help: [String: String]
  public var adjustable: Bool
  /// Whether an official assesses it (an open norm) rather than the resident.
  public var judgement: Bool
  /// The allowed values of an enumeration (or of a list's items), with labels.
  public var values: [ValueV1]?

  /// An enumeration case with its labels.
  public struct ValueV1: Codable, Sendable, Hashable {
    public var value: String
    public var label: [String: String]
  }
}

/// A regulation a rulebook cites.
public struct RegulationV1: Codable, Sendable, Hashable {
  public var id: String
  public var title: [String: String]
  public var kind: String
  public var authority: String?
  public var url: String?
}

/// A rule, in brief.
public struct RuleV1: Codable, Sendable, Hashable {
  public var id: String
  public var title: [String: String]
  public var outcome: String
  public var regulation: String?
  public var article: String?
  public var url: String?
}

/// A parameter's value in force (on the day asked, or today).
public struct ParameterV1: Codable, Sendable, Hashable {
  public var name: String
  public var value: String
  public var description: [String: String]
}

extension RulebookSummaryV1 {
  init(_ rulebook: CompiledRulebook) {
    let definition = rulebook.definition
    self.init(
      id: rulebook.id, name: definition.name.texts, municipality: definition.municipality, extends: definition.extends,
      languages: definition.languages, facts: rulebook.facts.count, rules: definition.rules.count)
  }
}

extension RulebookV1 {
  init(_ rulebook: CompiledRulebook, on day: CalendarDay?) {
    let definition = rulebook.definition
    let epoch = rulebook.epoch(on: day)
    self.init(
      id: rulebook.id, name: definition.name.texts, municipality: definition.municipality, chain: rulebook.chain,
      languages: definition.languages,
      facts: rulebook.facts.filter { $0.name != "date" }.map { FactV1($0, in: rulebook) },
      regulations: definition.regulations.map {
        RegulationV1(id: $0.id, title: $0.title.texts, kind: $0.kind.rawValue, authority: $0.authority, url: $0.url)
      },
      rules: epoch.rules.map { compiled in
        let rule = compiled.rule
        return RuleV1(
          id: rule.id, title: rule.title.texts, outcome: rule.outcome.kind.rawValue, regulation: rule.citation?.regulation,
          article: rule.citation?.articleText, url: rule.citation?.url)
      },
      parameters: definition.parameters.compactMap { parameter in
        epoch.parameterValues[parameter.name].map {
          ParameterV1(name: parameter.name, value: $0.description, description: parameter.description.texts)
        }
      })
  }
}

extension FactV1 {
  init(_ fact: FactDeclaration, in rulebook: CompiledRulebook) {
    let cases = rulebook.enumCases(of: fact)
    var element = fact.type
    if case .list(let inner) = element { element = inner }
    var labels = fact.valueLabels
    if case .enumeration(let name) = element, let declared = rulebook.definition.enumerations.first(where: { $0.name == name }) {
      labels.merge(declared.labels) { own, _ in own }
    }
    var unit: String?
    let input: String
    switch fact.type {
    case .bool: input = "bool"
    case .integer: input = "integer"
    case .decimal: input = "decimal"
    case .text: input = "text"
    case .enumeration: input = "enum"
    case .date: input = "date"
    case .time: input = "time"
    case .duration: input = "duration"
    case .workingDays: input = "integer"
    case .money: input = "money"; unit = "€"
    case .quantity(let quantityUnit): input = "quantity"; unit = quantityUnit.symbol
    case .list: input = "list"
    }
    self.init(
      name: fact.name, type: fact.type.description, input: input, unit: unit, minimum: fact.minimum?.description,
      maximum: fact.maximum?.description, step: fact.step?.description, question: fact.question.texts, help: fact.help.texts,
      adjustable: fact.adjustable, judgement: fact.judgement != nil,
      values: cases.map { cases in
        cases.map { ValueV1(value: $0, label: (labels[$0] ?? LocalizedText([:])).texts) }
      })
  }
}
