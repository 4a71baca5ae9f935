/// Dutch national public holidays and working days, as the Algemene termijnenwet counts them.
///
/// Public holidays: Nieuwjaarsdag (1 January), Goede Vrijdag, Eerste en Tweede Paasdag,
/// Koningsdag (27 April, or 26 April when the 27th is a Sunday), Bevrijdingsdag (5 May),
/// Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
///
/// Bevrijdingsdag counts every year: the Algemene termijnenwet names 5 May without the
/// lustrum condition that many collective labour agreements apply. Goede Vrijdag is not in that
/// act but most municipalities treat it as a day off; it is included here, which makes deadlines
/// err on the side of the resident.
///
/// A working day is Monday to Friday and not a public holiday.
public enum DutchCalendar {
  /// Easter Sunday of a year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  public static func easterSunday(year: Int) -> CalendarDay {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return CalendarDay(year: year, month: month, day: day)!
  }

  /// The public holidays of a year with their Dutch names, in date order.
  public static func publicHolidays(year: Int) -> [(day: CalendarDay, name: String)] {
    let easter = easterSunday(year: year)
    func date(_ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: year, month: m, day: d)! }
    let kingsDay = date(4, 27).weekday == 7 ? date(4, 26) : date(4, 27)
    let list: [(CalendarDay, String)] = [
      (date(1, 1), "Nieuwjaarsdag"),
      (easter.advanced(by: -2), "Goede Vrijdag"),
      (easter, "Eerste Paasdag"),
      (easter.advanced(by: 1), "Tweede Paasdag"),
      (kingsDay, "Koningsdag"),
      (date(5, 5), "Bevrijdingsdag"),
      (easter.advanced(by: 39), "Hemelvaartsdag"),
      (easter.advanced(by: 49), "Eerste Pinksterdag"),
      (easter.advanced(by: 50), "Tweede Pinksterdag"),
      (date(12, 25), "Eerste Kerstdag"),
      (date(12, 26), "Tweede Kerstdag"),
    ]
    return list.sorted { $0.0 < $1.0 }.map { (day: $0.0, name: $0.1) }
  }

  /// The name of the public holiday on `day`, if it is one.
  public static func holidayName(_ day: CalendarDay) -> String? {
    publicHolidays(year: day.components.year).first { $0.day == day }?.name
  }

  /// Whether `day` is a Dutch national public holiday.
  public static func isPublicHoliday(_ day: CalendarDay) -> Bool {
    let (year, month, d) = day.components
    switch (month, d) {
    case (1, 1), (5, 5), (12, 25), (12, 26): return true
    case (4, 26), (4, 27):
      let sundayOn27 = CalendarDay(year: year, month: 4, day: 27)!.weekday == 7
      return sundayOn27 ? d == 26 : d == 27
    case (3, _), (4, _), (5, _), (6, _):
      let offset = easterSunday(year: year).distance(to: day)
      return [-2, 0, 1, 39, 49, 50].contains(offset)
    default: return false
    }
  }

  /// Whether `day` is Monday to Friday and not a public holiday.
  public static func isWorkingDay(_ day: CalendarDay) -> Bool {
    !day.isWeekend && !isPublicHoliday(day)
  }

  /// The number of working days after `start` up to and including `end`; negative when `end`
  /// is before `start`.
  ///
  /// - Complexity: O(*n*) in the number of days between them.
  public static func workingDaysBetween(_ start: CalendarDay, _ end: CalendarDay) -> Int64 {
    if end < start { return -workingDaysBetween(end, start) }
    var count: Int64 = 0
    var day = start.advanced(by: 1)
    while day <= end {
      if isWorkingDay(day) { count += 1 }
      day = day.advanced(by: 1)
    }
    return count
  }

  /// The day `n` working days after `day` (before it for negative `n`); `n == 0` gives `day`.
  ///
  /// - Complexity: O(*n*).
  public static func addWorkingDays(_ day: CalendarDay, _ n: Int64) -> CalendarDay {
    var remaining = min(n.magnitude, 1_000_000)  // a bound against hostile input
    let step: Int64 = n < 0 ? -1 : 1
    var current = day
    while remaining > 0 {
      current = current.advanced(by: step)
      if isWorkingDay(current) { remaining -= 1 }
    }
    return current
  }
}
