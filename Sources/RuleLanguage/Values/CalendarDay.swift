/// A day in the proleptic Gregorian calendar, as days since 1970-01-01.
///
/// The rule language's own date type: no time zone, no Foundation.
public struct CalendarDay: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var daysSinceEpoch: Int64

  /// A day from its number of days since 1970-01-01.
  public init(daysSinceEpoch: Int64) {
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// A valid date, or `nil` for `2026-02-30`.
  /// Years beyond ±1 000 000 000 give `nil` too (an astronomical year would overflow the
  /// arithmetic); days that residents and rules write are checked against `isOrdinary`.
  public init?(year: Int, month: Int, day: Int) {
    guard (-1_000_000_000...1_000_000_000).contains(year), (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else {
      return nil
    }
    // Howard Hinnant's days_from_civil.
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    self.daysSinceEpoch = era * 146_097 + doe - 719_468
  }

  /// 0001-01-01 to 9999-12-31: the days an initiative, a rule or date arithmetic may give;
  /// outside them a date is taken as unknown, which keeps working-day counts bounded.
  public static let ordinaryDays: ClosedRange<Int64> = -719_162...2_932_896

  /// Whether the day lies in `ordinaryDays` (years 1 to 9999).
  public var isOrdinary: Bool { Self.ordinaryDays.contains(daysSinceEpoch) }

  /// The year, month (1–12) and day (1–31).
  public var components: (year: Int, month: Int, day: Int) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return (Int(y), Int(m), Int(d))
  }

  /// ISO weekday: Monday = 1 … Sunday = 7.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
    return Int(index) + 1
  }

  /// Whether the day is a Saturday or Sunday.
  public var isWeekend: Bool { weekday >= 6 }

  /// The number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Whether a year is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

  /// Days from this day to `other`.
  public func distance(to other: CalendarDay) -> Int64 { other.daysSinceEpoch - daysSinceEpoch }

  /// The day `n` days later.
  public func advanced(by n: Int64) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + n) }

  /// `2026-07-04`.
  public var description: String {
    let (y, m, d) = components
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let year = String(y)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(m) + "-" + two(d)
  }
}
