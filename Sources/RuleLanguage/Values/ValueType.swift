/// The static type of an expression, a fact or a parameter.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
  /// `true` or `false` (or unknown at run time).
  case bool
  /// A whole number.
  case integer
  /// An exact decimal (`FixedDecimal`).
  case decimal
  /// A piece of text.
  case text
  /// A value from a named closed set of cases, declared in the `Environment`.
  case enumeration(String)
  /// A calendar day (`2026-07-04`).
  case date
  /// A time on the initiative's day (`23:00`); may pass 24:00.
  case time
  /// A length of time in minutes (`2 uur`, `3 dagen`, `8 weken`).
  case duration
  /// A number of working days (`10 werkdagen`), counted with the Dutch calendar.
  case workingDays
  /// An amount in euros, exact to the cent.
  case money
  /// A number with a unit (`25 m2`).
  case quantity(QuantityUnit)
  /// A list of values of one type.
  case list(ValueType)

  /// The name used in messages: `int`, `time`, `enum 'activity'`, `list of int`.
  public var description: String {
    switch self {
    case .bool: "bool"
    case .integer: "int"
    case .decimal: "decimal"
    case .text: "text"
    case .enumeration(let name): name
    case .date: "date"
    case .time: "time"
    case .duration: "duration"
    case .workingDays: "working days"
    case .money: "money"
    case .quantity(let unit): "quantity in \(unit.symbol)"
    case .list(let element): "list of \(element)"
    }
  }

  /// Whether the type is `int` or `decimal`.
  public var isNumber: Bool { self == .integer || self == .decimal }

  /// Whether values of the type can be ordered with `<`.
  public var isOrdered: Bool {
    switch self {
    case .integer, .decimal, .date, .time, .duration, .workingDays, .money, .quantity: true
    default: false
    }
  }

  /// The element type of a list.
  public var elementType: ValueType? {
    if case .list(let element) = self { return element }
    return nil
  }

  /// The type both can widen to (`int` and `decimal` meet in `decimal`), or `nil`.
  public static func common(_ a: ValueType, _ b: ValueType) -> ValueType? {
    if a == b { return a }
    if a.isNumber && b.isNumber { return .decimal }
    if case .list(let x) = a, case .list(let y) = b, let e = common(x, y) { return .list(e) }
    return nil
  }
}
