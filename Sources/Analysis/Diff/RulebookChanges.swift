import Engine
import Foundation
import Rulebook
import RuleLanguage

/// The differences between two libraries of rulebooks: rulebooks added and removed, and the
/// rules and parameters of each layered rulebook that were added, removed or changed. A change
/// written in a rulebook that others extend shows in all of them; it is reported once, at the
/// rulebook it is written in, with the rulebooks it reaches.
public enum RulebookChanges {
  public static func compare(old: RulebookLibrary, new: RulebookLibrary) -> [RulebookChange] {
    let (oldIDs, newIDs) = (Set(old.definitions.keys), Set(new.definitions.keys))
    var changes = newIDs.subtracting(oldIDs).sorted().map { rulebookChange($0, .rulebookAdded) }
    changes += oldIDs.subtracting(newIDs).sorted().map { rulebookChange($0, .rulebookRemoved) }
    // Each change as every layered rulebook sees it, keyed by where it is written.
    var seen: [RulebookChange: [String]] = [:]
    var order: [RulebookChange] = []
    let (oldSource, newSource) = (Origins(old), Origins(new))
    for id in Set(old.rulebooks.keys).intersection(new.rulebooks.keys).sorted() {
      guard let a = old.rulebooks[id]?.definition, let b = new.rulebooks[id]?.definition else { continue }
      let found = compareRules(a.rules, b.rules, old: oldSource, new: newSource, in: id)
        + compareParameters(a.parameters, b.parameters, old: oldSource, new: newSource, in: id)
      for change in found {
        if seen[change] == nil { order.append(change) }
        seen[change, default: []].append(id)
      }
    }
    changes += order.map { change in
      var change = change
      change.reaches = (seen[change] ?? []).filter { $0 != change.rulebook }.sorted()
      return change
    }.sorted { ($0.rulebook, $0.entity.rawValue, $0.name) < ($1.rulebook, $1.entity.rawValue, $1.name) }
    return changes
  }

  static func rulebookChange(_ id: String, _ kind: RulebookChange.Kind) -> RulebookChange {
    RulebookChange(rulebook: id, kind: kind, entity: .rulebook, name: id, fields: [], citation: nil)
  }

  /// Which rulebook of a library a file belongs to.
  struct Origins {
    let folders: [(directory: String, id: String)]

    init(_ library: RulebookLibrary) {
      folders = library.definitions.values.map { (($0.directory as NSString).standardizingPath + "/", $0.id) }
        .sorted { $0.directory.count > $1.directory.count }
    }

    func rulebook(of path: String, or fallback: String) -> String {
      let standard = (path as NSString).standardizingPath
      return folders.first { standard.hasPrefix($0.directory) }?.id ?? fallback
    }
  }

  static func citationText(_ citation: Citation?) -> String? {
    citation.map { "\($0.regulation) \($0.articleText)" }
  }

  static func ruleFields(_ rule: Rule) -> [(String, String)] {
    let period = "\(rule.validity.from?.description ?? "…")–\(rule.validity.until?.description ?? "…")"
    return [
      ("scope", rule.scope?.text.trimmed ?? ""), ("condition", rule.condition?.text.trimmed ?? ""),
      ("outcome", rule.outcome.kind.rawValue), ("overrides", rule.overrides.map(\.id).joined(separator: ", ")),
      ("validity", period), ("citation", citationText(rule.citation) ?? ""),
      ("title", rule.title.text("nl")), ("explanation", rule.explanation.text("nl")),
    ]
  }

  static func compareRules(_ old: [Rule], _ new: [Rule], old oldSource: Origins, new newSource: Origins, in id: String) -> [RulebookChange] {
    var changes: [RulebookChange] = []
    for rule in new {
      let source = newSource.rulebook(of: rule.span.file.path, or: id)
      guard let before = old.first(where: { $0.id == rule.id }) else {
        let fields = ruleFields(rule).filter { !$0.1.isEmpty }.map { RulebookChange.Field(name: $0.0, before: nil, after: $0.1) }
        changes.append(RulebookChange(rulebook: source, kind: .added, entity: .rule, name: rule.id, fields: fields, citation: citationText(rule.citation)))
        continue
      }
      let fields = zip(ruleFields(before), ruleFields(rule)).filter { $0.1 != $1.1 }.map {
        RulebookChange.Field(name: $0.0, before: $0.1, after: $1.1)
      }
      if !fields.isEmpty {
        changes.append(RulebookChange(rulebook: source, kind: .changed, entity: .rule, name: rule.id, fields: fields, citation: citationText(rule.citation)))
      }
    }
    for rule in old where !new.contains(where: { $0.id == rule.id }) {
      let fields = ruleFields(rule).filter { !$0.1.isEmpty }.map { RulebookChange.Field(name: $0.0, before: $0.1, after: nil) }
      let source = oldSource.rulebook(of: rule.span.file.path, or: id)
      changes.append(RulebookChange(rulebook: source, kind: .removed, entity: .rule, name: rule.id, fields: fields, citation: citationText(rule.citation)))
    }
    return changes
  }

  static func parameterFields(_ parameter: ParameterDeclaration) -> [(String, String)] {
    let value = parameter.versions.map { version in
      version.source.text.trimmed
        + (version.validity == .always ? "" : " (\(version.validity.from?.description ?? "…")–\(version.validity.until?.description ?? "…"))")
    }.joined(separator: ", ")
    return [("value", value), ("description", parameter.description.text("nl"))]
  }

  static func compareParameters(
    _ old: [ParameterDeclaration], _ new: [ParameterDeclaration], old oldSource: Origins, new newSource: Origins, in id: String
  ) -> [RulebookChange] {
    var changes: [RulebookChange] = []
    for parameter in new {
      let source = newSource.rulebook(of: parameter.span.file.path, or: id)
      let citation = citationText(parameter.citation)
      guard let before = old.first(where: { $0.name == parameter.name }) else {
        let fields = parameterFields(parameter).filter { !$0.1.isEmpty }.map { RulebookChange.Field(name: $0.0, before: nil, after: $0.1) }
        changes.append(RulebookChange(rulebook: source, kind: .added, entity: .parameter, name: parameter.name, fields: fields, citation: citation))
        continue
      }
      let fields = zip(parameterFields(before), parameterFields(parameter)).filter { $0.1 != $1.1 }.map {
        RulebookChange.Field(name: $0.0, before: $0.1, after: $1.1)
      }
      if !fields.isEmpty {
        changes.append(RulebookChange(rulebook: source, kind: .changed, entity: .parameter, name: parameter.name, fields: fields, citation: citation))
      }
    }
    for parameter in old where !new.contains(where: { $0.name == parameter.name }) {
      let fields = parameterFields(parameter).filter { !$0.1.isEmpty }.map { RulebookChange.Field(name: $0.0, before: $0.1, after: nil) }
      let source = oldSource.rulebook(of: parameter.span.file.path, or: id)
      changes.append(
        RulebookChange(rulebook: source, kind: .removed, entity: .parameter, name: parameter.name, fields: fields, citation: citationText(parameter.citation)))
    }
    return changes
  }
}

extension String {
  var trimmed: String {
    String(unicodeScalars.drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed().map(Character.init))
  }
}
