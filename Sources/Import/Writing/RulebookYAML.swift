import Foundation

/// Writes an imported rulebook as the files of a rulebook folder.
enum RulebookYAML {
  /// The file names and their text: `rulebook.yaml`, `vragen.yaml`, `beslissingen.yaml`,
  /// `conclusies.yaml` and `README.md`.
  static func files(_ book: ImportedRulebook, source: SourceNotice) -> [(name: String, text: String)] {
    [
      ("rulebook.yaml", metadata(book, source: source)),
      ("vragen.yaml", vocabulary(book)),
      ("beslissingen.yaml", definitions(book)),
      ("conclusies.yaml", rules(book)),
      ("README.md", ImportReadme.text(book, source: source)),
    ]
  }

  static func metadata(_ book: ImportedRulebook, source: SourceNotice) -> String {
    var out = YAMLText.comment("Ingelezen uit \(source.file) met 'bricoleur import'; \(source.licence). Niet met de hand bewerken: lees opnieuw in.", indent: 0)
    out += "rulebook:\n"
    out += "  id: \(book.id)\n"
    out += "  name: \(YAMLText.quoted(book.permitName))\n"
    out += "  languages: [nl]\n"
    out += "  description: \(YAMLText.quoted("De vergunningcheck '\(book.permitName)'\(book.version.map { " (versie \($0))" } ?? ""), ingelezen uit \(source.file)."))\n"
    out += "  notice: \(YAMLText.quoted(source.notice))\n\n"
    out += "regulations:\n"
    for regulation in book.regulations {
      out += "  \(regulation.id):\n"
      out += "    title: \(YAMLText.quoted(regulation.title))\n"
      out += "    kind: guideline\n"
      out += "    authority: college van burgemeester en wethouders\n"
      if let url = regulation.url { out += "    url: \(YAMLText.quoted(url))\n" }
      if let note = regulation.note { out += "    note: \(YAMLText.quoted(note))\n" }
    }
    return out
  }

  static func vocabulary(_ book: ImportedRulebook) -> String {
    var out = YAMLText.comment("De vragen van de check, in de volgorde waarin zij gesteld worden (priority).", indent: 0)
    out += book.facts.isEmpty ? "facts: {}\n" : "facts:\n"
    for fact in book.facts {
      let question = fact.question
      out += YAMLText.comment("\(question.path)\(question.uuid.map { ", herbruikbaarId \($0)" } ?? "")\(question.autofill.map { ", in de check ingevuld uit het adres (\($0))" } ?? "")", indent: 2)
      out += "  \(fact.name):\n"
      out += "    label: \(YAMLText.quoted(QuestionLabel.label(question.text)))\n"
      out += "    type: \(fact.type)\n"
      if QuestionAdjustability.adjustable(question) { out += "    adjustable: true\n" }
      if !fact.cases.isEmpty {
        out += "    values:\n"
        for (name, option) in fact.cases { out += "      \(name): \(YAMLText.quoted(option))\n" }
      }
      out += "    question: \(YAMLText.quoted(question.text))\n"
      let help = [question.description, question.longDescription].compactMap { $0 }.filter { !$0.isEmpty }
      if !help.isEmpty { out += "    help: \(YAMLText.quoted(help.joined(separator: "\n\n")))\n" }
      if let priority = question.priority { out += "    priority: \(priority)\n" }
    }
    return out
  }

  static func definitions(_ book: ImportedRulebook) -> String {
    var out = YAMLText.comment("De beslistabellen: per uitkomst of de eerste passende rij haar geeft.", indent: 0)
    out += book.definitions.isEmpty ? "definitions: {}\n" : "definitions:\n"
    for definition in book.definitions {
      if let comment = definition.comment { out += YAMLText.comment(comment, indent: 2) }
      out += "  \(definition.name):\n"
      out += "    expr: \(expression(definition.condition, indent: 6))\n"
      out += "    description: \(YAMLText.quoted(definition.description))\n"
    }
    return out
  }

  static func rules(_ book: ImportedRulebook) -> String {
    var out = YAMLText.comment("De conclusietabel: per rij één regel; precies één regel geldt bij volledige antwoorden.", indent: 0)
    out += book.rules.isEmpty ? "rules: []\n" : "rules:\n"
    for rule in book.rules {
      if let comment = rule.comment { out += YAMLText.comment(comment, indent: 2) }
      out += "  - id: \(rule.id)\n"
      out += "    title: \(YAMLText.quoted(rule.title))\n"
      out += "    citation: {regulation: \(rule.citation.regulation), article: \(YAMLText.quoted(rule.citation.article))}\n"
      out += "    when: \(expression(rule.condition, indent: 6))\n"
      if let name = rule.outcomeName {
        out += "    outcome: {level: \(rule.kind), name: \(YAMLText.quoted(name))}\n"
      } else {
        out += "    outcome: \(rule.kind)\n"
      }
      out += "    explanation: \(YAMLText.quoted(rule.explanation))\n"
      // The row's conditions are over the decisions' names; in words, a row that does not match says so.
      out += "    explanation_not_applying: \"Deze conclusie van de check past niet bij de antwoorden.\"\n"
    }
    return out
  }

  /// An expression on one line when short, else as a block with one `or`/`and` term a line.
  static func expression(_ condition: Condition, indent: Int) -> String {
    let text = condition.text
    guard text.count > 90 else { return YAMLText.quoted(text) }
    let broken = text.replacingOccurrences(of: ") or (", with: ")\nor (").replacingOccurrences(of: " and not ", with: "\nand not ")
    return YAMLText.block(broken, indent: indent)
  }
}
