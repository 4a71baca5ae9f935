import Engine
import Foundation
import Import
import Rulebook
import RuleLanguage
import Testing

/// The dormer check from DMN (`ConclusieBouwenDakkapel.dmn`, an example of another
/// municipality's rules) and from JSON (Amsterdam's "Dakkapel bouwen") are not the same rule set:
/// they share no question text, so the questions cannot be paired by text. Where both describe
/// the same situation in their own questions — a new flat-roofed dormer on the back of an
/// ordinary house, within the permit-free sizes — both conclude that no permit is needed.
@Suite struct DormerComparisonTests {
  static func dmnRulebook() throws -> (CompiledRulebook, RulebookLibrary) {
    let file = ImportFixtures.files("dmn").first { $0.hasSuffix("ConclusieBouwenDakkapel.dmn") }!
    let output = try Importer().importFile(path: file)
    let folder = NSTemporaryDirectory() + "bricoleur-dormer-\(UUID().uuidString)"
    _ = try Importer.write(output, to: folder)
    let library = try RulebookLibrary.load(path: folder)
    return (try #require(library.rulebooks[output.rulebooks[0].id]), library)
  }

  @Test func theTwoShareNoQuestionText() throws {
    let (dmn, _) = try Self.dmnRulebook()
    let json = try #require(ImportFixtures.imported.first { $0.file == "dakkapel-plaatsen.json" && $0.tables.name == "Dakkapel bouwen" }?.rulebook)
    // The questions of the checks, not the date every rulebook has.
    let texts = Set(json.facts.indices.filter { $0 != json.dateSlot }.compactMap { json.facts[$0].question.texts["nl"] })
    let shared = dmn.facts.indices.filter { $0 != dmn.dateSlot }.map { dmn.facts[$0] }.filter { $0.question.texts["nl"].map(texts.contains) ?? false }
    #expect(shared.isEmpty, "\(shared.map(\.name))")
  }

  @Test func aPlainDormerOnTheBackNeedsNoPermitInBoth() throws {
    let (dmn, library) = try Self.dmnRulebook()
    let dmnFacts: [(String, String)] = [
      ("monument_gemeentelijk_provinciaal_rijk", "nee"), ("hoofdgebouw_gelegen_rijks_beschermd", "nee"), ("plaatsing_woonwagen", "nee"),
      ("plaatsing_tijdelijk_bouwwerk", "nee"), ("plaatsing_recreatief_nachtverblijf", "nee"), ("plaatsing_dakvlak_gekeerd_openbaar", "nee"),
      ("dakkapel_voorzien_plat_dak", "ja"), ("hoogte_gemeten_vanaf_voet", "150"), ("hoever_onderzijde_boven_dakvoet", "60"),
      ("hoever_bovenzijde_onder_daknok", "60"), ("hoever_liggen_zijkanten_dakkapel", "60"), ("welk_dakvlak_dakkapel_geplaatst", "achterkant"),
      ("gelden_gemeente_welstandsciteria", "nee"), ("dakkapel_nieuw_bouwen_pand", "nee"), ("pand_binnen_gemeentegrens_veenendaal", "ja"),
    ]
    let day = CalendarDay(year: 2026, month: 6, day: 1)
    let fromDMN = RuleEngine(library: library).check(
      Initiative(id: "dmn", date: day, facts: dmnFacts.map { RawFact(name: $0.0, text: $0.1) }), options: .init(rulebook: dmn.id))
    let fromJSON = try ImportedRoomTests.evaluation(side: "achterkant")
    let dmnVerdict = try #require(fromDMN.evaluation?.verdict, "\(fromDMN.diagnostics.map(\.message))")
    #expect(dmnVerdict.determined && dmnVerdict.level == .allowed)
    #expect(fromJSON.verdict.determined && fromJSON.verdict.level == .allowed)
  }
}
