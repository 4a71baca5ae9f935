import RuleLanguage
import Testing

@Suite struct FixedDecimalTests {
  static func d(_ text: String) -> FixedDecimal { FixedDecimal(parsing: Substring(text))! }

  static let sums: [(String, String, String)] = [
    ("0.1", "0.2", "0.3"), ("1.999999", "0.000001", "2"), ("-1.5", "0.25", "-1.25"), ("1000000", "0.000001", "1000000.000001"),
  ]

  @Test(arguments: sums)
  func addsExactly(_ a: String, _ b: String, _ sum: String) {
    #expect(FixedDecimal.adding(Self.d(a), Self.d(b)) == Self.d(sum))
    #expect(FixedDecimal.adding(Self.d(a), Self.d(b))?.description == sum)
  }

  static let products: [(String, String, String, String)] = [
    // a, b, a * b, a / b
    ("1.5", "1.5", "2.25", "1"), ("10", "3", "30", "3.333333"), ("2", "3", "6", "0.666667"), ("-1", "3", "-3", "-0.333333"),
    ("0.000001", "0.5", "0.000001", "0.000002"),
  ]

  @Test(arguments: products)
  func multipliesAndDividesWithRounding(_ a: String, _ b: String, _ product: String, _ quotient: String) {
    #expect(FixedDecimal.multiplying(Self.d(a), Self.d(b)) == Self.d(product))
    #expect(FixedDecimal.dividing(Self.d(a), Self.d(b)) == Self.d(quotient))
  }

  @Test func divisionByZeroAndOverflowAreNil() {
    #expect(FixedDecimal.dividing(Self.d("1"), Self.d("0")) == nil)
    #expect(FixedDecimal.multiplying(FixedDecimal(9_000_000_000_000), FixedDecimal(9_000_000_000_000)) == nil)
    #expect(FixedDecimal(parsing: "1.1234567") == nil)
    #expect(FixedDecimal(parsing: "99999999999999") == nil)
    // The whole part fits, the fraction carries it past the largest value.
    #expect(FixedDecimal(parsing: "9223372036854.776") == nil)
    #expect(FixedDecimal(parsing: "-9223372036854.776") == nil)
    #expect(FixedDecimal(parsing: "9223372036854.775807")?.scaled == .max)
  }
}
