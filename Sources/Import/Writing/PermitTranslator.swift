import Foundation
import SourceDiagnostics

/// Turns one permit check into a rulebook: questions into facts, decision tables into
/// definitions (one per output, true when the first matching row gives it), the conclusion
/// table into one rule per row, guarded so that exactly one rule applies to complete answers.
struct PermitTranslator {
  let permit: STTRPermit
  var rulebook: ImportedRulebook
  var diagnostics: [Diagnostic] = []
  var names = NameTable()
  /// Facts by question id.
  var facts: [String: ImportedFact] = [:]
  /// For each translated decision: its name, and the definition of each output it can give.
  var outputs: [String: [STTRValue: String]] = [:]
  var decisionNames: [String: String] = [:]
  /// The values the rules fix, by question id (`uitv:vasteWaarde`).
  var fixed: [String: STTRValue] = [:]

  init(permit: STTRPermit, id: String, sourcePath: String) {
    self.permit = permit
    rulebook = ImportedRulebook(id: id, permitName: permit.name, sourcePath: sourcePath, version: permit.version)
  }

  mutating func translate() -> ImportedRulebook {
    let order = decisionOrder()
    translateQuestions(usedBy: order)
    for id in order where id != permit.conclusionID {
      guard let decision = permit.decision(id) else { continue }
      translateDecision(decision)
    }
    if let conclusion = permit.decision(permit.conclusionID) {
      var conclusions = ConclusionTranslator(translator: self, decision: conclusion)
      conclusions.translate()
      self = conclusions.translator
    }
    return rulebook
  }

  /// The decisions the conclusion needs, each after those it reads; the others are reported.
  mutating func decisionOrder() -> [String] {
    var order: [String] = []
    var visiting: Set<String> = []
    func visit(_ id: String, from span: SourceSpan?) {
      guard !order.contains(id), !visiting.contains(id) else { return }
      guard let decision = permit.decision(id) else {
        diagnostics.append(.error(ImportDiagnostics.unknownReference, "decision '\(id)' is required but not defined", at: span))
        return
      }
      visiting.insert(id)
      for case .decision(let input) in decision.inputs { visit(input, from: decision.span) }
      visiting.remove(id)
      order.append(id)
    }
    visit(permit.conclusionID, from: permit.span)
    for decision in permit.decisions where !order.contains(decision.id) {
      diagnostics.append(.warning(ImportDiagnostics.unknownReference,
        "decision at '\(decision.path)' is not used by the conclusion and is left out", at: decision.span))
      rulebook.notes.append("Beslissing `\(decision.name ?? decision.id)` wordt door de conclusie niet gebruikt en is weggelaten.")
    }
    return order
  }

  /// Facts for the questions the decisions read, in asking order; a question nothing reads is reported.
  mutating func translateQuestions(usedBy order: [String]) {
    var used: Set<String> = []
    for id in order { for case .question(let question) in permit.decision(id)?.inputs ?? [] { used.insert(question) } }
    let ordered = permit.questions.enumerated().sorted { ($0.element.priority ?? Int.max, $0.offset) < ($1.element.priority ?? Int.max, $1.offset) }
    var enumCases: [String] = []
    // Every fact's name first, so that no value of an enumeration takes the name of a fact.
    var factNames: [String: String] = [:]
    for (_, question) in ordered where used.contains(question.id) && factNames[question.id] == nil {
      if case .fixed = question.kind { continue }
      factNames[question.id] = names.claim(Naming.identifier(Naming.questionPart(question.text), fallback: "vraag"))
    }
    for (_, question) in ordered {
      guard used.contains(question.id) else {
        diagnostics.append(.warning(ImportDiagnostics.unsupportedQuestion,
          "question '\(question.text)' at '\(question.path)' is read by no decision and is left out", at: question.span))
        rulebook.notes.append("De vraag \"\(question.text)\" wordt door geen beslissing gelezen en is weggelaten.")
        continue
      }
      guard facts[question.id] == nil else { continue }
      let name = factNames[question.id] ?? names.claim("vraag")
      var fact = ImportedFact(name: name, type: "bool", question: question)
      switch question.kind {
      case .boolean: fact.type = "bool"
      case .number: fact.type = "decimal"
      case .date: fact.type = "date"
      case .text: fact.type = "text"
      case .geo(let location):
        let answers = testedTexts(question.id)
        fact.type = answers.isEmpty ? "bool" : "enum"
        var caseNames = NameTable(used: names.used)
        fact.cases = answers.map { (caseNames.claim(Naming.identifier($0, fallback: "keuze")), $0) }
        enumCases += fact.cases.map(\.name)
        diagnostics.append(.warning(ImportDiagnostics.unsupportedQuestion,
          "location question '\(question.text)' (location '\(location)') at '\(question.path)' is asked as a question",
          at: question.span, help: "the original answers it from a map; a rulebook asks the resident"))
        rulebook.notes.append("De locatievraag \"\(question.text)\" (\(location)) wordt als gewone vraag gesteld, met de antwoorden die de tabellen toetsen.")
      case .fixed(let value, let caveat):
        fixed[question.id] = value
        rulebook.notes.append("\"\(question.text)\" heeft in de regels de vaste waarde \(value)\(caveat.map { ", onder voorbehoud: \($0.trimmingCharacters(in: CharacterSet(charactersIn: ". ")))" } ?? "").")
        continue
      case .list(let options, let multiple):
        fact.type = "enum"
        var caseNames = NameTable(used: names.used)
        for option in options {
          fact.cases.append((caseNames.claim(Naming.identifier(option, fallback: "keuze")), option))
        }
        enumCases += fact.cases.map(\.name)
        if multiple {
          diagnostics.append(.warning(ImportDiagnostics.multipleAnswers,
            "question '\(question.text)' at '\(question.path)' allowed several answers; it is imported as one answer",
            at: question.span, help: "every table row tests one option, so one answer per row is what the tables decide on"))
          rulebook.notes.append("De vraag \"\(question.text)\" stond meer antwoorden toe; de tabellen toetsen elk één antwoord, zo is ze ingelezen.")
        }
      }
      facts[question.id] = fact
      rulebook.facts.append(fact)
    }
    // Definitions must not take the name of a case, or a bare case would read as the definition.
    for name in enumCases { _ = names.claim(name) }
  }

