/// An exact decimal number: a signed integer count of millionths.
///
/// `0.1 + 0.2 == 0.3` holds. Six decimal places are enough for regulations (amounts,
/// areas, percentages); results of division are rounded half away from zero.
public struct FixedDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The number of units in one: 10^6.
  public static let scale: Int64 = 1_000_000

  /// The value times `scale`.
  public var scaled: Int64

  /// A decimal from its scaled representation.
  public init(scaled: Int64) {
    self.scaled = scaled
  }

  /// A whole number as a decimal.
  public init(_ integer: Int64) {
    self.scaled = integer &* FixedDecimal.scale
  }

  /// Parses `12`, `1.5`, `-0.25`, `0.000001`; `nil` for more than six decimals or overflow.
  public init?(parsing signed: Substring) {
    let negative = signed.hasPrefix("-")
    let text = negative ? signed.dropFirst() : signed
    guard !text.hasPrefix("-"), !text.hasPrefix("+") else { return nil }
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = Int64(parts[0].isEmpty ? "0" : parts[0]) else { return nil }
    var fraction: Int64 = 0
    if parts.count == 2 {
      let digits = parts[1]
      guard digits.count <= 6, !digits.isEmpty, let value = Int64(digits) else { return nil }
      fraction = value
      for _ in digits.count..<6 { fraction *= 10 }
    }
    let (product, overflow) = whole.multipliedReportingOverflow(by: FixedDecimal.scale)
    let (sum, carry) = product.addingReportingOverflow(fraction)
    guard !overflow, !carry else { return nil }
    self.scaled = negative ? -sum : sum
  }

  public static func < (a: FixedDecimal, b: FixedDecimal) -> Bool { a.scaled < b.scaled }

  /// Sum; `nil` on overflow.
  public static func adding(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal? {
    let (r, o) = a.scaled.addingReportingOverflow(b.scaled)
    return o ? nil : FixedDecimal(scaled: r)
  }

  /// Difference; `nil` on overflow.
  public static func subtracting(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal? {
    let (r, o) = a.scaled.subtractingReportingOverflow(b.scaled)
    return o ? nil : FixedDecimal(scaled: r)
  }

  /// Product, rounded half away from zero; `nil` on overflow.
  public static func multiplying(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal? {
    let wide = a.scaled.multipliedFullWidth(by: b.scaled)
    return divideWide(high: wide.high, low: wide.low, by: scale)
  }

  /// Quotient, rounded half away from zero; `nil` on division by zero or overflow.
  public static func dividing(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal? {
    guard b.scaled != 0 else { return nil }
    let wide = a.scaled.multipliedFullWidth(by: scale)
    return divideWide(high: wide.high, low: wide.low, by: b.scaled)
  }

  /// Rounds a 128-bit value divided by `divisor` half away from zero.
  static func divideWide(high: Int64, low: UInt64, by divisor: Int64) -> FixedDecimal? {
    let negative = (high < 0) != (divisor < 0)
    // Work with magnitudes.
    var mh = UInt64(bitPattern: high)
    var ml = low
    if high < 0 {
      ml = ~ml &+ 1
      mh = ~mh &+ (ml == 0 ? 1 : 0)
    }
    let d = divisor.magnitude
    guard mh < d else { return nil }
    let (q, r) = d.dividingFullWidth((mh, ml))
    var magnitude = q
    if r >= d - r { magnitude += 1 }
    guard magnitude <= UInt64(Int64.max) else { return nil }
    let value = Int64(magnitude)
    return FixedDecimal(scaled: negative ? -value : value)
  }

  /// Rounds to `places` decimals, half away from zero.
  public func rounded(places: Int = 0) -> FixedDecimal {
    let clamped = max(0, min(6, places))
    var unit: Int64 = 1
    for _ in clamped..<6 { unit *= 10 }
    let half = unit / 2
    let magnitude = (scaled.magnitude + UInt64(half)) / UInt64(unit) * UInt64(unit)
    guard magnitude <= UInt64(Int64.max) else { return self }
    let value = Int64(magnitude)
    return FixedDecimal(scaled: scaled < 0 ? -value : value)
  }

  /// The whole number, if the value has no fraction.
  public var integerValue: Int64? {
    scaled % FixedDecimal.scale == 0 ? scaled / FixedDecimal.scale : nil
  }

  /// `1.5`, `-0.25`, `3` (no trailing zeros).
  public var description: String {
    let whole = scaled.magnitude / UInt64(FixedDecimal.scale)
    var fraction = scaled.magnitude % UInt64(FixedDecimal.scale)
    let sign = scaled < 0 ? "-" : ""
    guard fraction != 0 else { return "\(sign)\(whole)" }
    var digits = 6
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let text = String(fraction)
    return "\(sign)\(whole)." + String(repeating: "0", count: digits - text.count) + text
  }
}
