import RuleLanguage
import SourceDiagnostics

/// Why a written value does not fit its type, with advice.
public struct ValueProblem: Error, Sendable {
  public var message: String
  public var help: String?

  public init(message: String, help: String? = nil) {
    self.message = message
    self.help = help
  }
}

extension InputValueParser {
  /// A label as values are matched against it: lower case, spaces collapsed, no closing period.
  public static func labelKey(_ text: String) -> String {
    var key = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    while key.hasSuffix(".") { key.removeLast() }
    return key
  }

  /// Parses `text` as a value of `type`; enumeration values are checked against `enumCases`,
  /// and may also be written as their label (`labels`, by `labelKey`).
  public static func value(
    _ text: String, as type: ValueType, enumCases: [String]?, labels: [String: String]? = nil
  ) -> Result<Value, ValueProblem> {
    func fail(_ expected: String, _ example: String) -> Result<Value, ValueProblem> {
      .failure(ValueProblem(message: "'\(text)' is not \(expected)", help: "write it like '\(example)'"))
    }
    switch type {
    case .bool: return bool(text).map { .success(.bool($0)) } ?? fail("true or false", "ja")
    case .integer: return integer(text).map { .success(.integer($0)) } ?? fail("a whole number", "150")
    case .decimal: return decimal(text).map { .success(.decimal($0)) } ?? fail("a number", "12,5")
    case .text: return .success(.text(text))
    case .date: return date(text).map { .success(.date($0)) } ?? fail("an existing date", "2026-07-04")
    case .time: return time(text).map { .success(.time($0)) } ?? fail("a time of day", "18:30")
    case .duration: return duration(text).map { .success(.duration($0)) } ?? fail("a duration", "2 uur")
    case .workingDays: return integer(text).map { .success(.workingDays($0)) } ?? fail("a number of working days", "10")
    case .money: return money(text).map { .success(.money($0)) } ?? fail("an amount in euros", "€ 1.250,00")
    case .quantity(let unit):
      return quantity(text, unit: unit).map { .success(.quantity($0, unit)) } ?? fail("a quantity in \(unit.symbol)", "16 \(unit.symbol)")
    case .enumeration:
      guard let enumCases else { return .success(.enumCase(text)) }
      if enumCases.contains(text) { return .success(.enumCase(text)) }
      if let match = enumCases.first(where: { $0.lowercased() == text.lowercased().trimmingSpaces }) {
        return .success(.enumCase(match))
      }
      if let match = labels?[labelKey(text)], enumCases.contains(match) { return .success(.enumCase(match)) }
      // A yes or no for a choice whose options begin with it ("Nee, het gebouw is niet
      // beschermd"): the one option that does.
      if let flag = bool(text) {
        let words = flag ? ["ja", "yes"] : ["nee", "no"]
        let led = enumCases.filter { value in words.contains { value == $0 || value.hasPrefix($0 + "_") } }
        if led.count == 1 { return .success(.enumCase(led[0])) }
      }
      let help = Suggestions.didYouMean(text, in: enumCases) ?? "choose one of: \(enumCases.joined(separator: ", "))"
      return .failure(ValueProblem(message: "'\(text)' is not one of the allowed values", help: help))
    case .list(let element):
      // A single scalar for a list: a comma-separated list, as forms export it.
      var items: [Value] = []
      for part in text.split(separator: ",") where !String(part).trimmingSpaces.isEmpty {
        switch value(String(part).trimmingSpaces, as: element, enumCases: enumCases, labels: labels) {
        case .success(let item): items.append(item)
        case .failure(let problem): return .failure(problem)
        }
      }
      return .success(.list(items))
    }
  }
}
