import RuleLanguage

/// Values as a resident reads them: `23:00`, `01:00 (volgende dag)`, `€ 2.500,00`, `25 m²`, `ja`.
public struct ValueFormatter: Sendable {
  public var language: String

  public init(language: String) {
    self.language = language
  }

  var dutch: Bool { language != "en" }

  public func format(_ value: Value) -> String {
    switch value {
    case .unknown: return dutch ? "onbekend" : "unknown"
    case .bool(let flag): return flag ? (dutch ? "ja" : "yes") : (dutch ? "nee" : "no")
    case .integer(let number): return String(number)
    case .decimal(let number): return dutch ? number.description.replacingOccurrences(".", ",") : number.description
    case .text(let text): return text
    case .enumCase(let name): return name.replacingOccurrences("_", " ")
    case .date(let day): return day.description
    case .time(let time): return formatTime(time)
    case .duration(let minutes): return formatDuration(minutes)
    case .workingDays(let days): return dutch ? "\(days) werkdag\(days == 1 ? "" : "en")" : "\(days) working day\(days == 1 ? "" : "s")"
    case .money(let cents): return formatMoney(cents)
    case .quantity(let amount, let unit):
      let number = dutch ? amount.description.replacingOccurrences(".", ",") : amount.description
      return "\(number) \(unit == .squareMetre ? "m²" : unit == .cubicMetre ? "m³" : unit.symbol)"
    case .list(let items): return items.map(format).joined(separator: ", ")
    }
  }

  /// A time past midnight says it is on the next day.
  func formatTime(_ time: TimeOfDay) -> String {
    guard time.minutes >= 1440 else { return time.description }
    let clock = TimeOfDay(minutes: time.minutes % 1440).description
    if time.minutes == 1440 { return "24:00" }
    return clock + (dutch ? " (volgende dag)" : " (next day)")
  }

  func formatDuration(_ minutes: Int64) -> String {
    let units: [(Int64, String, String, String, String)] = [
      (10080, "week", "weken", "week", "weeks"), (1440, "dag", "dagen", "day", "days"), (60, "uur", "uur", "hour", "hours"),
    ]
    for (size, nlOne, nlMany, enOne, enMany) in units where minutes != 0 && minutes % size == 0 {
      let count = minutes / size
      return "\(count) " + (dutch ? (count == 1 ? nlOne : nlMany) : (count == 1 ? enOne : enMany))
    }
    return "\(minutes) " + (dutch ? "minuten" : "minutes")
  }

  /// `€ 1.250,00` in Dutch, `€1,250.00` in English.
  func formatMoney(_ cents: Int64) -> String {
    let magnitude = cents.magnitude
    let euros = String(magnitude / 100)
    var grouped = ""
    for (index, digit) in euros.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { grouped.append(dutch ? "." : ",") }
      grouped.append(digit)
    }
    let whole = String(grouped.reversed())
    let rest = magnitude % 100
    let fraction = (rest < 10 ? "0" : "") + String(rest)
    let sign = cents < 0 ? "-" : ""
    return dutch ? "\(sign)€ \(whole),\(fraction)" : "\(sign)€\(whole).\(fraction)"
  }
}

extension String {
  func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
    // Plain ASCII (names, numbers) is replaced byte by byte; an ASCII byte in such a string is
    // always a character of its own.
    if let byte = target.asciiValue, utf8.allSatisfy({ $0 < 0x80 }) {
      guard utf8.contains(byte) else { return self }
      var out: [UInt8] = []
      out.reserveCapacity(utf8.count + replacement.utf8.count)
      for unit in utf8 {
        if unit == byte { out += replacement.utf8 } else { out.append(unit) }
      }
      return String(decoding: out, as: UTF8.self)
    }
    var out = ""
    for character in self { if character == target { out += replacement } else { out.append(character) } }
    return out
  }
}
