import RuleLanguage
import SourceDiagnostics
import Testing

@Suite struct DiagnosticTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let code: String
    /// The text the first diagnostic underlines.
    let underlined: String
    /// A fragment of its help, if it must have one.
    let help: String?
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    // Syntax.
    .init(name: "missing right operand", source: "visitors >", code: "expr.syntax", underlined: ">", help: "add a value"),
    .init(name: "missing operand before 'and'", source: "visitors > and end <= 23:00", code: "expr.syntax", underlined: "and", help: nil),
    .init(name: "unclosed parenthesis", source: "(visitors > 10 and end <= 23:00", code: "expr.syntax", underlined: "(", help: "add ')'"),
    .init(name: "stray token", source: "visitors > 150 150", code: "expr.syntax", underlined: "150", help: "join conditions"),
    .init(name: "unmatched closing parenthesis", source: "visitors > 150)", code: "expr.syntax", underlined: ")", help: nil),
    .init(name: "bad time minutes", source: "end <= 24:61", code: "expr.syntax", underlined: "24:61", help: "00 to 59"),
    .init(name: "bad time past 24", source: "end <= 25:00", code: "expr.syntax", underlined: "25:00", help: "next_day"),
    .init(name: "bad date", source: "date == 2026-02-30", code: "expr.syntax", underlined: "2026-02-30", help: "28 days"),
    .init(name: "bad month", source: "date == 2026-13-01", code: "expr.syntax", underlined: "2026-13-01", help: "01 to 12"),
    .init(name: "unterminated text", source: "name == 'feest", code: "expr.syntax", underlined: "'feest", help: "close the text"),
    .init(name: "unexpected character", source: "visitors > 150 $ 3", code: "expr.syntax", underlined: "$", help: nil),
    .init(name: "chained comparison", source: "10 < visitors < 20", code: "expr.syntax", underlined: "<", help: "'and'"),
    .init(name: "between without and", source: "visitors between 1 or 3", code: "expr.syntax", underlined: "or", help: "between 10 and 25"),
    .init(name: "missing list close", source: "activity in [markt, straatfeest", code: "expr.syntax", underlined: "[", help: "add ']'"),
    .init(name: "bad list separator", source: "activity in [markt straatfeest]", code: "expr.syntax", underlined: "straatfeest", help: nil),
    .init(name: "if without else", source: "if music then 1", code: "expr.syntax", underlined: "1", help: "if c then a else b"),
    .init(name: "empty expression", source: "   ", code: "expr.syntax", underlined: "", help: "visitors <= 150"),
    .init(name: "money without amount", source: "fee <= €", code: "expr.syntax", underlined: "€", help: "€ 2500"),
    // Names.
    .init(name: "unknown fact with suggestion", source: "vistors <= 150", code: "expr.unknown-fact", underlined: "vistors", help: "did you mean 'visitors'?"),
    .init(name: "unknown fact deep inside", source: "visitors <= 150 and (end <= 23:00 or staart > 09:00)", code: "expr.unknown-fact", underlined: "staart", help: "did you mean 'start'?"),
    .init(name: "enum value alone", source: "straatfeest", code: "expr.unknown-fact", underlined: "straatfeest", help: "value of 'activity_kind'"),
    .init(name: "wrong enum value", source: "activity == straatfest", code: "expr.unknown-enum-value", underlined: "straatfest", help: "did you mean 'straatfeest'?"),
    .init(name: "wrong enum value on the left", source: "straatfest == activity", code: "expr.unknown-enum-value", underlined: "straatfest", help: "did you mean 'straatfeest'?"),
    .init(name: "wrong enum value in list", source: "activity in [straatfeest, buurtbarbeque]", code: "expr.unknown-enum-value", underlined: "buurtbarbeque", help: "did you mean 'buurtbarbecue'?"),
    .init(name: "enum value of another enumeration", source: "activity == woonstraat", code: "expr.unknown-enum-value", underlined: "woonstraat", help: "'straatfeest'"),
    .init(name: "unknown function", source: "weekdag(date) == 1", code: "expr.unknown-function", underlined: "weekdag", help: "did you mean 'weekday'?"),
    // Types and units.
    .init(name: "time compared with int", source: "end <= 23", code: "expr.type-mismatch", underlined: "23", help: "23:00"),
    .init(name: "enum compared with int", source: "activity == 3", code: "expr.type-mismatch", underlined: "3", help: nil),
    .init(name: "non-bool condition", source: "visitors + 1", code: "expr.type-mismatch", underlined: "visitors + 1", help: "visitors + 1 > 150"),
    .init(name: "operand of and not bool", source: "visitors and music", code: "expr.type-mismatch", underlined: "visitors", help: "compare it"),
    .init(name: "ordering an enumeration", source: "activity < markt", code: "expr.type-mismatch", underlined: "activity", help: "'=='"),
    .init(name: "adding two times", source: "start + end > 10:00", code: "expr.type-mismatch", underlined: "end", help: "duration"),
    .init(name: "unit mismatch", source: "objects_m2 > 25 m", code: "expr.unit-mismatch", underlined: "25 m", help: "m2"),
    .init(name: "number without unit", source: "objects_m2 between 10 and 25", code: "expr.unit-mismatch", underlined: "10", help: "'10 m2'"),
    .init(name: "adding length to area", source: "objects_m2 + 1 m > 3 m2", code: "expr.unit-mismatch", underlined: "1 m", help: nil),
    .init(name: "in needs a list", source: "visitors in 3", code: "expr.type-mismatch", underlined: "3", help: "[a, b]"),
    .init(name: "if branches differ", source: "(if music then 1 else 'x') == 1", code: "expr.type-mismatch", underlined: "'x'", help: "same type"),
    .init(name: "builtin argument type", source: "weekday(start) == 1", code: "expr.type-mismatch", underlined: "start", help: "Monday = 1"),
    .init(name: "wrong arity", source: "weekday(date, date) == 1", code: "expr.arity", underlined: "weekday(date, date)", help: "Monday"),
    .init(name: "too few arguments", source: "min(visitors) > 1", code: "expr.arity", underlined: "min(visitors)", help: nil),
    .init(name: "lambda outside any", source: "x -> x", code: "expr.syntax", underlined: "->", help: nil),
  ]

  @Test(arguments: cases)
  func reportsAtTheOffendingText(_ c: Case) throws {
    var env = Fixtures.environment()
    let (checked, diagnostics) = Fixtures.check(c.source, env: &env)
    #expect(checked == nil)
    let first = try #require(diagnostics.first, "no diagnostic for '\(c.source)'")
    #expect(first.code == c.code, "\(first.message)")
    #expect(first.severity == .error)
    #expect(first.span?.text == c.underlined, "\(first.message)")
    #expect(!first.message.isEmpty && first.message.first!.isLowercase || first.message.first == "'")
    #expect(!first.message.hasSuffix("."))
    if let help = c.help {
      #expect(first.help?.contains(help) == true, "help was \(first.help ?? "nil")")
    }
  }

  @Test func everyProblemInOneRun() {
    var env = Fixtures.environment()
    let (_, diagnostics) = Fixtures.check("vistors > 150 and activity == straatfest and end <= 23", env: &env)
    #expect(diagnostics.map(\.span?.text) == ["vistors", "straatfest", "23"])
  }

  @Test func syntaxRecoveryAtCommaAndParen() {
    var env = Fixtures.environment()
    let (_, diagnostics) = Fixtures.check("max(visitors >, 3) > 1 and (visitors > 2 3)", env: &env)
    #expect(diagnostics.map(\.span?.text) == [">", "3"])
  }

  @Test func cycleInDefinitions() {
    var env = Fixtures.environment()
    let file = SourceFile(path: "defs.yaml", text: "a: b or music\nb: not c\nc: a\n")
    env.declareDefinition("a", source: EmbeddedSource(file: file, text: "b or music", base: 3), at: file.span(0, 1))
    env.declareDefinition("b", source: EmbeddedSource(file: file, text: "not c", base: 17), at: file.span(14, 15))
    env.declareDefinition("c", source: EmbeddedSource(file: file, text: "a", base: 26), at: file.span(23, 24))
    let diagnostics = env.checkDefinitions()
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.code == "expr.cycle")
    #expect(diagnostics.first?.message == "definitions form a cycle: a -> b -> c -> a")
    #expect(diagnostics.first?.span?.text == "a")
    #expect(diagnostics.first?.span?.startLocation == SourceLocation(line: 3, column: 4))
    #expect(diagnostics.first?.notes.count == 3)
    // A condition that uses a definition of the cycle gets no program, and says why.
    let (checked, more) = env.checkCondition(EmbeddedSource(standalone: "music and a"))
    #expect(checked == nil)
    #expect(more.map(\.code) == ["expr.invalid-definition"])
    #expect(more.first?.span?.text == "a")
  }

  @Test func selfReferentialDefinition() {
    var env = Fixtures.environment()
    env.declareDefinition("busy", source: EmbeddedSource(standalone: "busy or visitors > 100"))
    let diagnostics = env.checkDefinitions()
    #expect(diagnostics.map(\.code) == ["expr.cycle"])
    #expect(diagnostics.first?.message == "definitions form a cycle: busy -> busy")
  }

  @Test func factOfUnknownEnumeration() {
    var env = Fixtures.environment()
    env.declareFact("zone", type: .enumeration("zones"))
    #expect(env.checkDefinitions().map(\.code) == ["expr.unknown-enumeration"])
  }

  @Test func duplicateDeclaration() {
    var env = Fixtures.environment()
    env.declareFact("visitors", type: .integer)
    #expect(env.checkDefinitions().map(\.code) == ["expr.duplicate-name"])
  }

  @Test func spanMapsIntoBlockScalar() throws {
    // rules:
    //   - if: |
    //       visitors <= 150 and
    //       activity == straatfest
    let yaml = "rules:\n  - if: |\n      visitors <= 150 and\n      activity == straatfest\n"
    let file = SourceFile(path: "Rules/evenementen.yaml", text: yaml)
    let value = "visitors <= 150 and\nactivity == straatfest\n"
    let firstLine = file.lineStarts[2] + 6
    let secondLine = file.lineStarts[3] + 6
    var offsets: [Int] = []
    offsets += (0..<20).map { firstLine + $0 }  // 'visitors <= 150 and' plus its line break
    offsets += (0..<23).map { secondLine + $0 }  // 'activity == straatfest' plus its line break
    offsets.append(secondLine + 23)
    let source = EmbeddedSource(file: file, text: value, offsets: offsets)
    var env = Fixtures.environment()
    let (_, diagnostics) = env.checkCondition(source)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.span?.text == "straatfest")
    #expect(diagnostic.location == SourceLocation(line: 4, column: 19))
    let rendered = DiagnosticTextRenderer().render(diagnostic)
    #expect(rendered == """
      Rules/evenementen.yaml:4:19: error: 'straatfest' is not a value of 'activity_kind' [expr.unknown-enum-value]
        |
      4 |       activity == straatfest
        |                   ^~~~~~~~~~
         = help: did you mean 'straatfeest'?

      """)
  }

  @Test func caretAfterAccentedText() throws {
    let yaml = "titel: één café\nif: name == 'café' and vistors > 3\n"
    let file = SourceFile(path: "x.yaml", text: yaml)
    let base = file.lineStarts[1] + 4
    let text = "name == 'café' and vistors > 3"
    var env = Fixtures.environment()
    let (_, diagnostics) = env.checkCondition(EmbeddedSource(file: file, text: text, base: base))
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.span?.text == "vistors")
    #expect(diagnostic.location == SourceLocation(line: 2, column: 24))
    #expect(DiagnosticTextRenderer().render(diagnostic).contains("\n  |                        ^~~~~~~\n"))
  }
}
