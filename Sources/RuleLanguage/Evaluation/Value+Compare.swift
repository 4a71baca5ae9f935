extension Value {
  /// The order of two known values of comparable types (`-1`, `0`, `1`); `nil` if either is
  /// unknown or they do not compare. `int` and `decimal` compare with each other.
  @inlinable
  public static func order(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.time(let x), .time(let y)): return sign(x.minutes, y.minutes)
    case (.date(let x), .date(let y)): return sign(x.daysSinceEpoch, y.daysSinceEpoch)
    case (.money(let x), .money(let y)): return sign(x, y)
    case (.duration(let x), .duration(let y)): return sign(x, y)
    case (.workingDays(let x), .workingDays(let y)): return sign(x, y)
    case (.decimal(let x), .decimal(let y)): return sign(x.scaled, y.scaled)
    case (.quantity(let x, let u), .quantity(let y, let v)) where u == v: return sign(x.scaled, y.scaled)
    case (.integer(let x), .decimal(let y)): return compareWide(x, y)
    case (.decimal(let x), .integer(let y)): return -compareWide(y, x)
    case (.text(let x), .text(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    default: return nil
    }
  }

  @inlinable
  static func sign(_ x: Int64, _ y: Int64) -> Int { x < y ? -1 : (x == y ? 0 : 1) }

  /// Compares an integer with a decimal without overflow.
  @usableFromInline
  static func compareWide(_ x: Int64, _ y: FixedDecimal) -> Int {
    let wide = x.multipliedFullWidth(by: FixedDecimal.scale)
    let yHigh: Int64 = y.scaled < 0 ? -1 : 0
    if wide.high != yHigh { return wide.high < yHigh ? -1 : 1 }
    let yLow = UInt64(bitPattern: y.scaled)
    return wide.low < yLow ? -1 : (wide.low == yLow ? 0 : 1)
  }

  /// Kleene equality: `unknown` if either side is unknown.
  public static func equality(_ a: Value, _ b: Value) -> Truth {
    switch (a, b) {
    case (.unknown, _), (_, .unknown): return .unknown
    case (.enumCase(let x), .enumCase(let y)): return x == y ? .true : .false
    case (.bool(let x), .bool(let y)): return x == y ? .true : .false
    case (.list(let xs), .list(let ys)):
      guard xs.count == ys.count else { return .false }
      var result = Truth.true
      for (x, y) in zip(xs, ys) { result = result && equality(x, y) }
      return result
    default:
      guard let o = order(a, b) else { return .false }
      return o == 0 ? .true : .false
    }
  }

  /// Kleene membership: true if some element equals, unknown if some element or the value is
  /// unknown, otherwise false.
  public static func membership(_ x: Value, in list: Value) -> Truth {
    guard case .list(let items) = list else { return .unknown }
    if x.isUnknown { return .unknown }
    var result = Truth.false
    for item in items {
      result = result || equality(x, item)
      if result == .true { return .true }
    }
    return result
  }
}
