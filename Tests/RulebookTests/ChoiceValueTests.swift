import Rulebook
import RuleLanguage
import Testing

/// A choice may be written as a person reads it: its value, its label, or a yes or no for the
/// one option that begins with it.
@Suite struct ChoiceValueTests {
  let cases = ["rijksmonument", "gemeentelijk_monument", "geen_monument"]
  let labels = [
    InputValueParser.labelKey("Rijksmonument"): "rijksmonument",
    InputValueParser.labelKey("Gemeentelijk monument"): "gemeentelijk_monument",
    InputValueParser.labelKey("Geen monument."): "geen_monument",
  ]

  func parse(_ text: String, cases: [String]? = nil) -> Value? {
    try? InputValueParser.value(text, as: .enumeration("monument"), enumCases: cases ?? self.cases, labels: labels).get()
  }

  @Test func aLabelReadsAsItsValue() {
    #expect(parse("Geen monument") == .enumCase("geen_monument"))
    #expect(parse("  gemeentelijk   Monument ") == .enumCase("gemeentelijk_monument"))
    #expect(parse("geen_monument") == .enumCase("geen_monument"))
    #expect(parse("Een kerk") == nil)
  }

  @Test func yesOrNoPicksTheOneOptionLedByIt() {
    let led = ["ja_rijksbeschermd", "ja_gemeentelijk_beschermd", "nee_niet_beschermd"]
    #expect(parse("nee", cases: led) == .enumCase("nee_niet_beschermd"))
    // Two options begin with yes: a yes alone does not say which.
    #expect(parse("ja", cases: led) == nil)
  }
}
