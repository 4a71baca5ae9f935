/// A run-time value, or `unknown` for a fact that is missing (three-valued logic).
///
/// Payloads are small integers where possible so that evaluation copies little; text and
/// enumeration cases are short strings (Swift stores up to 15 UTF-8 bytes inline).
public enum Value: Sendable, Hashable {
  /// A missing or undeterminable value.
  case unknown
  /// A truth value.
  case bool(Bool)
  /// A whole number.
  case integer(Int64)
  /// An exact decimal.
  case decimal(FixedDecimal)
  /// A piece of text.
  case text(String)
  /// An enumeration case, by name (the type is known statically).
  case enumCase(String)
  /// A calendar day.
  case date(CalendarDay)
  /// A time on the initiative's day (may pass 24:00).
  case time(TimeOfDay)
  /// A duration in minutes.
  case duration(Int64)
  /// A number of working days.
  case workingDays(Int64)
  /// An amount in euro cents.
  case money(Int64)
  /// An amount with a unit.
  case quantity(FixedDecimal, QuantityUnit)
  /// A list of values of one type.
  case list([Value])

  /// Whether the value is `unknown`.
  @inlinable public var isUnknown: Bool {
    if case .unknown = self { return true }
    return false
  }

  /// The truth of a bool value: `unknown` for anything else.
  @inlinable public var truth: Truth {
    switch self {
    case .bool(true): .true
    case .bool(false): .false
    default: .unknown
    }
  }

  /// The value as a decimal, for `int` and `decimal`.
  var asDecimal: FixedDecimal? {
    switch self {
    case .integer(let i):
      i.multipliedReportingOverflow(by: FixedDecimal.scale).overflow ? nil : FixedDecimal(i)
    case .decimal(let d): d
    default: nil
    }
  }

  /// `bool`, `int` … of a known value (lists take their first element's type).
  public var valueType: ValueType? {
    switch self {
    case .unknown: nil
    case .bool: .bool
    case .integer: .integer
    case .decimal: .decimal
    case .text: .text
    case .enumCase: nil
    case .date: .date
    case .time: .time
    case .duration: .duration
    case .workingDays: .workingDays
    case .money: .money
    case .quantity(_, let unit): .quantity(unit)
    case .list(let items): items.first?.valueType.map { .list($0) }
    }
  }
}

/// The outcome of a condition in Kleene's three-valued logic.
public enum Truth: UInt8, Sendable, Hashable, CustomStringConvertible {
  case `false` = 0
  case unknown = 1
  case `true` = 2

  /// Kleene conjunction: false wins, then unknown.
  public static func && (a: Truth, b: Truth) -> Truth { Truth(rawValue: min(a.rawValue, b.rawValue))! }
  /// Kleene disjunction: true wins, then unknown.
  public static func || (a: Truth, b: Truth) -> Truth { Truth(rawValue: max(a.rawValue, b.rawValue))! }
  /// Kleene negation: unknown stays unknown.
  public static prefix func ! (a: Truth) -> Truth { Truth(rawValue: 2 - a.rawValue)! }

  /// The value for this truth.
  public var value: Value {
    switch self {
    case .true: .bool(true)
    case .false: .bool(false)
    case .unknown: .unknown
    }
  }

  public var description: String {
    switch self {
    case .true: "true"
    case .false: "false"
    case .unknown: "unknown"
    }
  }
}
