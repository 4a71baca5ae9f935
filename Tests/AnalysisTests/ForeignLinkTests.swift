import Analysis
import Engine
import Foundation
import Rulebook
import Testing
import TestSupport

/// `lint.foreign-link`: a link to another municipality's site is reported where it is written;
/// a municipality's links to its own site are not.
@Suite struct ForeignLinkTests {
  static func findings(_ rules: String) throws -> [String] {
    let library = try RulebookLibrary.load(path: rules)
    return Linter(budget: 10).lint(library, rulebooks: library.definitions.keys.sorted())
      .filter { $0.code == AnalysisDiagnostics.foreignLink }
      .map { "\($0.span.map { "\(($0.file.path as NSString).lastPathComponent):\($0.startLocation.line)" } ?? ""): \($0.message)" }
  }

  @Test func aNeighboursSiteIsReportedAndOnesOwnIsNot() throws {
    let rules = try plantedCopyOfRules(
      file: "borne/rulebook.yaml", find: "url: https://borne.nl/buurtfeest-ander-klein-evenement", replace: "url: https://www.hengelo.nl/buurtfeest",
      everywhere: true)
    defer { try? FileManager.default.removeItem(atPath: rules) }
    let findings = try Self.findings(rules)
    #expect(findings.contains("rulebook.yaml:24: the link of parameter 'max_bezoekers_klein' points at the site of Hengelo, not Borne's source"), "\(findings)")
    #expect(findings.contains { $0.contains("weg.yaml:103: the link of rule 'tijdelijke-verkeersmaatregel' points at the site of Rijssen-Holten") })
    #expect(!findings.contains { $0.contains("eindhoven.nl") || $0.contains("of Eindhoven") || $0.contains("of Borne") })
  }
}

/// `official:` names a regulation's official publication: a citation of national law links to
/// its article, a malformed identifier is an error at its place, and `lint --strict`'s linter
/// lists the regulations without one.
@Suite struct OfficialSourceTests {
  @Test func aBWBIdentifierLinksACitationToItsArticle() throws {
    let library = try RulebookLibrary.load(path: repositoryRoot().appendingPathComponent("Rules").path)
    let national = try #require(library.rulebooks["national"])
    let alcohol = try #require(national.regulation("alcoholwet"))
    #expect(alcohol.official == "BWBR0002458")
    #expect(alcohol.link(article: "35", paragraph: "1") == "https://wetten.overheid.nl/jci1.3:c:BWBR0002458&artikel=35&lid=1")
    #expect(national.link(of: Citation(regulation: "awb", article: "4:84")) == "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&artikel=4:84")
    let rotterdam = try #require(library.rulebooks["rotterdam"]?.regulation("bewonersinitiatieven"))
    #expect(rotterdam.officialURL == "https://lokaleregelgeving.overheid.nl/CVDR706282")
    let strict = Linter(budget: 10, officialSources: true).lint(library, rulebooks: ["national", "rotterdam"])
      .filter { $0.code == AnalysisDiagnostics.noOfficialSource }.map(\.message)
    #expect(!strict.isEmpty && !strict.contains { $0.contains("'alcoholwet'") || $0.contains("'bewonersinitiatieven'") }, "\(strict)")
    #expect(Linter(budget: 10).lint(library, rulebooks: ["national"]).allSatisfy { $0.code != AnalysisDiagnostics.noOfficialSource })
  }

  @Test func aMalformedIdentifierIsAnErrorAtItsPlace() throws {
    let rules = try plantedCopyOfRules(file: "national/rulebook.yaml", find: "official: BWBR0002458", replace: "official: alcoholwet")
    defer { try? FileManager.default.removeItem(atPath: rules) }
    let text = try String(contentsOfFile: repositoryRoot().appendingPathComponent("Rules/national/rulebook.yaml").path, encoding: .utf8)
    let library = try RulebookLibrary.load(path: rules)
    let error = try #require(library.diagnostics.first { $0.message.contains("'alcoholwet' is not a CVDR or BWB identifier") })
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("official: BWBR0002458") }.map { $0 + 1 }
    #expect(error.span?.startLocation.line == line)
    #expect(error.span?.startLocation.column == 15)
  }
}
