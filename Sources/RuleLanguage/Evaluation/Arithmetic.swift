/// Typing and evaluation of `+ - * /` and unary minus.
///
/// | left | op | right | result |
/// | --- | --- | --- | --- |
/// | int | + - * | int | int |
/// | int/decimal | + - * / | int/decimal | decimal (`/` is always decimal) |
/// | money | + - | money | money |
/// | money | * / | int/decimal | money (rounded to the cent) |
/// | money | / | money | decimal |
/// | quantity u | + - | quantity u | quantity u |
/// | quantity u | * / | int/decimal | quantity u |
/// | quantity u | / | quantity u | decimal |
/// | duration | + - | duration | duration |
/// | duration | * | int | duration |
/// | duration | / | duration | decimal |
/// | time | + - | duration | time |
/// | time | - | time | duration |
/// | date | + - | duration | date (whole days) |
/// | date | + - | working days | date (Dutch working days) |
/// | working days | + - | working days | working days |
enum Arithmetic {
  static func resultType(_ op: BinaryOperator, _ l: ValueType, _ r: ValueType) -> ValueType? {
    switch (op, l, r) {
    case (.add, .integer, .integer), (.subtract, .integer, .integer), (.multiply, .integer, .integer): .integer
    case (_, _, _) where l.isNumber && r.isNumber: .decimal
    case (.add, .money, .money), (.subtract, .money, .money): .money
    case (.multiply, .money, _) where r.isNumber, (.divide, .money, _) where r.isNumber: .money
    case (.multiply, _, .money) where l.isNumber: .money
    case (.divide, .money, .money): .decimal
    case (.add, .quantity(let u), .quantity(let v)) where u == v, (.subtract, .quantity(let u), .quantity(let v)) where u == v: l
    case (.multiply, .quantity, _) where r.isNumber, (.divide, .quantity, _) where r.isNumber: l
    case (.multiply, _, .quantity) where l.isNumber: r
    case (.divide, .quantity(let u), .quantity(let v)) where u == v: .decimal
    case (.add, .duration, .duration), (.subtract, .duration, .duration): .duration
    case (.multiply, .duration, .integer): .duration
    case (.multiply, .integer, .duration): .duration
    case (.divide, .duration, .duration): .decimal
    case (.add, .time, .duration), (.subtract, .time, .duration): .time
    case (.add, .duration, .time): .time
    case (.subtract, .time, .time): .duration
    case (.add, .date, .duration), (.subtract, .date, .duration): .date
    case (.add, .date, .workingDays), (.subtract, .date, .workingDays): .date
    case (.add, .workingDays, .workingDays), (.subtract, .workingDays, .workingDays): .workingDays
    default: nil
    }
  }

  static func help(_ op: BinaryOperator, _ left: ValueType) -> String? {
    switch left {
    case .time: "add a duration to a time, e.g. 'start + 2 uur', or use 'duration_between(start, end)'"
    case .date: "add a duration or working days to a date, e.g. 'date + 10 werkdagen', or use 'days_between(a, b)'"
    case .text, .enumeration, .bool: "'\(op.rawValue)' applies to numbers, amounts, quantities, durations, times and dates"
    default: nil
    }
  }

  /// `-x`; `unknown` for unknown or overflow.
  static func negate(_ value: Value) -> Value {
    switch value {
    case .integer(let i) where i != .min: .integer(-i)
    case .decimal(let d) where d.scaled != .min: .decimal(FixedDecimal(scaled: -d.scaled))
    case .money(let c) where c != .min: .money(-c)
    case .duration(let m) where m != .min: .duration(-m)
    case .workingDays(let n) where n != .min: .workingDays(-n)
    case .quantity(let d, let u) where d.scaled != .min: .quantity(FixedDecimal(scaled: -d.scaled), u)
    default: .unknown
    }
  }

