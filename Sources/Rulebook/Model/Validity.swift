import RuleLanguage

/// The period in which a rule, parameter or regulation is in force; open ends are unbounded.
public struct Validity: Sendable, Hashable {
  public var from: CalendarDay?
  public var until: CalendarDay?

  public init(from: CalendarDay? = nil, until: CalendarDay? = nil) {
    self.from = from
    self.until = until
  }

  /// Always in force.
  public static let always = Validity()

  /// Whether `day` falls inside the period (both ends inclusive).
  public func contains(_ day: CalendarDay) -> Bool {
    if let from, day < from { return false }
    if let until, day > until { return false }
    return true
  }

  /// Whether two periods share a day.
  public func overlaps(_ other: Validity) -> Bool {
    let start = max(from?.daysSinceEpoch ?? .min, other.from?.daysSinceEpoch ?? .min)
    let end = min(until?.daysSinceEpoch ?? .max, other.until?.daysSinceEpoch ?? .max)
    return start <= end
  }
}
