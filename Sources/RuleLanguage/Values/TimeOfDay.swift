/// A time on the initiative's day, as minutes since its midnight.
///
/// A time may pass 24:00 to mean the next day: the rulebook layer normalises an event that
/// ends at 01:00 the next morning to `25:00`, so `end <= 23:00` is false for it. In rules,
/// write such a time as `next_day(01:00)`.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Minutes since midnight of the day; may be 1440 or more for the next day.
  public var minutes: Int64

  /// A time from minutes since midnight.
  public init(minutes: Int64) {
    self.minutes = minutes
  }

  /// A time from hours and minutes (`hour` may exceed 23 for the next day).
  public init(hour: Int, minute: Int) {
    self.minutes = Int64(hour * 60 + minute)
  }

  public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }

  /// `23:00`, `24:00`, or `next_day(01:00)` for a time past midnight.
  public var description: String {
    if minutes > 1440 {
      return "next_day(\(TimeOfDay(minutes: minutes - 1440)))"
    }
    let hour = minutes / 60
    let minute = minutes % 60
    return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
  }
}
