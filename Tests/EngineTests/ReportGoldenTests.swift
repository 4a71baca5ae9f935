import Engine
import Reports
import Testing
import TestSupport

/// Golden files pin the explanations: text, Markdown and JSON, in Dutch and English.
@Suite struct ReportGoldenTests {
  static let cases: [(String, String)] = [
    ("notification", "visitors: 120\nstart: '18:00'\nend: '22:00'\nroad: woonstraat\nmusic: ja\nmusic_end: '21:30'\nalcohol: ja"),
    ("undetermined", "start: '20:00'\nend: '01:00'\nroad: geen\nmusic: nee"),
    ("overridden", "visitors: 50\nstart: '18:00'\nend: '23:00'\nroad: woonstraat\nmusic: ja\nmusic_end: '22:30'\nalcohol: nee"),
  ]

  @Test(arguments: ["nl", "en"])
  func renderedReportsMatchGolden(_ language: String) throws {
    for (name, facts) in Self.cases {
      let evaluation = try #require(check(initiative(facts)).evaluation)
      let outputs = [
        ("txt", EvaluationTextRenderer(language: language, verbose: true).render(evaluation)),
        ("md", EvaluationMarkdownRenderer(language: language).render(evaluation)),
        ("json", EvaluationJSONRenderer(language: language).render(evaluation).serialized(pretty: true) + "\n"),
      ]
      // The text written straight from the evaluation is the tree's text.
      let renderer = EvaluationJSONRenderer(language: language)
      #expect(renderer.serializedBytes(evaluation, pretty: true) == renderer.render(evaluation).serializedBytes(pretty: true))
      #expect(renderer.serializedBytes(evaluation) == renderer.render(evaluation).serializedBytes())
      for (ext, text) in outputs {
        if let mismatch = goldenMismatch(text, named: "\(name).\(language).\(ext)") { Issue.record(Comment(rawValue: mismatch)) }
      }
    }
  }
}
