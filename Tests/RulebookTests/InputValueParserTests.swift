import RuleLanguage
import Rulebook
import Testing

/// How the values residents, forms and JSON clients write are read.
@Suite struct InputValueParserTests {
  /// A JSON client writes a floating-point number as its language prints it; it is read, to
  /// the millionth that decimals keep.
  @Test func aFloatingPointNumberIsReadToTheMillionth() {
    #expect(InputValueParser.decimal("1e-05") == FixedDecimal(scaled: 10))
    #expect(InputValueParser.decimal("0.30000000000000004") == FixedDecimal(scaled: 300_000))
    #expect(InputValueParser.decimal("2.5E3") == FixedDecimal(2500))
    #expect(InputValueParser.decimal("-1.0000004") == FixedDecimal(scaled: -1_000_000))
    #expect(InputValueParser.decimal("1.250,5") == FixedDecimal(scaled: 1_250_500_000), "Dutch marks stay exact")
    for text in ["1e300", "nan", "inf", "1e", "e5", "12 m"] {
      #expect(InputValueParser.decimal(text) == nil, "\(text)")
    }
    #expect(InputValueParser.decimal("1000000000000") == InputValueParser.largestAmount)
    #expect(InputValueParser.decimal("1000000000000.000001") == nil, "beyond the largest amount")
    #expect(InputValueParser.decimal("-1e13") == nil)
    #expect(InputValueParser.money("1e-05") == 0)
    #expect(InputValueParser.money("EUR 999999999999") == 99_999_999_999_900, "every amount up to the largest")
    #expect(InputValueParser.money("€ 1.250,005") == 125_001, "to the cent, half away from zero")
    #expect(InputValueParser.money("-0,005") == -1)
    #expect(InputValueParser.quantity("7.0000001 m2", unit: .squareMetre) == FixedDecimal(7))
  }

  @Test func yesAndNoAreReadInAnyCase() {
    for word in InputValueParser.yesWords { #expect(InputValueParser.bool(word.uppercased()) == true) }
    for word in InputValueParser.noWords { #expect(InputValueParser.bool(" \(word) ") == false) }
    #expect(InputValueParser.bool("misschien") == nil)
  }
}
