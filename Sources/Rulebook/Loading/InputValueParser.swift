import RuleLanguage

/// Parses the values residents and web forms write (`ja`, `18:30`, `€ 1.250,00`, `16 m2`)
/// into typed values. The vocabulary says the type, so nothing is guessed.
public enum InputValueParser {
  /// The words read as yes or no, in lower case.
  public static let yesWords = ["true", "ja", "yes", "waar", "j", "y", "1"]
  public static let noWords = ["false", "nee", "no", "onwaar", "n", "0"]

  /// `true/false`, `ja/nee`, `yes/no`, `waar/onwaar`, `1/0` (any case).
  public static func bool(_ text: String) -> Bool? {
    let word = text.lowercased().trimmingSpaces
    if yesWords.contains(word) { return true }
    if noWords.contains(word) { return false }
    return nil
  }

  /// A whole number; `1.250` and `1 250` (Dutch thousands) are accepted, `08` is 8.
  public static func integer(_ text: String) -> Int64? {
    let cleaned = text.trimmingSpaces.replacingAll([" ", "_"], with: "")
    if let value = Int64(cleaned) { return value }
    // Dutch thousands separators: 1.250 or 12.500.000 (groups of three after the first).
    let groups = cleaned.split(separator: ".", omittingEmptySubsequences: false)
    if groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }) { return Int64(groups.joined()) }
    return nil
  }

  /// An exact decimal with `.` or a Dutch `,` as the decimal mark (`1.250,5` is 1250.5); a
  /// number with an exponent or more than six decimals is rounded to six; at most
  /// `largestAmount` either way.
  public static func decimal(_ text: String) -> FixedDecimal? {
    var cleaned = text.trimmingSpaces.replacingAll([" ", "_"], with: "")
    if cleaned.utf8.contains(UInt8(ascii: ",")), cleaned.contains(",") {
      cleaned = cleaned.replacingAll(["."], with: "").replacingAll([","], with: ".")
    }
    guard let value = FixedDecimal(parsing: Substring(cleaned)) ?? rounded(cleaned), value.scaled.magnitude <= largestAmount.scaled.magnitude
    else { return nil }
    return value
  }

  /// The largest amount a fact takes (a million million): a number beyond it is a mistake, and
  /// money and sums of it stay far from the limits of 64 bits.
  public static let largestAmount = FixedDecimal(1_000_000_000_000)

  /// A number as JSON clients write floating-point values (`1e-05`, `0.30000000000000004`),
  /// rounded to the millionth that decimals keep; nil for anything else or a number too large.
  static func rounded(_ text: String) -> FixedDecimal? {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: ".") }),
      text.utf8.allSatisfy({ (0x30...0x39).contains($0) || "eE.+-".utf8.contains($0) }),
      let number = Double(text), number.isFinite
    else { return nil }
    let scaled = (number * Double(FixedDecimal.scale)).rounded()
    guard abs(scaled) < 9.0e18 else { return nil }
    return FixedDecimal(scaled: Int64(scaled))
  }

  /// A date `YYYY-MM-DD` (also `DD-MM-YYYY` as Dutch forms export it) that exists.
  public static func date(_ text: String) -> CalendarDay? {
    let parts = text.trimmingSpaces.split(separator: "-").map { Int($0) }
    guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
    let day = text.trimmingSpaces.split(separator: "-")[0].count == 4
      ? CalendarDay(year: a, month: b, day: c) : CalendarDay(year: c, month: b, day: a)
    return day?.isOrdinary == true ? day : nil
  }

  /// Why a text shaped like a date is no date: "2026-02-30 does not exist: February 2026 has
  /// 28 days"; nil when it is not shaped like one.
  public static func dateAdvice(_ text: String) -> String? {
    let pieces = text.trimmingSpaces.split(separator: "-")
    let parts = pieces.map { Int($0) }
    guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
    let (year, month, day) = pieces[0].count == 4 ? (a, b, c) : (c, b, a)
    guard (1...12).contains(month) else { return "there is no month \(month): write year-month-day, like 2026-07-04" }
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard (1...days).contains(day) else { return "\(months[month - 1]) \(year) has \(days) days; check the day" }
    return nil
  }

  /// A time `HH:MM` (also `HH.MM` and `HH:MM:SS`), from 00:00 to 24:00.
  public static func time(_ text: String) -> TimeOfDay? {
    let parts = text.trimmingSpaces.split(whereSeparator: { $0 == ":" || $0 == "." })
    guard parts.count == 2 || parts.count == 3, parts[1].count == 2,
      let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0...59).contains(minute),
      hour < 24 || minute == 0
    else { return nil }
    return TimeOfDay(hour: hour, minute: minute)
  }

  /// The text of an amount written in the typed form of the JSON answer, `{"number": 750,
  /// "unit": "EUR"}`: `EUR 750`, `90 minutes`, `10` (working days), `9 m2`; nil for a unit the
  /// answer does not write or a number that is not one.
  public static func measureText(number: String, unit: String) -> String? {
    guard Double(number) != nil else { return nil }
    switch unit {
    case "EUR": return "EUR \(number)"
    case "minutes": return "\(number) minutes"
    case "working_days": return number
    default: return QuantityUnit(symbol: unit) != nil ? "\(number) \(unit)" : nil
    }
  }

  /// An amount of money: `250`, `250.50`, `€ 1.250,00`, `EUR 2500`, `2500 euro`.
  public static func money(_ text: String) -> Int64? {
    var cleaned = text.trimmingSpaces
    for mark in ["€", "EUR", "eur", "euro", "Euro"] { cleaned = cleaned.replacingAll([mark], with: "") }
    guard let amount = decimal(cleaned) else { return nil }
    // Rounded to the cent, half away from zero; the millionths hold the cents exactly.
    return amount.rounded(places: 2).scaled / (FixedDecimal.scale / 100)
  }

  /// A quantity in `unit`: `16`, `16 m2`, `1,5 m`; another unit is refused.
  public static func quantity(_ text: String, unit: QuantityUnit) -> FixedDecimal? {
    var cleaned = text.trimmingSpaces
    if cleaned.hasSuffix(unit.symbol) {
      cleaned = String(cleaned.dropLast(unit.symbol.count))
    } else if cleaned.hasSuffix("m²"), unit == .squareMetre {
      cleaned = String(cleaned.dropLast(2))
    }
    return decimal(cleaned)
  }

  /// A duration: a number of minutes, or `2 uur`, `90 minuten`, `3 dagen`.
  public static func duration(_ text: String) -> Int64? {
    let parts = text.trimmingSpaces.split(separator: " ")
    guard let number = parts.first.flatMap({ integer(String($0)) }) else { return nil }
    guard parts.count == 2 else { return parts.count == 1 ? number : nil }
    let minutesPerUnit: Int64
    switch parts[1].lowercased() {
    case "minuut", "minuten", "minute", "minutes", "min": minutesPerUnit = 1
    case "uur", "uren", "hour", "hours", "u": minutesPerUnit = 60
    case "dag", "dagen", "day", "days": minutesPerUnit = 1440
    case "week", "weken", "weeks": minutesPerUnit = 10080
    default: return nil
    }
    // An astronomically long duration is not a duration (and must not trap on overflow).
    let (minutes, overflow) = number.multipliedReportingOverflow(by: minutesPerUnit)
    return overflow ? nil : minutes
  }
}

extension String {
  var trimmingSpaces: String {
    // Most input has nothing to trim: a first and last byte that are ASCII and not
    // whitespace begin and end characters that are not whitespace.
    if let first = utf8.first, let last = utf8.last, !first.isASCIIWhitespaceOrNonASCII, !last.isASCIIWhitespaceOrNonASCII {
      return self
    }
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }

  func replacingAll(_ needles: [String], with replacement: String) -> String {
    var text = self
    for needle in needles where !needle.isEmpty {
      // A one-byte needle whose byte does not occur cannot match.
      if needle.utf8.count == 1, let byte = needle.utf8.first, !text.utf8.contains(byte) { continue }
      var result = ""
      var rest = Substring(text)
      while let range = rest.firstRange(of: needle) {
        result += rest[..<range.lowerBound] + replacement
        rest = rest[range.upperBound...]
      }
      text = result + rest
    }
    return text
  }
}

extension UInt8 {
  /// Whether this UTF-8 byte is ASCII whitespace (tab, line feed, vertical tab, form feed,
  /// carriage return, space) or part of a non-ASCII character.
  fileprivate var isASCIIWhitespaceOrNonASCII: Bool {
    self >= 0x80 || self == 0x20 || (0x09...0x0D).contains(self)
  }
}
