import Engine
import Reports
import Room
import Testing
import TestSupport

/// Golden files pin the room section in text and JSON, in Dutch and English.
@Suite struct RoomGoldenTests {
  static let examples = ["Examples/borne/straatfeest-210.yaml", "Examples/amsterdam/festival-onvolledig.yaml", "Examples/zwolle/kerstmarkt.yaml"]

  @Test(arguments: examples, ["nl", "en"])
  func roomSectionMatchesGolden(_ path: String, _ language: String) throws {
    let evaluation = try #require(evaluations(path).first).withExactOutcomes()
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let name = path.split(separator: "/").last!.replacingOccurrences(of: ".yaml", with: "")
    let text = EvaluationTextRenderer(language: language).render(evaluation, room: room)
    let section = text.components(separatedBy: "\n\n").filter { $0.hasPrefix("Ruimte:") || $0.hasPrefix("Room to manoeuvre:") }.joined()
    let markdown = EvaluationMarkdownRenderer(language: language).render(evaluation, room: room)
    let json = JSONValue.object(RoomJSONRenderer(language: language).members(room, in: evaluation)).serialized(pretty: true)
    for (ext, output) in [("txt", section + "\n"), ("md", markdown), ("json", json + "\n")] {
      if let mismatch = goldenMismatch(output, named: "\(name).\(language).\(ext)") { Issue.record(Comment(rawValue: mismatch)) }
    }
  }
}
