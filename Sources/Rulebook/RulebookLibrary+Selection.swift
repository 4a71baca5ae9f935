import SourceDiagnostics

extension RulebookLibrary {
  /// The rulebook that answers for a municipality in the register without one of its own:
  /// the VNG model APV, which extends the national rules.
  public static let fallbackRulebookID = "model-apv"

  /// The rulebook for `name` and how it was chosen. `name` is a rulebook id (`borne`,
  /// `model-apv`), the `municipality:` of a rulebook, or a municipality in the register by
  /// name, slug or CBS code (`Den Haag`, `s-hertogenbosch`, `GM0546`); a municipality in the
  /// register without a rulebook of its own gets the model APV, with `fallback` set.
  /// Nil when `name` is none of these (see `unknownMunicipalityHelp(_:)`).
  ///
  /// This is the one resolution that `check`, `ask`, batch and the server share.
  public func select(_ name: String) -> (rulebook: CompiledRulebook, selection: RulebookSelection)? {
    if let rulebook = rulebooks[name] ?? ownRulebook(named: name) {
      let municipality = rulebook.definition.municipality.flatMap(register.municipality(for:))
      return (rulebook, RulebookSelection(rulebookID: rulebook.id, fallback: false, municipality: municipality))
    }
    guard let municipality = register.municipality(for: name) else { return nil }
    if let id = rulebookIDsByCode[municipality.code] {
      // A rulebook of its own that did not compile is an error, not a reason to fall back.
      guard let own = rulebooks[id] else { return nil }
      return (own, RulebookSelection(rulebookID: id, fallback: false, municipality: municipality))
    }
    guard let model = rulebooks[Self.fallbackRulebookID] else { return nil }
    return (model, RulebookSelection(rulebookID: model.id, fallback: true, municipality: municipality))
  }

  /// The rulebook for an initiative that names `municipality`: as `select(_:)` resolves it, or,
  /// when the rules loaded are one rulebook that names no municipality (a permit check read
  /// from a municipality's toepasbare regels, say), that one: it answers wherever the
  /// initiative is.
  public func select(forInitiativeIn municipality: String) -> (rulebook: CompiledRulebook, selection: RulebookSelection)? {
    if let selected = select(municipality) { return selected }
    guard rulebooks.count == 1, let only = rulebooks.values.first, only.definition.municipality == nil else { return nil }
    return (only, RulebookSelection(rulebookID: only.id, fallback: false, municipality: register.municipality(for: municipality)))
  }

  /// The help for a name that `select(_:)` does not know: the nearest municipality (or
  /// municipal rulebook), else how to name one. Model and national rulebooks are not offered.
  public func unknownMunicipalityHelp(_ name: String) -> String {
    let municipal = rulebooks.values.compactMap(\.definition.municipality).sorted()
    // A municipal rulebook's own name first (as its rulebook writes it), then the register's.
    if let nearest = Suggestions.closest(to: name, in: municipal) ?? register.suggestion(for: name) {
      return "did you mean '\(nearest)'?"
    }
    if register.isEmpty, municipal.isEmpty {
      return "the rules loaded name no municipality: choose one of their rulebooks with --rulebook (\(rulebooks.keys.sorted().joined(separator: ", ")))"
    }
    if register.isEmpty { return "known municipalities: \(municipal.joined(separator: ", "))" }
    return "write a municipality's name or CBS code, like 'Leiden' or 'GM0546'; 'bricoleur rulebooks' lists them"
  }

  /// Every municipality in the register with the rulebook that covers it, in the register's order.
  public var coverage: [MunicipalCoverage] {
    register.municipalities.map { MunicipalCoverage(municipality: $0, rulebookID: rulebookIDsByCode[$0.code]) }
  }

  /// The compiled rulebook whose `municipality:` is `name` as written, the first by id.
  func ownRulebook(named name: String) -> CompiledRulebook? {
    rulebooks.values.filter { $0.definition.municipality == name }.min { $0.id < $1.id }
  }

  /// The ids of the municipal rulebooks by the CBS code their `municipality:` resolves to.
  static func rulebookIDs(byCode definitions: [String: RulebookDefinition], in register: MunicipalityRegister) -> [String: String] {
    var ids: [String: String] = [:]
    for definition in definitions.values.sorted(by: { $0.id < $1.id }) {
      guard let name = definition.municipality, let municipality = register.municipality(for: name) else { continue }
      if ids[municipality.code] == nil { ids[municipality.code] = definition.id }
    }
    return ids
  }
}
