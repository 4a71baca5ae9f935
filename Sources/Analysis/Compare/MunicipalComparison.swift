import Foundation
import Rulebook

/// Where municipal rulebooks depart from the model APV and from each other, parameter by
/// parameter and rule by rule, each compared in its layered form (what the municipality's
/// residents are checked against).
public struct MunicipalComparison: Sendable {
  /// The model the rulebooks extend (`model-apv`).
  public var model: String
  /// The rulebooks compared, in the order asked for.
  public var rulebooks: [String]
  /// The parameters some rulebook sets otherwise than the model, in the model's order.
  public var parameters: [Row]
  /// The definitions (named conditions such as `klein_evenement`) some rulebook rewrites or adds.
  public var definitions: [Row]
  /// The rules some rulebook changes, removes or adds.
  public var rules: [Row]

  /// One parameter or rule: the model's value and each rulebook's departure from it.
  public struct Row: Sendable {
    public var name: String
    public var citation: String?
    /// The model's value, or for a rule its outcome; nil when the model has none.
    public var model: String?
    /// Per rulebook, in the order of `rulebooks`: nil where it keeps the model's.
    public var departures: [Departure?]
    /// Whether the rulebooks differ from each other here (not only from the model).
    public var rulebooksDiffer: Bool
  }

  /// How one rulebook departs from the model.
  public struct Departure: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
      /// Another value of a parameter.
      case value
      /// A rule of the model rewritten; `text` names the fields that differ.
      case changed
      /// A rule of the model taken out.
      case removed
      /// A rule or parameter the model does not have.
      case added
    }

    public var kind: Kind
    public var text: String
  }

  /// The rulebooks of a library built on the model, by id.
  public static func municipalRulebooks(in library: RulebookLibrary, model: String = RulebookLibrary.fallbackRulebookID) -> [String] {
    library.rulebooks.values.filter { $0.id != model && $0.chain.contains(model) }.map(\.id).sorted()
  }

  /// Compares `ids` (rulebooks of `library` built on `model`) with the model; nil without the model.
  public static func compare(
    _ library: RulebookLibrary, rulebooks ids: [String], model: String = RulebookLibrary.fallbackRulebookID
  ) -> MunicipalComparison? {
    guard let base = library.rulebooks[model]?.definition else { return nil }
    let definitions = ids.compactMap { library.rulebooks[$0]?.definition }
    var comparison = MunicipalComparison(model: model, rulebooks: definitions.map(\.id), parameters: [], definitions: [], rules: [])
    comparison.parameters = rows(
      base.parameters, definitions.map(\.parameters), name: \.name,
      model: { RulebookChanges.parameterFields($0)[0].1 },
      citation: { RulebookChanges.citationText($0.citation) },
      departure: { own, inherited in
        guard let inherited else { return Departure(kind: .added, text: RulebookChanges.parameterFields(own)[0].1) }
        let (a, b) = (RulebookChanges.parameterFields(inherited)[0].1, RulebookChanges.parameterFields(own)[0].1)
        return a == b ? nil : Departure(kind: .value, text: b)
      })
    let expression = { (declaration: DefinitionDeclaration) in
      declaration.source.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
    comparison.definitions = rows(
      base.definitions, definitions.map(\.definitions), name: \.name, model: expression, citation: { _ in nil },
      departure: { own, inherited in
        guard let inherited else { return Departure(kind: .added, text: expression(own)) }
        return expression(inherited) == expression(own) ? nil : Departure(kind: .value, text: expression(own))
      })
    comparison.rules = rows(
      base.rules, definitions.map(\.rules), name: \.id,
      model: { $0.outcome.kind.rawValue },
      citation: { RulebookChanges.citationText($0.citation) },
      departure: { own, inherited in
        guard let inherited else { return Departure(kind: .added, text: own.outcome.kind.rawValue) }
        let fields = zip(RulebookChanges.ruleFields(inherited), RulebookChanges.ruleFields(own)).filter { $0.1 != $1.1 }.map(\.0.0)
        return fields.isEmpty ? nil : Departure(kind: .changed, text: fields.joined(separator: ", "))
      })
    return comparison
  }

  /// The rows where some rulebook departs: the model's entries in its order, then the entries
  /// only rulebooks have, in the order first met.
  static func rows<T>(
    _ base: [T], _ layered: [[T]], name: KeyPath<T, String>, model: (T) -> String, citation: (T) -> String?,
    departure: (_ own: T, _ inherited: T?) -> Departure?
  ) -> [Row] {
    var names = base.map { $0[keyPath: name] }
    for entries in layered { for entry in entries where !names.contains(entry[keyPath: name]) { names.append(entry[keyPath: name]) } }
    return names.compactMap { key in
      let inherited = base.first { $0[keyPath: name] == key }
      var cited = inherited.flatMap(citation)
      let departures = layered.map { entries -> Departure? in
        guard let own = entries.first(where: { $0[keyPath: name] == key }) else {
          return inherited == nil ? nil : Departure(kind: .removed, text: "removed")
        }
        if cited == nil { cited = citation(own) }
        return departure(own, inherited)
      }
      guard departures.contains(where: { $0 != nil }) else { return nil }
      let kept = inherited.map { _ in Departure(kind: .value, text: "") }
      let seen = Set(departures.map { $0 ?? kept ?? Departure(kind: .removed, text: "absent") })
      return Row(name: key, citation: cited, model: inherited.map(model), departures: departures, rulebooksDiffer: seen.count > 1)
    }
  }
}
