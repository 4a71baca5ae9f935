import Foundation
import Rulebook
import Testing
import TestSupport

/// The shipped rules with their register of municipalities.
let shippedLibrary: RulebookLibrary = {
  try! RulebookLibrary.load(path: repositoryRoot().appendingPathComponent("Rules").path)  // swift-format-ignore: NeverUseForceTry
}()

@Suite struct MunicipalityRegisterTests {
  @Test func theRegisterHoldsEveryMunicipalityOnce() {
    let register = shippedLibrary.register
    #expect(register.municipalities.count == 342)
    #expect(Set(register.municipalities.map(\.code)).count == 342)
    #expect(Set(register.municipalities.map(\.slug)).count == 342)
    #expect(!shippedLibrary.diagnostics.contains { $0.code == "register.bad-line" })
  }

  struct Spelling: Sendable, CustomTestStringConvertible {
    let text: String
    let code: String
    var testDescription: String { text }
  }

  static let spellings: [Spelling] = [
    Spelling(text: "Leiden", code: "GM0546"),
    Spelling(text: "leiden", code: "GM0546"),
    Spelling(text: "GM0546", code: "GM0546"),
    Spelling(text: "gm0546", code: "GM0546"),
    Spelling(text: "0546", code: "GM0546"),
    Spelling(text: "Den Haag", code: "GM0518"),
    Spelling(text: "den-haag", code: "GM0518"),
    Spelling(text: "'s-Gravenhage", code: "GM0518"),
    Spelling(text: "s-gravenhage", code: "GM0518"),
    Spelling(text: "Den Bosch", code: "GM0796"),
    Spelling(text: "'s-Hertogenbosch", code: "GM0796"),
    Spelling(text: "s-hertogenbosch", code: "GM0796"),
    Spelling(text: "Súdwest-Fryslân", code: "GM1900"),
    Spelling(text: "Sudwest-Fryslan", code: "GM1900"),
    Spelling(text: "sudwest fryslan", code: "GM1900"),
    Spelling(text: "Ljouwert", code: "GM0080"),
    Spelling(text: "Tietjerksteradeel", code: "GM0737"),
    Spelling(text: "Bergen (NH.)", code: "GM0373"),
    Spelling(text: "bergen-nh", code: "GM0373"),
    Spelling(text: "Bergen (L.)", code: "GM0893"),
    Spelling(text: "Stichtse Vecht", code: "GM1904"),
    Spelling(text: "Nuenen, Gerwen en Nederwetten", code: "GM0820"),
  ]

  @Test(arguments: spellings)
  func aSpellingResolvesToItsMunicipality(_ spelling: Spelling) {
    #expect(shippedLibrary.register.municipality(for: spelling.text)?.code == spelling.code)
  }

  struct Typo: Sendable, CustomTestStringConvertible {
    let text: String
    let suggestion: String
    var testDescription: String { text }
  }

  static let typos: [Typo] = [
    Typo(text: "Leidn", suggestion: "Leiden"),
    Typo(text: "Zwole", suggestion: "Zwolle"),
    Typo(text: "Groningn", suggestion: "Groningen"),
    Typo(text: "Culemborgh", suggestion: "Culemborg"),
    Typo(text: "Sudwest-Frieslan", suggestion: "Súdwest-Fryslân"),
    Typo(text: "Leeuwaarden", suggestion: "Leeuwarden"),
  ]

  @Test(arguments: typos)
  func aTypoGetsTheNearestName(_ typo: Typo) {
    #expect(shippedLibrary.register.municipality(for: typo.text) == nil)
    #expect(shippedLibrary.register.suggestion(for: typo.text) == typo.suggestion)
    #expect(shippedLibrary.unknownMunicipalityHelp(typo.text) == "did you mean '\(typo.suggestion)'?")
  }

  @Test func aTypoOfAShippedRulebookIsOfferedItsRulebook() {
    #expect(shippedLibrary.unknownMunicipalityHelp("Amsterdm") == "did you mean 'amsterdam'?")
    #expect(shippedLibrary.register.suggestion(for: "Amsterdm") == "Amsterdam")
  }

  @Test func unknownNamesAreNotOfferedModelOrNationalRulebooks() {
    let help = shippedLibrary.unknownMunicipalityHelp("Atlantis")
    #expect(!help.contains("model-apv") && !help.contains("national"), "\(help)")
    #expect(shippedLibrary.select("Atlantis") == nil)
    #expect(shippedLibrary.select("GM9999") == nil)
  }

  @Test func everyShippedMunicipalRulebookMapsOntoTheRegister() {
    let municipal = shippedLibrary.definitions.values.filter { $0.municipality != nil }
    #expect(municipal.count >= 11)
    for definition in municipal {
      #expect(shippedLibrary.register.municipality(for: definition.municipality!) != nil, "\(definition.id)")
    }
    #expect(shippedLibrary.coverage.filter { $0.rulebookID != nil }.count == municipal.count)
  }

  @Test func everyMunicipalityByNameAndCodeGetsARulebook() throws {
    for municipality in shippedLibrary.register.municipalities {
      for text in [municipality.name, municipality.code, municipality.slug] {
        let (rulebook, selection) = try #require(shippedLibrary.select(text), "\(text)")
        #expect(selection.municipality == municipality, "\(text)")
        #expect(selection.rulebookID == rulebook.id)
        let own = shippedLibrary.coverage.first { $0.municipality == municipality }?.rulebookID
        #expect(selection.fallback == (own == nil), "\(text)")
        #expect(rulebook.id == own ?? RulebookLibrary.fallbackRulebookID, "\(text)")
      }
    }
  }

  @Test func aRulebookIDSelectsItselfWithoutFallback() throws {
    let (model, selection) = try #require(shippedLibrary.select("model-apv"))
    #expect(model.id == "model-apv" && !selection.fallback && selection.municipality == nil)
    let (borne, own) = try #require(shippedLibrary.select("borne"))
    #expect(borne.id == "borne" && !own.fallback && own.municipality?.code == "GM0147")
  }

  @Test func aMalformedRegisterLineIsReportedWithItsPlace() throws {
    let root = try makeRulebooks(["register": [:]])
    try "cbs_code\tname\nGM0001\tEen\nnot a line\n".write(
      toFile: root + "/register/municipalities.tsv", atomically: true, encoding: .utf8)
    let (register, diagnostics) = try MunicipalityRegister.load(rulesFolder: root)
    #expect(register.municipalities.map(\.name) == ["Een"])
    #expect(diagnostics.map(\.code) == ["register.bad-line"])
    #expect(diagnostics.first?.location?.line == 3)
  }
}
