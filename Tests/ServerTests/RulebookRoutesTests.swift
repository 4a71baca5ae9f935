import Foundation
import Hummingbird
import HummingbirdTesting
import Rulebook
import Testing
@testable import BricoleurServer

@Suite struct RulebookRoutesTests {
  @Test func listsTheRulebooks() async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/rulebooks", method: .get) { response in
        #expect(response.status == .ok)
        let list = try JSONDecoder().decode([RulebookSummaryV1].self, from: Data(String(buffer: response.body).utf8))
        #expect(list.contains { $0.id == "borne" && $0.municipality != nil })
        #expect(list.contains { $0.id == "national" })
        #expect(list.map(\.id) == list.map(\.id).sorted())
      }
    }
  }

  @Test func listsEveryMunicipalityWithItsRulebookOrTheModel() async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/municipalities", method: .get) { response in
        #expect(response.status == .ok)
        let list = try JSONDecoder().decode([MunicipalityV1].self, from: Data(String(buffer: response.body).utf8))
        #expect(list.count == 342)
        #expect(Set(list.map(\.code)).count == 342)
        #expect(list.first { $0.code == "GM0147" } == MunicipalityV1(code: "GM0147", name: "Borne", slug: "borne", rulebook: "borne", fallback: false))
        #expect(list.first { $0.code == "GM0546" } == MunicipalityV1(code: "GM0546", name: "Leiden", slug: "leiden", rulebook: "model-apv", fallback: true))
        // Each fallback's slug selects the model APV; each own rulebook is served.
        let served = Set(Fixture.store.engine.library.rulebooks.keys)
        #expect(list.filter { !$0.fallback }.allSatisfy { served.contains($0.rulebook) })
        #expect(list.filter(\.fallback).allSatisfy { Fixture.store.engine.library.select($0.slug)?.selection.fallback == true })
      }
    }
  }

  @Test func describesARulebook() async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/rulebooks/borne", method: .get) { response in
        #expect(response.status == .ok)
        let rulebook = try JSONDecoder().decode(RulebookV1.self, from: Data(String(buffer: response.body).utf8))
        let visitors = try #require(rulebook.facts.first { $0.name == "visitors" })
        #expect(visitors.input == "integer")
        #expect(visitors.question["nl"]?.isEmpty == false)
        #expect(visitors.question["en"]?.isEmpty == false)
        #expect(rulebook.facts.contains { $0.input == "enum" && ($0.values?.isEmpty == false) })
        #expect(!rulebook.rules.isEmpty)
        #expect(!rulebook.parameters.isEmpty)
        #expect(rulebook.chain.last == "borne")
      }
    }
  }

  @Test func unknownRulebookIs404WithASuggestion() async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/rulebooks/bornee", method: .get) { response in
        #expect(response.status == .notFound)
        let error = try JSONDecoder().decode(ErrorV1.self, from: Data(String(buffer: response.body).utf8))
        #expect(error.code == "http.not-found")
        #expect(error.diagnostics.first?.help?.contains("borne") == true)
      }
    }
  }

  @Test func asksOnlyWhatStillMatters() async throws {
    try await Fixture.app().test(.router) { client in
      let open = try await client.execute(uri: "/api/v1/rulebooks/borne/questions?date=2026-08-29", method: .get) { response in
        #expect(response.status == .ok)
        return try JSONDecoder().decode(QuestionsV1.self, from: Data(String(buffer: response.body).utf8))
      }
      #expect(!open.determined)
      #expect(!open.questions.isEmpty)
      #expect(!open.questions.contains { $0.name == "date" })

      // Every fact of a complete example: nothing is left to ask.
      let example = try Fixture.example("borne/buurtbarbecue-esch.yaml")
      let facts = example.split(separator: "\n").drop { !$0.hasPrefix("facts:") }.dropFirst()
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .map { line -> String in
          let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
          let value = parts[1].hasPrefix("\"") ? parts[1] : "\"\(parts[1])\""
          return "\"\(parts[0])\": \(value)"
        }
      let query = "{" + facts.joined(separator: ", ") + "}"
      let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
      let settled = try await client.execute(uri: "/api/v1/rulebooks/borne/questions?date=2026-08-29&facts=\(encoded)", method: .get) {
        response in
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return try JSONDecoder().decode(QuestionsV1.self, from: Data(String(buffer: response.body).utf8))
      }
      #expect(settled.determined)
      #expect(settled.questions.isEmpty)
      #expect(settled.answered.contains("visitors"))
    }
  }

  /// A step of the interview goes on with what it can use: a value the rules cannot read and a
  /// fact they do not ask are named, positioned in `facts`, and asked again when they matter.
  @Test func factsTheRulesCannotUseAreNamedAndAskedAgain() async throws {
    let encoded = #"{"visitors": "many", "visiters": 40, "start": "16:00"}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/rulebooks/borne/questions?date=2026-08-29&facts=\(encoded)", method: .get) { response in
        #expect(response.status == .ok)
        let answer = try JSONDecoder().decode(QuestionsV1.self, from: Data(String(buffer: response.body).utf8))
        #expect(answer.answered == ["start"])
        #expect(answer.ignored.map(\.code) == ["initiative.bad-value", "initiative.unknown-fact"])
        #expect(answer.ignored.allSatisfy { $0.severity == "warning" && $0.path == "facts" })
        #expect(answer.ignored.first?.start?.column == 14)
        #expect(answer.ignored.last?.help?.contains("visitors") == true, "did you mean")
        #expect(!answer.determined && !answer.questions.isEmpty)
      }
    }
  }

  /// A key that cannot be any fact's name is refused, at the key, with the shape of a name.
  @Test func aKeyThatIsNoFactNameIs422() async throws {
    let encoded = #"{"start": "16:00", "bezoekers!": 40}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/rulebooks/borne/questions?facts=\(encoded)", method: .get) { response in
        #expect(response.status == .unprocessableContent)
        let error = try JSONDecoder().decode(ErrorV1.self, from: Data(String(buffer: response.body).utf8))
        #expect(error.diagnostics.first?.message == "'bezoekers!' is not the name of a fact")
        #expect(error.diagnostics.first?.start?.column == 20)
        #expect(error.diagnostics.first?.help?.contains("underscores") == true)
      }
    }
  }

  /// Facts that are not a JSON object are no step of an interview.
  @Test func factsThatAreNoObjectAre422() async throws {
    let encoded = #"{"visitors": "#.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/rulebooks/borne/questions?facts=\(encoded)", method: .get) { response in
        #expect(response.status == .unprocessableContent)
        let error = try JSONDecoder().decode(ErrorV1.self, from: Data(String(buffer: response.body).utf8))
        #expect(error.diagnostics.first?.path == "facts")
      }
    }
  }
}
