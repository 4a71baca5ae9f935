/// Which rulebook answers for an initiative, and whether it is the municipality's own.
public struct RulebookSelection: Sendable, Hashable {
  /// The id of the rulebook applied (`borne`; `model-apv` for a fallback).
  public var rulebookID: String
  /// True when the municipality has no rulebook of its own and the model APV (with the
  /// national rules it extends) answered instead: its local numbers may differ.
  public var fallback: Bool
  /// The municipality in the register, when the name resolved to one.
  public var municipality: Municipality?

  public init(rulebookID: String, fallback: Bool, municipality: Municipality?) {
    self.rulebookID = rulebookID
    self.fallback = fallback
    self.municipality = municipality
  }
}

/// How a municipality of the register is covered: by its own rulebook or by the model.
public struct MunicipalCoverage: Sendable, Hashable {
  public var municipality: Municipality
  /// Its own rulebook's id, or nil when the model APV answers for it.
  public var rulebookID: String?
}
