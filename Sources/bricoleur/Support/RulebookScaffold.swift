import Foundation
import Rulebook

/// The files of a new municipal rulebook that extends the model APV: everything the model
/// sets is listed for the legal team to fill in, and as generated it lints clean and its
/// test passes (it changes nothing yet).
struct RulebookScaffold {
  let municipality: Municipality
  /// The model rulebook as written (its parameters are listed with their values).
  let model: RulebookDefinition
  /// The first test case of the model's own tests, as written; it holds for the new rulebook too.
  let firstModelTest: String?

  var id: String { municipality.slug }

  /// File names (relative to the rulebook folder) and their text.
  var files: [(name: String, text: String)] {
    [("rulebook.yaml", rulebook), ("tests/\(id).yaml", tests), ("README.md", readme)]
  }

  var rulebook: String {
    let name = municipality.name
    var lines = [
      "# Rulebook for \(name) (CBS \(municipality.code)), made by 'bricoleur new-rulebook'. It extends the",
      "# VNG model APV: every rule of the model (and the national rules below it) applies with the",
      "# model's numbers until a parameter below is set to \(name)'s own.",
      "rulebook:",
      "  id: \(id)",
      "  name: {nl: \(quoted("Gemeente \(name)")), en: \(quoted("Municipality of \(name)"))}",
      "  municipality: \(id)",
      "  extends: \(model.id)",
      "  languages: [nl, en]",
      "",
      "# The APV of \(name). The inherited rules cite 'apv': fill in the official title, the link to",
      "# the APV on lokaleregelgeving.overheid.nl, the date it took effect, and set reliability to",
      "# 'official' once it has been read there.",
      "regulations:",
      "  apv:",
      "    title: {nl: \(quoted("Algemene plaatselijke verordening \(name)")), en: \(quoted("General local bylaw of \(name)"))}",
      "    kind: bylaw",
      "    authority: burgemeester",
      "    reliability: guess",
      "    note: >",
      "      Nog in te vullen: de officiële citeertitel en de link naar de APV van \(name) op",
      "      lokaleregelgeving.overheid.nl. Tot dan gelden de getallen van de model-APV.",
      "",
      "# Every parameter of the model APV, with the model's value. To use \(name)'s own number,",
      "# uncomment the parameter, put in the number and cite the article of the APV.",
      "# parameters:",
    ]
    for parameter in model.parameters {
      guard let value = parameter.versions.last?.source.text else { continue }
      let description = parameter.description.text("nl")
      lines.append("#   \(parameter.name):")
      lines.append("#     value: \(yamlScalar(value))")
      if !description.isEmpty { lines.append("#     description: {nl: \(quoted(oneLine(description)))}") }
      if let citation = parameter.citation {
        let paragraph = citation.paragraph.map { ", paragraph: \(quoted($0))" } ?? ""
        lines.append("#     citation: {regulation: \(citation.regulation), article: \(quoted(citation.article))\(paragraph)}")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  var tests: String {
    var text = "# Rule tests for \(id); expectations match `bricoleur check` for these facts.\n"
    text += "# The first case is the model APV's own: add a case on both sides of every number you change.\n"
    text += firstModelTest ?? "tests: []\n"
    return text
  }

  var readme: String {
    """
    # Gemeente \(municipality.name) (`\(id)`)

    Extends `\(model.id)`. Municipality: `\(id)` (CBS \(municipality.code)).

    Made by `bricoleur new-rulebook`. Until the parameters in `rulebook.yaml` are filled in, this
    rulebook answers exactly as the model APV and the national rules do.

    ## What is encoded

    - Every rule of the VNG model APV and of the national rules, inherited unchanged.
    - \(municipality.name)'s own numbers: none yet (the model's parameters are listed, commented out, in `rulebook.yaml`).

    ## Not encoded

    - \(municipality.name)'s own APV: its title, link and articles (the regulation `apv` is a placeholder).
    - Local policy rules, grant schemes and anything the model APV does not cover.

    ## Tests

    `tests/\(id).yaml` holds the model's first case; run `bricoleur test Rules/\(id)`.

    """
  }

  /// The first `- name:` item of a tests file, up to the next one, under `tests:`, with the
  /// file's `base:` block before it when it has one.
  static func firstTest(in text: String) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("  - name:") }) else { return nil }
    let isTopLevel = { (line: Substring) in !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#") }
    let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("  - ") || isTopLevel($0) } ?? lines.endIndex
    var base = ""
    if let baseStart = lines.firstIndex(where: { $0.hasPrefix("base:") }) {
      let baseEnd = lines[(baseStart + 1)...].firstIndex(where: isTopLevel) ?? lines.endIndex
      base = lines[baseStart..<baseEnd].joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }
    return base + "tests:\n" + lines[start..<end].joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
  }

  func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// A value as it was written, quoted when YAML would read it otherwise.
  func yamlScalar(_ text: String) -> String {
    let plain = text.allSatisfy { $0.isLetter || $0.isNumber || " .-_".contains($0) } && !text.hasPrefix("-")
    return plain ? text : quoted(text)
  }

  func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }
}
