import RuleLanguage
import SourceDiagnostics
import Testing

@Suite struct ParserTests {
  static let printed: [(String, String)] = [
    ("visitors<=150   and end<=23:00", "visitors <= 150 and end <= 23:00"),
    ("a or b and c", "a or b and c"),
    ("(a or b) and c", "(a or b) and c"),
    ("not a and b", "not a and b"),
    ("not (a and b)", "not (a and b)"),
    ("a && b || !c", "a and b or not c"),
    ("x = 3", "x == 3"),
    ("1 + 2 * 3", "1 + 2 * 3"),
    ("(1 + 2) * 3", "(1 + 2) * 3"),
    ("1 - (2 - 3)", "1 - (2 - 3)"),
    ("1 - 2 - 3", "1 - 2 - 3"),
    ("- x * 2", "-x * 2"),
    ("-(x + 2)", "-(x + 2)"),
    ("activity in [straatfeest,buurtbarbecue]", "activity in [straatfeest, buurtbarbecue]"),
    ("activity not in [markt]", "activity not in [markt]"),
    ("objects_m2 between 10 and 25", "objects_m2 between 10 and 25"),
    ("if end_hour > start_hour then end_hour else end_hour + 24", "if end_hour > start_hour then end_hour else end_hour + 24"),
    ("weekday( date )==1", "weekday(date) == 1"),
    ("list.count() > 2", "count(list) > 2"),
    ("any(xs, x -> x > 3)", "any(xs, x -> x > 3)"),
    ("fee <= €2500", "fee <= EUR 2500.00"),
    ("fee <= EUR 1250.5", "fee <= EUR 1250.50"),
    ("size > 25m2", "size > 25 m2"),
    ("depth <= 1.5 m", "depth <= 1.5 m"),
    ("term >= 10 working days", "term >= 10 werkdagen"),
    ("term >= 8 weeks", "term >= 8 weken"),
    ("d >= 3 days and d < 2 hours and d > 30 minutes", "d >= 3 dagen and d < 2 uur and d > 30 minuten"),
    ("date == 2026-07-04", "date == 2026-07-04"),
    ("name == \"it's\"", "name == 'it\\'s'"),
    ("(a == b) == c", "(a == b) == c"),
  ]

  @Test(arguments: printed)
  func printsNormalised(_ source: String, _ expected: String) throws {
    let result = Parser.parse(EmbeddedSource(standalone: source))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    let node = try #require(result.node)
    let text = ExprPrinter.print(node)
    #expect(text == expected)
    // Printing is a fixed point: the printed form parses and prints the same.
    let again = try #require(Parser.parse(EmbeddedSource(standalone: text)).node)
    #expect(ExprPrinter.print(again) == text)
  }

  @Test func nodeIDsAreUniqueAndSpansCoverChildren() throws {
    let source = "visitors <= 150 and (activity in [a, b] or not music)"
    let node = try #require(Parser.parse(EmbeddedSource(standalone: source), firstNodeID: 100).node)
    var ids = Set<Int>()
    func walk(_ n: ExprNode) {
      #expect(ids.insert(n.id).inserted)
      #expect(n.id >= 100)
      for child in n.children {
        #expect(child.span.start >= n.span.start && child.span.end <= n.span.end)
        walk(child)
      }
    }
    walk(node)
    #expect(node.span.text == source)
  }

  @Test func deepNestingIsRejectedNotCrashing() {
    let source = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
    let result = Parser.parse(EmbeddedSource(standalone: source))
    #expect(result.diagnostics.contains { $0.message.contains("nested too deeply") })
    let nots = String(repeating: "not ", count: 5000) + "a"
    #expect(!Parser.parse(EmbeddedSource(standalone: nots)).diagnostics.isEmpty)
  }

  @Test func checkedTreeHasTypes() throws {
    var env = Fixtures.environment()
    let (checked, diagnostics) = env.checkCondition(EmbeddedSource(standalone: "end - start <= 4 uur"))
    #expect(diagnostics.isEmpty)
    let expr = try #require(checked)
    #expect(expr.type == .bool)
    #expect(expr.children.first?.type == .duration)
    #expect(expr.printed == "end - start <= 4 uur")
  }
}

@Suite struct RobustnessTests {
  static let nasty: [String] = [
    "", "(((", ")))", "€", "EUR", "'", "\"", "1..2", "a.b", "a.", ".", "->", "[,]", "max(,)", "if", "if a then",
    "between", "not", "not in", "é", "🎉 > 3", "2026-", "12:", "1:2", "99999999999999999999", "1.1234567",
    "€ 99999999999999999999", "99999999999999 m2", "9999999999999999 weken", "visitors >= -", "a in", "x -> ",
    "any(", "weekday(date", "[1, 2", "visitors <= 150 and", "'unterminated", "\u{0}", "visitors\t<=\n150",
  ]

  @Test(arguments: nasty)
  func neverCrashes(_ source: String) {
    var env = Fixtures.environment()
    let (checked, diagnostics) = env.checkCondition(EmbeddedSource(standalone: source))
    #expect(checked != nil || diagnostics.hasErrors)
    for diagnostic in diagnostics {
      #expect(diagnostic.span != nil)
      #expect(!DiagnosticTextRenderer().render(diagnostic).isEmpty)
    }
  }
}
