import Foundation
import RuleLanguage
import Synchronization

extension CalendarDay {
  /// Today's date in the Netherlands' time zone (deadlines are counted from it).
  public static var today: CalendarDay { DutchDays.shared.day(at: Date()) }
}

/// The calendar day of a moment in the Netherlands' time zone; the day last asked for is
/// kept with its bounds, so that asking again on the same day costs no calendar arithmetic.
final class DutchDays: Sendable {
  static let shared = DutchDays()

  let calendar: Calendar
  /// The day last computed and the moments it runs from (included) and to (excluded).
  private let last = Mutex<(day: CalendarDay, start: Date, end: Date)?>(nil)

  init() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
    self.calendar = calendar
  }

  func day(at now: Date) -> CalendarDay {
    if let last = last.withLock({ $0 }), last.start <= now, now < last.end { return last.day }
    let parts = calendar.dateComponents([.year, .month, .day], from: now)
    let day = CalendarDay(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDay(daysSinceEpoch: 0)
    let start = calendar.startOfDay(for: now)
    if let end = calendar.date(byAdding: .day, value: 1, to: start), start <= now, now < end {
      last.withLock { $0 = (day, start, end) }
    }
    return day
  }
}