  /// The text literals the tables test a question against, in the order first written.
  func testedTexts(_ question: String) -> [String] {
    var texts: [String] = []
    for decision in permit.decisions {
      for (column, input) in decision.inputs.enumerated() where input == .question(question) {
        for row in decision.rows {
          if column < row.cells.count, case .equals(.text(let text)) = row.cells[column], !texts.contains(text) { texts.append(text) }
        }
      }
    }
    return texts
  }

  /// The definitions of a decision: for each output, whether the first matching row gives it.
  mutating func translateDecision(_ decision: STTRDecision) {
    let base = names.claim(decision.name.map { Naming.identifier($0, maxWords: 5, fallback: "beslissing") }
      ?? "beslissing_\(decisionNames.count + 1)")
    decisionNames[decision.id] = base
    if let reason = decision.unsupported {
      diagnostics.append(.warning(ImportDiagnostics.unsupportedDecision,
        "decision '\(decision.name ?? decision.id)' is \(reason), not a decision table; rows that read it never match", at: decision.span))
      rulebook.notes.append("Beslissing `\(decision.name ?? decision.id)` is \(reason) en kon niet worden ingelezen.")
      outputs[decision.id] = [:]
      return
    }
    let conditions = decision.rows.map { row(of: decision, $0) }
    var values: [STTRValue] = []
    for row in decision.rows where !values.contains(row.output) { values.append(row.output) }
    var table: [STTRValue: String] = [:]
    let reads = decision.inputs.map(inputName).joined(separator: ", ")
    for value in values {
      // Rows giving `value` with no row of another output between them share the earlier rows
      // they must not follow: (row 3 or row 4) and not row 1 and not row 2.
      var groups: [(rows: [Condition], excluded: [Int])] = []
      var rowNumbers: [Int] = []
      for (index, row) in decision.rows.enumerated() where row.output == value && conditions[index] != .never {
        let excluded = decision.rows.indices.prefix(index).filter { decision.rows[$0].output != value && conditions[$0] != .never }
        if let last = groups.last, last.excluded == excluded {
          groups[groups.count - 1].rows.append(conditions[index])
        } else {
          groups.append(([conditions[index]], excluded))
        }
        rowNumbers.append(index + 1)
      }
      let condition = Condition.any(groups.map { group in .all([.any(group.rows)] + group.excluded.map { conditions[$0].negated }) })
      guard condition != .never else { continue }
      let name = names.claim("\(base)_\(Self.slug(value))")
      table[value] = name
      let rows = rowNumbers.map(String.init).joined(separator: ", ")
      rulebook.definitions.append(ImportedDefinition(
        name: name, condition: condition,
        description: "\(decision.name.map { "'\($0)'" } ?? "beslissing \(base.split(separator: "_").last ?? "")") geeft \(Self.readable(value))",
        comment: "\(decision.name ?? "Beslissing \(decisionNames.count)") over \(reads): de eerste passende rij geeft \(value) (rij \(rows)\(decision.hitPolicy.map { "; hitPolicy \($0)" } ?? ""))"))
    }
    outputs[decision.id] = table
  }

  /// The name a column reads: a fact or a decision.
  func inputName(_ input: STTRInput) -> String {
    switch input {
    case .question(let id): facts[id]?.name ?? "?"
    case .decision(let id): decisionNames[id] ?? "?"
    }
  }

  /// Whether a row matches: every cell's test on its column.
  mutating func row(of decision: STTRDecision, _ row: STTRRow) -> Condition {
    var cells = CellTranslator(facts: facts, fixed: fixed, outputs: outputs, permit: permit)
    let condition = Condition.all(zip(decision.inputs, row.cells).map { cells.condition($0.1, on: $0.0, row: row) })
    diagnostics += cells.diagnostics
    return condition
  }

  static func slug(_ value: STTRValue) -> String {
    switch value {
    case .bool(let flag): flag ? "ja" : "nee"
    case .text("no hit"): "niets"
    case .text(let text): Naming.identifier(text, maxWords: 3, fallback: "uitkomst")
    case .number(let number): "waarde_\(number.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "min"))"
    }
  }

  static func readable(_ value: STTRValue) -> String {
    switch value {
    case .text("no hit"): "geen verplichting (no hit)"
    default: value.description
    }
  }
}
