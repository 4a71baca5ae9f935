/// The standard builtins, one family per file.
enum StandardBuiltins {
  static let calendar: [Builtin] = [
    .fixed("weekday", [.date], returns: .integer, summary: "ISO weekday: Monday = 1 … Sunday = 7") { args in
      guard case .date(let d) = args[0] else { return .unknown }
      return .integer(Int64(d.weekday))
    },
    .fixed("is_public_holiday", [.date], returns: .bool, summary: "whether the date is a Dutch national public holiday") { args in
      guard case .date(let d) = args[0] else { return .unknown }
      return .bool(DutchCalendar.isPublicHoliday(d))
    },
    .fixed("is_working_day", [.date], returns: .bool, summary: "Monday to Friday and not a public holiday") { args in
      guard case .date(let d) = args[0] else { return .unknown }
      return .bool(DutchCalendar.isWorkingDay(d))
    },
    .fixed("working_days_between", [.date, .date], returns: .workingDays,
      summary: "working days after the first date up to and including the second") { args in
      guard case .date(let a) = args[0], case .date(let b) = args[1] else { return .unknown }
      return .workingDays(DutchCalendar.workingDaysBetween(a, b))
    },
    .fixed("add_working_days", [.date, .integer], returns: .date, summary: "the date n working days later") { args in
      guard case .date(let d) = args[0], case .integer(let n) = args[1] else { return .unknown }
      return .date(DutchCalendar.addWorkingDays(d, n))
    },
    .fixed("days_between", [.date, .date], returns: .integer, summary: "calendar days from the first date to the second") { args in
      guard case .date(let a) = args[0], case .date(let b) = args[1] else { return .unknown }
      return .integer(a.distance(to: b))
    },
    .fixed("year", [.date], returns: .integer, summary: "the year of a date") { args in
      guard case .date(let d) = args[0] else { return .unknown }
      return .integer(Int64(d.components.year))
    },
    .fixed("month", [.date], returns: .integer, summary: "the month of a date, 1–12") { args in
      guard case .date(let d) = args[0] else { return .unknown }
      return .integer(Int64(d.components.month))
    },
    .fixed("day_of_month", [.date], returns: .integer, summary: "the day of the month, 1–31 (4 May: day_of_month(date) == 4 and month(date) == 5)") { args in
      guard case .date(let d) = args[0] else { return .unknown }
      return .integer(Int64(d.components.day))
    },
  ]

  static let time: [Builtin] = [
    .fixed("duration_between", [.time, .time], returns: .duration,
      summary: "from the first time to the second, passing midnight when the second is not later") { args in
      guard case .time(let a) = args[0], case .time(let b) = args[1] else { return .unknown }
      let difference = b.minutes - a.minutes
      return .duration(difference > 0 ? difference : difference + 1440)
    },
    .fixed("next_day", [.time], returns: .time, summary: "the same time on the next day: next_day(01:00) is 25:00") { args in
      guard case .time(let t) = args[0] else { return .unknown }
      return .time(TimeOfDay(minutes: t.minutes + 1440))
    },
    .fixed("hours", [.duration], returns: .decimal, summary: "a duration in hours") { args in
      guard case .duration(let m) = args[0] else { return .unknown }
      return FixedDecimal.dividing(FixedDecimal(m), FixedDecimal(60)).map(Value.decimal) ?? .unknown
    },
    .fixed("minutes", [.duration], returns: .integer, summary: "a duration in minutes") { args in
      guard case .duration(let m) = args[0] else { return .unknown }
      return .integer(m)
    },
  ]
}
