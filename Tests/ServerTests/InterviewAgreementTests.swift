import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Room
import Rulebook
import Testing
import TestSupport
import YAMLTree
@testable import BricoleurServer

/// `bricoleur ask` and the page ask the same next question: for every example and every prefix
/// of its answers, the questions route names the facts `Interview.questions()` asks, in its
/// order, and never a judgement (the municipality's to assess).
@Suite struct InterviewAgreementTests {
  static var examples: [String] {
    let folder = Fixture.root.appendingPathComponent("Examples")
    let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
    return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("batches/") }.sorted()
  }

  @Test func theRouteAndTheInterviewAskTheSameForEveryPrefixOfEveryExample() async throws {
    let engine = Fixture.store.engine
    let walked = try await Fixture.app().test(.router) { client -> Int in
      var walked = 0
      for example in Self.examples {
        let (file, _) = try YAMLSource.load(path: Fixture.root.appendingPathComponent("Examples/\(example)").path)
        let (initiative, _) = InitiativeReader.read(YAMLReader().readSingle(file).root, in: file)
        guard let initiative, let date = initiative.date,
          let rulebook = initiative.municipality.flatMap(engine.library.rulebook(for:))
        else { continue }
        let answers = initiative.facts.filter { $0.text != nil }
        for count in 0...answers.count {
          var partial = initiative
          partial.facts = Array(answers.prefix(count))
          partial.municipality = rulebook.id
          let expected = Interview(initiative: partial, rulebook: rulebook).questions().map(\.fact.name)
          #expect(!expected.contains { name in rulebook.slotsByName[name].map { rulebook.facts[$0].judgement != nil } ?? false })
          let object = "{" + partial.facts.map { "\"\($0.name)\": \"\($0.text!)\"" }.joined(separator: ", ") + "}"
          let encoded = object.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
          let uri = "/api/v1/rulebooks/\(rulebook.id)/questions?date=\(date)&facts=\(encoded)"
          let asked = try await client.execute(uri: uri, method: .get) { response in
            #expect(response.status == .ok, "\(example) after \(count) answers: \(String(buffer: response.body))")
            return try JSONDecoder().decode(QuestionsV1.self, from: Data(String(buffer: response.body).utf8)).questions.map(\.name)
          }
          #expect(asked == expected, "\(example) after \(count) answers")
          walked += 1
        }
      }
      return walked
    }
    #expect(walked > 600)
  }
}
