import Engine
import Rulebook
import RuleLanguage

/// One change between two versions of a rulebook.
public struct RulebookChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable { case added, removed, changed }
  public var rulebook: String
  /// `rule` or `parameter`.
  public var entity: String
  public var name: String
  public var kind: Kind
  /// What changed (`condition`, `outcome`, `value`, `validity`, `texts` …) with old and new.
  public var details: [String]

  public var text: String {
    "\(rulebook): \(entity) '\(name)' \(kind.rawValue)" + (details.isEmpty ? "" : ": " + details.joined(separator: "; "))
  }
}

/// The differences between the layered rulebooks of two libraries (rules, parameters, texts, validity).
public enum RulebookChanges {
  public static func compare(old: RulebookLibrary, new: RulebookLibrary) -> [RulebookChange] {
    var changes: [RulebookChange] = []
    for id in Set(old.rulebooks.keys).intersection(new.rulebooks.keys).sorted() {
      guard let a = old.rulebooks[id]?.definition, let b = new.rulebooks[id]?.definition else { continue }
      changes += compareRules(id, a.rules, b.rules) + compareParameters(id, a.parameters, b.parameters)
    }
    return changes
  }

  static func compareRules(_ id: String, _ old: [Rule], _ new: [Rule]) -> [RulebookChange] {
    var changes: [RulebookChange] = []
    for rule in new {
      guard let before = old.first(where: { $0.id == rule.id }) else {
        changes.append(RulebookChange(rulebook: id, entity: "rule", name: rule.id, kind: .added, details: []))
        continue
      }
      var details: [String] = []
      func compare(_ what: String, _ a: String, _ b: String) { if a != b { details.append("\(what) '\(a)' → '\(b)'") } }
      compare("scope", before.scope?.text.trimmed ?? "", rule.scope?.text.trimmed ?? "")
      compare("condition", before.condition?.text.trimmed ?? "", rule.condition?.text.trimmed ?? "")
      compare("outcome", before.outcome.kind.rawValue, rule.outcome.kind.rawValue)
      compare("overrides", before.overrides.map(\.id).joined(separator: ", "), rule.overrides.map(\.id).joined(separator: ", "))
      compare("validity", "\(before.validity.from?.description ?? "…")–\(before.validity.until?.description ?? "…")",
        "\(rule.validity.from?.description ?? "…")–\(rule.validity.until?.description ?? "…")")
      compare("citation", before.citation.map { "\($0.regulation) \($0.articleText)" } ?? "", rule.citation.map { "\($0.regulation) \($0.articleText)" } ?? "")
      if before.explanation != rule.explanation || before.title != rule.title || before.outcome != rule.outcome && before.outcome.kind == rule.outcome.kind {
        details.append("texts changed")
      }
      if !details.isEmpty { changes.append(RulebookChange(rulebook: id, entity: "rule", name: rule.id, kind: .changed, details: details)) }
    }
    for rule in old where !new.contains(where: { $0.id == rule.id }) {
      changes.append(RulebookChange(rulebook: id, entity: "rule", name: rule.id, kind: .removed, details: []))
    }
    return changes
  }

  static func compareParameters(_ id: String, _ old: [ParameterDeclaration], _ new: [ParameterDeclaration]) -> [RulebookChange] {
    func versions(_ p: ParameterDeclaration) -> String {
      p.versions.map { v in
        v.source.text.trimmed + (v.validity == .always ? "" : " (\(v.validity.from?.description ?? "…")–\(v.validity.until?.description ?? "…"))")
      }.joined(separator: ", ")
    }
    var changes: [RulebookChange] = []
    for parameter in new {
      guard let before = old.first(where: { $0.name == parameter.name }) else {
        changes.append(RulebookChange(rulebook: id, entity: "parameter", name: parameter.name, kind: .added, details: ["value '\(versions(parameter))'"]))
        continue
      }
      var details: [String] = []
      if versions(before) != versions(parameter) { details.append("value '\(versions(before))' → '\(versions(parameter))'") }
      if before.description != parameter.description { details.append("texts changed") }
      if !details.isEmpty { changes.append(RulebookChange(rulebook: id, entity: "parameter", name: parameter.name, kind: .changed, details: details)) }
    }
    for parameter in old where !new.contains(where: { $0.name == parameter.name }) {
      changes.append(RulebookChange(rulebook: id, entity: "parameter", name: parameter.name, kind: .removed, details: []))
    }
    return changes
  }
}

extension String {
  var trimmed: String {
    String(unicodeScalars.drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed().map(Character.init))
  }
}
