import Rulebook

/// One municipality of the register in `GET /api/v1/municipalities`: the rulebook that answers
/// for it, its own or the model APV.
public struct MunicipalityV1: Codable, Sendable, Hashable {
  /// The CBS code (`GM0546`).
  public var code: String
  /// The official name (`Leiden`, `'s-Gravenhage`).
  public var name: String
  /// The name as a URL part (`leiden`, `s-gravenhage`); it selects the municipality anywhere a name does.
  public var slug: String
  /// Its own rulebook's id, or the model APV's (`model-apv`) when it has none.
  public var rulebook: String
  /// True when the model APV and the national rules answer, since it has no rulebook of its own.
  public var fallback: Bool
}

extension MunicipalityV1 {
  init(_ coverage: MunicipalCoverage) {
    let municipality = coverage.municipality
    self.init(
      code: municipality.code, name: municipality.name, slug: municipality.slug,
      rulebook: coverage.rulebookID ?? RulebookLibrary.fallbackRulebookID, fallback: coverage.rulebookID == nil)
  }
}
