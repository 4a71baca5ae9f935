import Engine
import Foundation
import Reports
import Rulebook
import SourceDiagnostics
import Testing
import TestSupport

/// The shipped rules (with the register of municipalities).
let shippedEngine: RuleEngine = {
  try! RuleEngine(rulesPath: repositoryRoot().appendingPathComponent("Rules").path)  // swift-format-ignore: NeverUseForceTry
}()

/// A street party for `municipality` (a name or code as written in `municipality:`).
func streetParty(_ municipality: String) -> String {
  """
  id: straatfeest
  municipality: "\(municipality)"
  date: 2026-06-20
  facts:
    activity: straatfeest
    visitors: 120
    public_space: ja

  """
}

@Suite struct MunicipalCoverageTests {
  @Test func everyMunicipalityInTheRegisterGetsAnAnswerByNameAndByCode() throws {
    let register = shippedEngine.library.register
    #expect(register.municipalities.count == 342)
    var fallbacks = 0
    for municipality in register.municipalities {
      for text in [municipality.name, municipality.code] {
        let result = check(streetParty(text), engine: shippedEngine)
        let evaluation = try #require(result.evaluation, "\(text): \(DiagnosticTextRenderer().render(result.diagnostics))")
        let selection = try #require(evaluation.selection, "\(text)")
        #expect(selection.municipality == municipality, "\(text)")
        if selection.fallback {
          #expect(evaluation.rulebook.id == "model-apv", "\(text)")
          fallbacks += 1
        } else {
          #expect(evaluation.rulebook.definition.municipality != nil, "\(text)")
        }
      }
    }
    let own = shippedEngine.library.coverage.filter { $0.rulebookID != nil }.count
    #expect(own >= 11)
    #expect(fallbacks == 2 * (342 - own))
  }

  @Test func aFallbackIsStatedInTheJSON() throws {
    let evaluation = try #require(check(streetParty("Leiden"), engine: shippedEngine).evaluation)
    let json = EvaluationJSONRenderer(language: "nl").render(evaluation)
    guard case .object(let members) = json, let rulebook = members.first(where: { $0.0 == "rulebook" })?.1 else {
      Issue.record("no rulebook member")
      return
    }
    #expect(
      rulebook.serialized() == #"{"id":"model-apv","fallback":true,"municipality":{"code":"GM0546","name":"Leiden"}}"#)
  }

  @Test func anOwnRulebookKeepsItsIDInTheJSON() throws {
    let evaluation = try #require(check(streetParty("Borne"), engine: shippedEngine).evaluation)
    #expect(evaluation.selection?.fallback == false)
    let text = EvaluationJSONRenderer(language: "nl").render(evaluation).serialized()
    #expect(text.contains(#""rulebook":"borne""#), "\(text.prefix(120))")
    #expect(EvaluationTextRenderer(language: "nl").render(evaluation).contains("eigen regelboek") == false)
  }

  @Test(arguments: ["nl", "en"])
  func aFallbackIsStatedInTheFirstLinesOfText(_ language: String) throws {
    let evaluation = try #require(check(streetParty("GM0546"), engine: shippedEngine).evaluation)
    let expected = language == "en"
      ? "Leiden has no rulebook of its own yet: checked against the VNG model APV and the national rules; Leiden's own numbers may differ."
      : "Voor Leiden is nog geen eigen regelboek: getoetst aan de model-APV van de VNG en de landelijke regels; de getallen van Leiden kunnen afwijken."
    let text = EvaluationTextRenderer(language: language).render(evaluation).split(separator: "\n").prefix(2)
    #expect(text.last.map(String.init) == expected)
    let markdown = EvaluationMarkdownRenderer(language: language).render(evaluation).split(separator: "\n").prefix(4)
    #expect(markdown.contains { $0 == "> " + expected })
    #expect(EvaluationHTMLRenderer(language: language).render(evaluation).hasPrefix("<p class=\"fallback\">"))
  }

  @Test(arguments: [("Leidn", "Leiden"), ("Amsterdm", "amsterdam"), ("Den Hag", "den-haag"), ("Leeuwaarden", "Leeuwarden")])
  func aMisspelledMunicipalityIsAnErrorAtItsLineWithASuggestion(_ typo: String, _ suggestion: String) throws {
    let result = check(streetParty(typo), engine: shippedEngine)
    #expect(result.evaluation == nil)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.message == "no rulebook for municipality '\(typo)'")
    #expect(diagnostic.location?.line == 2)
    #expect(diagnostic.help == "did you mean '\(suggestion)'?")
  }

  @Test func anUnknownMunicipalityIsNotOfferedTheModelRulebooks() throws {
    let result = check(streetParty("Atlantis"), engine: shippedEngine)
    let help = try #require(result.diagnostics.first?.help)
    #expect(!help.contains("model-apv") && !help.contains("national"), "\(help)")
  }
}
