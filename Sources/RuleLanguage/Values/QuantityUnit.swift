/// A unit of measurement for quantities; add a case to support another unit.
///
/// Quantities in different units never compare or add: `25 m` is not `25 m2`.
public enum QuantityUnit: String, Sendable, Hashable, CaseIterable {
  /// Area in square metres (`m2`).
  case squareMetre = "m2"
  /// Length in metres (`m`).
  case metre = "m"
  /// Length in centimetres (`cm`).
  case centimetre = "cm"
  /// Volume in cubic metres (`m3`).
  case cubicMetre = "m3"
  /// Mass in kilograms (`kg`).
  case kilogram = "kg"
  /// Sound level in decibels (`dB`).
  case decibel = "dB"

  /// The symbol as written in rules.
  public var symbol: String { rawValue }

  /// The unit written `symbol`, if any.
  public init?(symbol: String) {
    self.init(rawValue: symbol)
  }
}
