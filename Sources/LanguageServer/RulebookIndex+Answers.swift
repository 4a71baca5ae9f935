import Foundation
import Rulebook
import SourceDiagnostics

extension RulebookIndex {
  /// What fits at the cursor: inside an expression the facts, parameters and definitions in
  /// force; after `fact ==` or `fact in [` the values of the fact's enumeration; elsewhere nothing.
  func completions(_ context: CursorContext) -> [CompletionItem] {
    guard context.inExpression else { return [] }
    if let compared = context.comparedName, let enumeration = enumeration(ofFact: compared) {
      return enumeration.cases.map { value in
        CompletionItem(label: value, kind: .enumMember, detail: Self.bilingual(enumeration.labels[value]), documentation: nil)
      }
    }
    return layers.keys.sorted().compactMap { name in
      switch current(name) {
      case .fact(let fact):
        let detail = [fact.type.description, fact.label.text("nl")].filter { !$0.isEmpty }.joined(separator: " · ")
        return CompletionItem(label: name, kind: .variable, detail: "fact: " + detail, documentation: Self.bilingual(fact.question))
      case .parameter(let parameter):
        let value = parameter.versions.map(\.source.text).joined(separator: " / ")
        return CompletionItem(label: name, kind: .constant, detail: "parameter = " + value, documentation: Self.bilingual(parameter.description))
      case .definition(let definition):
        return CompletionItem(
          label: name, kind: .function, detail: "definition: " + Self.oneLine(definition.source.text),
          documentation: Self.bilingual(definition.description))
      case .enumeration, nil:
        return nil
      }
    }
  }

  /// Markdown about `name`: a fact's label, question and type; a parameter's value in every
  /// layer with its citation; a definition's expression; an enumeration's values.
  func hover(_ name: String) -> String? {
    guard let layers = layers[name], let top = layers.last else { return nil }
    var out = "**\(name)** — \(top.declaration.kindName) (\(top.rulebook.id))\n\n"
    switch top.declaration {
    case .fact(let fact):
      out += "type: `\(fact.type)`"
      if let minimum = fact.minimum, let maximum = fact.maximum { out += ", from \(minimum) to \(maximum)" }
      out += "\n\n"
      if !fact.label.isEmpty { out += Self.bilingual(fact.label).map { "\($0)\n\n" } ?? "" }
      if let question = Self.bilingual(fact.question) { out += "question: \(question)\n\n" }
      if let enumeration = enumeration(ofFact: name) { out += "values: " + enumeration.cases.map { "`\($0)`" }.joined(separator: ", ") + "\n" }
    case .parameter(let parameter):
      if let description = Self.bilingual(parameter.description) { out += description + "\n\n" }
      out += "| layer | value | citation |\n| --- | --- | --- |\n"
      for layer in layers {
        guard case .parameter(let declared) = layer.declaration else { continue }
        let value = declared.versions.map { version in
          version.source.text + (version.validity.from.map { " (from \($0))" } ?? "") + (version.validity.until.map { " (until \($0))" } ?? "")
        }.joined(separator: "; ")
        out += "| \(layer.rulebook.id) | \(Self.cell(value)) | \(Self.cell(citation(declared.citation, in: layer.rulebook.id))) |\n"
      }
    case .definition(let definition):
      if let description = Self.bilingual(definition.description) { out += description + "\n\n" }
      out += "```\n\(definition.source.text.trimmingCharacters(in: .whitespacesAndNewlines))\n```\n"
      let overridden = layers.dropLast().map(\.rulebook.id)
      if !overridden.isEmpty { out += "\nreplaces the definition of " + overridden.joined(separator: ", ") + "\n" }
    case .enumeration(let enumeration):
      out += enumeration.cases.map { value in "- `\(value)`" + (Self.bilingual(enumeration.labels[value]).map { ": \($0)" } ?? "") }
        .joined(separator: "\n") + "\n"
    }
    return out
  }

  /// Where `name` is declared and where the rulebooks above override it, root first.
  func declarations(of name: String) -> [SourceSpan] {
    (layers[name] ?? []).map(\.declaration.span)
  }

  /// `apv art. 2:25 lid 2 (Algemene plaatselijke verordening Borne 2015)`, or `—` without a citation.
  func citation(_ citation: Citation?, in rulebook: String) -> String {
    guard let citation else { return "—" }
    var text = "\(citation.regulation) \(citation.articleText)"
    if let title = regulationTitle(citation.regulation, citedIn: rulebook) { text += " (\(title))" }
    if let url = citation.url { text += " <\(url)>" }
    return text
  }

  /// Dutch and English, `nl / en` when they differ; nil when empty.
  static func bilingual(_ text: LocalizedText?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    let dutch = text.texts["nl"] ?? text.text("nl")
    guard let english = text.texts["en"], english != dutch else { return dutch.trimmingCharacters(in: .whitespacesAndNewlines) }
    return "\(dutch.trimmingCharacters(in: .whitespacesAndNewlines)) / \(english.trimmingCharacters(in: .whitespacesAndNewlines))"
  }

  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }

  static func cell(_ text: String) -> String {
    oneLine(text).replacingOccurrences(of: "|", with: "\\|")
  }
}
