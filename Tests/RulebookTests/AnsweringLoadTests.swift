import Foundation
import Rulebook
import Testing
import TestSupport

/// Loading only the rulebooks that answer for some names selects what the whole library selects.
@Suite struct AnsweringLoadTests {
  static let rules = repositoryRoot().appendingPathComponent("Rules").path

  /// The rulebook and selection `select` gives, comparable.
  static func selected(_ library: RulebookLibrary, _ name: String) -> String? {
    library.select(name).map { "\($0.rulebook.id) \($0.selection)" }
  }

  @Test func everyMunicipalityInTheRegisterSelectsWhatTheWholeLibrarySelects() throws {
    let names = shippedLibrary.register.municipalities.flatMap { [$0.name, $0.code, $0.slug] }
      + ["Den Haag", "Den Bosch", "Sudwest Fryslan", "0546", "borne", "model-apv", "national"]
    let loaded = try RulebookLibrary.load(path: Self.rules, answering: Set(names))
    for name in names {
      #expect(Self.selected(loaded, name) == Self.selected(shippedLibrary, name), "\(name)")
      #expect(Self.selected(loaded, name) != nil, "\(name)")
    }
  }

  struct Minimal: Sendable, CustomTestStringConvertible {
    let name: String
    let compiled: Set<String>
    var testDescription: String { name }
  }

  @Test(arguments: [
    Minimal(name: "Leiden", compiled: ["model-apv"]),
    Minimal(name: "GM0147", compiled: ["borne", "model-apv"]),
    Minimal(name: "Den Haag", compiled: ["den-haag", "model-apv"]),
    Minimal(name: "national", compiled: ["national"]),
  ])
  func onlyTheRulebooksThatCanAnswerAreCompiled(_ row: Minimal) throws {
    let loaded = try RulebookLibrary.load(path: Self.rules, answering: [row.name])
    #expect(Set(loaded.rulebooks.keys) == row.compiled)
    #expect(Self.selected(loaded, row.name) == Self.selected(shippedLibrary, row.name))
    #expect(loaded.register.municipalities.count == 342)
  }

  @Test func aNameThatSelectsNothingLoadsTheWholeLibraryForItsHelp() throws {
    let loaded = try RulebookLibrary.load(path: Self.rules, answering: ["Leidn"])
    #expect(loaded.rulebooks.count == shippedLibrary.rulebooks.count)
    #expect(loaded.unknownMunicipalityHelp("Leidn") == "did you mean 'Leiden'?")
  }

  /// Rulebooks that test each way of naming a municipality, and a block the catalog cannot cut out.
  static func fixture() throws -> String {
    let rule = """
      facts:
        visitors: {type: integer, min: 0, question: {nl: Hoeveel?, en: How many?}}
      regulations:
        apv: {title: APV, kind: bylaw, url: https://example.org/apv}
      rules:
        - id: melding
          citation: {regulation: apv, article: "2:25"}
          when: visitors <= 100
          outcome: notification
          explanation: {nl: "Klein.", en: "Small."}

      """
    let root = try makeRulebooks([
      "model": ["rulebook.yaml": "rulebook: {id: model-apv, name: Model}\n" + rule],
      "a-town": ["rulebook.yaml": "# Leiden's own\nrulebook:\n  id: a-town\n  name: A\n  municipality: Leiden\n  extends: model-apv\n"],
      "b-town": ["rulebook.yaml": "rulebook: {id: b-town, name: B, municipality: leiden, extends: model-apv}\n"],
      "c-later": ["rulebook.yaml": "rulebook: {id: c-later, name: C, extends: b-town}\n"],
      "q-town": ["rules.yaml": "\"rulebook\": {id: q-town, name: Q, municipality: Delft, extends: model-apv}\n"],
    ])
    let register = (root as NSString).appendingPathComponent("register")
    try FileManager.default.createDirectory(atPath: register, withIntermediateDirectories: true)
    try "cbs_code\tname\nGM0546\tLeiden\nGM0503\tDelft\nGM0599\tRotterdam\n".write(
      toFile: (register as NSString).appendingPathComponent("municipalities.tsv"), atomically: true, encoding: .utf8)
    return root
  }

  @Test func idsNamesCodesInheritedMunicipalitiesAndUncutBlocksSelectAsInTheWholeLibrary() throws {
    let root = try Self.fixture()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let whole = try RulebookLibrary.load(path: root)
    #expect(whole.diagnostics.filter { $0.severity == .error }.isEmpty)
    let catalog = try RulebookCatalog.read(rulesFolder: root)
    #expect(catalog.entries.map(\.id) == ["a-town", "b-town", "c-later", "model-apv", "q-town"])
    #expect(catalog.entries.map(\.municipality) == ["Leiden", "leiden", nil, nil, "Delft"])
    let cLater = try #require(catalog.entries(id: "c-later").first)
    #expect(catalog.layeredMunicipality(of: cLater) == "leiden")
    for name in ["Leiden", "leiden", "GM0546", "a-town", "c-later", "Delft", "GM0503", "Rotterdam", "model-apv"] {
      let loaded = try RulebookLibrary.load(path: root, answering: [name])
      #expect(Self.selected(loaded, name) == Self.selected(whole, name), "\(name)")
      #expect(Self.selected(loaded, name) != nil, "\(name)")
    }
    // "leiden" as written is b-town's and, inherited, c-later's; b-town comes first by id.
    #expect(try RulebookLibrary.load(path: root, answering: ["leiden"]).select("leiden")?.rulebook.id == "b-town")
  }
}
