extension Value: CustomStringConvertible {
  /// A readable form that is also valid source: `23:00`, `2026-07-04`, `EUR 2500.00`,
  /// `25 m2`, `3 dagen`, `10 werkdagen`, `'text'`, `true`, `unknown`.
  public var description: String {
    switch self {
    case .unknown: return "unknown"
    case .bool(let b): return b ? "true" : "false"
    case .integer(let i): return String(i)
    case .decimal(let d): return d.description
    case .text(let s): return "'" + s.replacingAll("'", with: "\\'") + "'"
    case .enumCase(let name): return name
    case .date(let d): return d.description
    case .time(let t): return t.description
    case .duration(let minutes): return Value.describeDuration(minutes)
    case .workingDays(let n): return "\(n) werkdagen"
    case .money(let cents): return Value.describeMoney(cents)
    case .quantity(let amount, let unit): return "\(amount) \(unit.symbol)"
    case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// In the largest whole unit: `8 weken`, `3 dagen`, `2 uur`, `90 minuten`.
  static func describeDuration(_ minutes: Int64) -> String {
    if minutes != 0 && minutes % 10080 == 0 { return "\(minutes / 10080) weken" }
    if minutes != 0 && minutes % 1440 == 0 { return "\(minutes / 1440) dagen" }
    if minutes != 0 && minutes % 60 == 0 { return "\(minutes / 60) uur" }
    return "\(minutes) minuten"
  }

  /// `EUR 2500.00`, `-EUR 12.50`.
  static func describeMoney(_ cents: Int64) -> String {
    let magnitude = cents.magnitude
    let rest = magnitude % 100
    return (cents < 0 ? "-" : "") + "EUR \(magnitude / 100)." + (rest < 10 ? "0" : "") + "\(rest)"
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
