import Foundation
import Hummingbird
import HummingbirdTesting
import Import
import Logging
import Testing
import TestSupport
@testable import BricoleurServer

/// The advisor's page on an imported check: the dormer check of the City of Amsterdam's
/// vergunningcheck (Tests/Fixtures), imported into a temporary rules folder and served. The page
/// asks what it always asks (the rulebook, its questions, the answer as JSON and Markdown); the
/// answers show the verdict, the room to manoeuvre and the source's notice.
@Suite struct ImportedPageTests {
  static let rules: String = {
    let source = repositoryRoot().appendingPathComponent("Tests/Fixtures/vergunningcheck/json/dakkapel-plaatsen.json").path
    let folder = NSTemporaryDirectory() + "bricoleur-imported-page-\(ProcessInfo.processInfo.processIdentifier)"
    let data = try! Data(contentsOf: URL(fileURLWithPath: source))
    _ = try! Importer.write(Importer().importData(data, path: source), to: folder)
    return folder
  }()

  static func app() throws -> some ApplicationProtocol {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let store = try RulesStore(rulesPath: rules, logger: logger)
    return try buildApplication(Fixture.configuration(rules: rules), store: store, logger: logger)
  }

  /// A new dormer on the front of an ordinary house, everything else within the limits.
  static let facts = """
    {"gebouw_dakkapel_plaatsen_gebied": "ja", "gebouw_monument": "geen_monument",
     "dakkapel_plaatsen_vernieuwen": "nieuwe_dakkapel_plaatsen_plek", "dakkapel_plaatsen_vernieuwen_2": "nieuwe_dakkapel_plaatsen_plek",
     "verandert_vorm_grootte_profiel": "ja_dakkapel_verandert", "verandert_vorm_grootte_profiel_2": "ja_vorm_grootte_profiel",
     "kant_gebouw_dakkapel_plaatsen": "voorkant", "kant_straat_fietspad_voetpad": "nee", "kant_gracht_kanaal_ander": "nee",
     "kant_plein_park_parkeerplaats": "nee", "gebouw_beschermd_stads_dorpsgezicht": "nee_gebouw_niet_beschermd",
     "kant_straat_fietspad_voetpad_2": "nee", "kant_gracht_kanaal_ander_2": "nee", "kant_plein_park_parkeerplaats_2": "nee",
     "krijgt_dakkapel_plat_dak": "ja", "dakkapel_hoger_1_75": "nee", "afstand_laagste_punt_dak": "ja",
     "afstand_tussen_bovenkant_dakkapel": "ja", "afstanden_tussen_zijkanten_dakkapel": "ja"}
    """

  @Test func thePageShowsTheVerdictTheRoomAndTheNotice() async throws {
    let initiative = #"{"id": "advies", "municipality": "dakkapel-bouwen", "date": "2026-06-01", "language": "nl", "facts": \#(Self.facts)}"#
    try await Self.app().test(.router) { client in
      try await client.execute(uri: "/?rulebook=dakkapel-bouwen", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("app.js"))
      }
      // The form: the check's questions, in the source's words.
      try await client.execute(uri: "/api/v1/rulebooks/dakkapel-bouwen", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("Aan welke kant van het gebouw gaat u de dakkapel plaatsen?"))
      }
      let query = "facts=" + (Self.facts.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "&date=2026-06-01&lang=nl"
      try await client.execute(uri: "/api/v1/rulebooks/dakkapel-bouwen/questions?\(query)", method: .get) { response in
        #expect(response.status == .ok, "\(String(buffer: response.body))")
      }
      try await client.execute(uri: "/api/v1/evaluate?lang=nl&format=json&today=2026-06-01", method: .post, body: ByteBuffer(string: initiative)) { response in
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        let answer = try Fixture.json(response)
        let verdict = answer["verdict"] as? [String: Any]
        #expect(verdict?["level"] as? String == "permit_required")
        let notice = try #require(answer["notice"] as? String)
        #expect(notice.contains("vergunningcheck van de gemeente Amsterdam") && notice.contains("MPL-2.0"))
        let room = (answer["room"] as? [[String: Any]]) ?? []
        let adjustment = try #require(room.first { $0["kind"] as? String == "adjustment" }, "\(room)")
        let text = try #require(adjustment["explanation"] as? String, "\(adjustment)")
        #expect(text.contains("de kant van het gebouw") && text.contains("in plaats van Voorkant") && text.contains("toegestaan"), "\(text)")
      }
      try await client.execute(uri: "/api/v1/evaluate?lang=nl&format=markdown&today=2026-06-01", method: .post, body: ByteBuffer(string: initiative)) { response in
        let markdown = String(buffer: response.body)
        #expect(markdown.contains("**Oordeel**: vergunning nodig"), "\(markdown)")
        #expect(markdown.contains("### Ruimte") && markdown.contains("Met de kant van het gebouw"), "\(markdown)")
        // The source and its licence once, first.
        #expect(markdown.components(separatedBy: "MPL-2.0").count == 2, "\(markdown)")
      }
    }
  }
}