  /// Applies a checked arithmetic operator; `unknown` when an operand is unknown, on overflow
  /// and on division by zero.
  static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case (.integer(let x), .integer(let y)) where op != .divide:
      return integer(op, x, y).map(Value.integer) ?? .unknown
    case (.money(let x), .money(let y)):
      if op == .divide { return decimal(.divide, FixedDecimal(x), FixedDecimal(y)).map(Value.decimal) ?? .unknown }
      return integer(op, x, y).map(Value.money) ?? .unknown
    case (.money(let cents), _):
      guard let factor = b.asDecimal else { return .unknown }
      return scaleMoney(cents, op, factor)
    case (_, .money(let cents)):
      guard let factor = a.asDecimal else { return .unknown }
      return scaleMoney(cents, op, factor)
    case (.quantity(let x, let u), .quantity(let y, _)):
      guard let r = decimal(op, x, y) else { return .unknown }
      return op == .divide ? .decimal(r) : .quantity(r, u)
    case (.quantity(let x, let u), _):
      guard let y = b.asDecimal, let r = decimal(op, x, y) else { return .unknown }
      return .quantity(r, u)
    case (_, .quantity(let y, let u)):
      guard let x = a.asDecimal, let r = decimal(op, x, y) else { return .unknown }
      return .quantity(r, u)
    case (.duration(let x), .duration(let y)):
      if op == .divide { return decimal(.divide, FixedDecimal(x), FixedDecimal(y)).map(Value.decimal) ?? .unknown }
      return integer(op, x, y).map(Value.duration) ?? .unknown
    case (.duration(let x), .integer(let y)), (.integer(let y), .duration(let x)):
      return integer(.multiply, x, y).map(Value.duration) ?? .unknown
    case (.time(let t), .duration(let d)), (.duration(let d), .time(let t)):
      return integer(op, t.minutes, d).map { .time(TimeOfDay(minutes: $0)) } ?? .unknown
    case (.time(let x), .time(let y)):
      return integer(.subtract, x.minutes, y.minutes).map(Value.duration) ?? .unknown
    case (.date(let day), .duration(let minutes)):
      let days = minutes / 1440
      guard day.isOrdinary, let moved = integer(op, day.daysSinceEpoch, days) else { return .unknown }
      return ordinary(CalendarDay(daysSinceEpoch: moved))
    case (.date(let day), .workingDays(let n)):
      guard day.isOrdinary, n != .min else { return .unknown }
      return ordinary(DutchCalendar.addWorkingDays(day, op == .add ? n : -n))
    case (.workingDays(let x), .workingDays(let y)):
      return integer(op, x, y).map(Value.workingDays) ?? .unknown
    default:
      guard let x = a.asDecimal, let y = b.asDecimal else { return .unknown }
      return decimal(op, x, y).map(Value.decimal) ?? .unknown
    }
  }

  /// A date that date arithmetic gave, or `unknown` beyond the years 1 to 9999.
  static func ordinary(_ day: CalendarDay) -> Value {
    day.isOrdinary ? .date(day) : .unknown
  }

  static func integer(_ op: BinaryOperator, _ x: Int64, _ y: Int64) -> Int64? {
    let (r, o): (Int64, Bool)
    switch op {
    case .add: (r, o) = x.addingReportingOverflow(y)
    case .subtract: (r, o) = x.subtractingReportingOverflow(y)
    case .multiply: (r, o) = x.multipliedReportingOverflow(by: y)
    default: return nil
    }
    return o ? nil : r
  }

  static func decimal(_ op: BinaryOperator, _ x: FixedDecimal, _ y: FixedDecimal) -> FixedDecimal? {
    switch op {
    case .add: FixedDecimal.adding(x, y)
    case .subtract: FixedDecimal.subtracting(x, y)
    case .multiply: FixedDecimal.multiplying(x, y)
    case .divide: FixedDecimal.dividing(x, y)
    default: nil
    }
  }

  /// Money times or divided by a number, rounded half away from zero to the cent.
  static func scaleMoney(_ cents: Int64, _ op: BinaryOperator, _ factor: FixedDecimal) -> Value {
    guard let r = decimal(op, FixedDecimal(cents), factor) else { return .unknown }
    let rounded = r.rounded(places: 0)
    return .money(rounded.scaled / FixedDecimal.scale)
  }
}
