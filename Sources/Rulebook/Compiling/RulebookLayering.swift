import SourceDiagnostics

/// Lays a rulebook over the one it extends, the way a municipality adapts the model APV:
/// entries with the same name (facts, parameters, definitions, regulations) and rules with the
/// same id replace the inherited ones; `remove_rules` switches inherited rules off.
enum RulebookLayering {
  /// The layered definition of `id` and its chain of rulebooks (root first).
  static func layer(
    _ id: String, in definitions: [String: RulebookDefinition], diagnostics: inout [Diagnostic]
  ) -> (RulebookDefinition, chain: [String])? {
    var chain: [RulebookDefinition] = []
    var seen: Set<String> = []
    var current = definitions[id]
    while let definition = current {
      guard seen.insert(definition.id).inserted else {
        let cycle = chain.map(\.id) + [definition.id]
        diagnostics.append(
          .error(
            RulebookDiagnostics.extendsCycle, "rulebook '\(chain[0].id)' extends itself through \(cycle.joined(separator: " → "))",
            at: chain.last?.extendsSpan, help: "remove one of the 'extends' lines"))
        return nil
      }
      chain.append(definition)
      guard let parent = definition.extends else { break }
      guard let next = definitions[parent] else {
        let help = Suggestions.didYouMean(parent, in: definitions.keys) ?? "known rulebooks: \(definitions.keys.sorted().joined(separator: ", "))"
        diagnostics.append(
          .error(RulebookDiagnostics.unknownReference, "rulebook '\(definition.id)' extends unknown rulebook '\(parent)'", at: definition.extendsSpan, help: help))
        return nil
      }
      current = next
    }
    chain.reverse()
    var result = chain[0]
    for layer in chain.dropFirst() { result = merge(result, under: layer, diagnostics: &diagnostics) }
    return (result, chain.map(\.id))
  }

  static func merge(_ base: RulebookDefinition, under top: RulebookDefinition, diagnostics: inout [Diagnostic]) -> RulebookDefinition {
    var result = top
    result.enumerations = replacing(base.enumerations, with: top.enumerations, key: \.name)
    result.facts = replacing(base.facts, with: top.facts, key: \.name)
    result.parameters = replacing(base.parameters, with: top.parameters.map { replacing($0, in: base) }, key: \.name)
    result.definitions = replacing(base.definitions, with: top.definitions, key: \.name)
    result.constraints = replacing(base.constraints, with: top.constraints, key: \.id)
    result.regulations = replacing(base.regulations, with: top.regulations, key: \.id)
    var rules = replacing(base.rules, with: top.rules, key: \.id)
    for removed in top.removedRules {
      if !rules.contains(where: { $0.id == removed.id }) {
        diagnostics.append(
          .error(
            RulebookDiagnostics.unknownReference, "cannot remove unknown rule '\(removed.id)'", at: removed.span,
            help: Suggestions.didYouMean(removed.id, in: base.rules.map(\.id))))
      }
      rules.removeAll { $0.id == removed.id }
    }
    result.rules = rules
    result.removedRules = []
    if result.municipality == nil { result.municipality = base.municipality }
    return result
  }

  /// A parameter that replaces one of `base` remembers the value it replaces (for its type).
  static func replacing(_ parameter: ParameterDeclaration, in base: RulebookDefinition) -> ParameterDeclaration {
    guard let old = base.parameters.first(where: { $0.name == parameter.name }) else { return parameter }
    var result = parameter
    result.replaced = old.versions.first.map { .init(version: $0, rulebook: base.id) } ?? old.replaced
    return result
  }

  /// The base entries with same-named ones replaced in place, and new ones appended.
  static func replacing<T>(_ base: [T], with top: [T], key: KeyPath<T, String>) -> [T] {
    var result = base
    for entry in top {
      if let index = result.firstIndex(where: { $0[keyPath: key] == entry[keyPath: key] }) {
        result[index] = entry
      } else {
        result.append(entry)
      }
    }
    return result
  }
}
