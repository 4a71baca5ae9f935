import RuleLanguage
import Testing

@Suite struct CalendarTests {
  static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

  static let holidays: [(String, CalendarDay)] = [
    ("Nieuwjaarsdag 2026", day(2026, 1, 1)),
    ("Goede Vrijdag 2026", day(2026, 4, 3)),
    ("Eerste Paasdag 2026", day(2026, 4, 5)),
    ("Tweede Paasdag 2026", day(2026, 4, 6)),
    ("Koningsdag 2026 (Monday)", day(2026, 4, 27)),
    ("Koningsdag 2025 moved to Saturday 26 April", day(2025, 4, 26)),
    ("Koningsdag 2014 moved to Saturday 26 April", day(2014, 4, 26)),
    ("Bevrijdingsdag 2026 (not a lustrum year)", day(2026, 5, 5)),
    ("Bevrijdingsdag 2025 (lustrum year)", day(2025, 5, 5)),
    ("Hemelvaartsdag 2026", day(2026, 5, 14)),
    ("Eerste Pinksterdag 2026", day(2026, 5, 24)),
    ("Tweede Pinksterdag 2026", day(2026, 5, 25)),
    ("Hemelvaartsdag 2025", day(2025, 5, 29)),
    ("Tweede Pinksterdag 2025", day(2025, 6, 9)),
    ("Eerste Kerstdag", day(2026, 12, 25)),
    ("Tweede Kerstdag", day(2026, 12, 26)),
    ("Tweede Paasdag 2024", day(2024, 4, 1)),
  ]

  @Test(arguments: holidays)
  func isHoliday(_ name: String, _ date: CalendarDay) {
    #expect(DutchCalendar.isPublicHoliday(date), "\(name)")
    #expect(!DutchCalendar.isWorkingDay(date))
    #expect(DutchCalendar.holidayName(date) != nil)
  }

  static let ordinaryDays: [(String, CalendarDay)] = [
    ("27 April 2025 is a Sunday, not Koningsdag", day(2025, 4, 27)),
    ("26 April 2026 is not Koningsdag", day(2026, 4, 26)),
    ("Easter Tuesday", day(2026, 4, 7)),
    ("Oudejaarsdag", day(2026, 12, 31)),
    ("day after Hemelvaart", day(2026, 5, 15)),
  ]

  @Test(arguments: ordinaryDays)
  func isNoHoliday(_ name: String, _ date: CalendarDay) {
    #expect(!DutchCalendar.isPublicHoliday(date), "\(name)")
  }

  static let easters: [(Int, CalendarDay)] = [
    (2024, day(2024, 3, 31)), (2025, day(2025, 4, 20)), (2026, day(2026, 4, 5)), (2027, day(2027, 3, 28)),
    (2038, day(2038, 4, 25)), (2000, day(2000, 4, 23)),
  ]

  @Test(arguments: easters)
  func easter(_ year: Int, _ expected: CalendarDay) {
    #expect(DutchCalendar.easterSunday(year: year) == expected)
  }

  @Test func koningsdag2025IsSaturday() {
    #expect(Self.day(2025, 4, 26).weekday == 6)
    #expect(Self.day(2025, 4, 27).weekday == 7)
    #expect(DutchCalendar.holidayName(Self.day(2025, 4, 26)) == "Koningsdag")
  }

  static let workingDays: [(String, CalendarDay, Int64, CalendarDay)] = [
    ("plain week", day(2026, 6, 1), 5, day(2026, 6, 8)),
    ("over a weekend", day(2026, 6, 5), 1, day(2026, 6, 8)),
    ("over Easter", day(2026, 4, 2), 1, day(2026, 4, 7)),
    ("over Koningsdag and Bevrijdingsdag", day(2026, 4, 23), 10, day(2026, 5, 11)),
    ("over Hemelvaart", day(2026, 5, 13), 1, day(2026, 5, 15)),
    ("over Christmas", day(2026, 12, 24), 1, day(2026, 12, 28)),
    ("zero days", day(2026, 6, 6), 0, day(2026, 6, 6)),
    ("backwards over Pinksteren", day(2026, 5, 26), -1, day(2026, 5, 22)),
  ]

  @Test(arguments: workingDays)
  func addWorkingDays(_ name: String, _ start: CalendarDay, _ n: Int64, _ expected: CalendarDay) {
    #expect(DutchCalendar.addWorkingDays(start, n) == expected, "\(name)")
    if n > 0 {
      #expect(DutchCalendar.workingDaysBetween(start, expected) == n)
      #expect(DutchCalendar.workingDaysBetween(expected, start) == -n)
    }
  }

  static let roundTrips: [(Int, Int, Int, Int64, Int)] = [
    (1970, 1, 1, 0, 4), (2000, 2, 29, 11_016, 2), (2026, 7, 4, 20_638, 6), (1969, 12, 31, -1, 3), (2100, 3, 1, 47_541, 1),
  ]

  @Test(arguments: roundTrips)
  func civilDates(_ y: Int, _ m: Int, _ d: Int, _ days: Int64, _ weekday: Int) {
    let date = CalendarDay(year: y, month: m, day: d)!
    #expect(date.daysSinceEpoch == days)
    #expect(date.components == (y, m, d))
    #expect(date.weekday == weekday)
  }

  @Test func invalidDates() {
    #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
    #expect(CalendarDay(year: 2028, month: 2, day: 29) != nil)
    #expect(CalendarDay(year: 2100, month: 2, day: 29) == nil)
    #expect(CalendarDay(year: 2026, month: 4, day: 31) == nil)
  }
}
