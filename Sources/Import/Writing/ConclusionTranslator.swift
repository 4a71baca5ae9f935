import SourceDiagnostics

/// The conclusion table as rules, one per row that can give the conclusion: a row applies when
/// it matches and no earlier row does, and no row that says "contact the municipality" does
/// (that conclusion wins whenever a row gives it). When no row matches, a last rule says so.
struct ConclusionTranslator {
  var translator: PermitTranslator
  let decision: STTRDecision

  /// The STTR conclusions and the outcome kinds they become.
  static let kinds: [String: String] = [
    "Vergunningplicht": "permit", "Meldingsplicht": "notification", "Toestemmingsvrij": "allowed",
    "NeemContactOpMet": "contact", "Verbod": "prohibited", "Informatieplicht": "information", "NietVanToepassing": "allowed",
  ]
  static let contact = STTRValue.text("NeemContactOpMet")

  mutating func translate() {
    translator.decisionNames[decision.id] = "conclusie"
    var references: [Condition] = []
    for (index, row) in decision.rows.enumerated() {
      let condition = translator.row(of: decision, row)
      references.append(reference(condition, index: index))
    }
    let contactRows = decision.rows.indices.filter { decision.rows[$0].output == Self.contact && references[$0] != .never }
    var contactGuard = Condition.always
    if !contactRows.isEmpty && contactRows.count < decision.rows.count {
      let name = translator.names.claim("neem_contact_op")
      translator.rulebook.definitions.append(ImportedDefinition(
        name: name, condition: .any(contactRows.map { references[$0] }),
        description: "een rij van de conclusietabel zegt: neem contact op met de gemeente",
        comment: "NeemContactOpMet gaat voor elke andere conclusie, ook als een eerdere rij past."))
      contactGuard = Condition.atom(name).negated
    }
    for (index, row) in decision.rows.enumerated() {
      let earlier = decision.rows.indices.prefix(index)
        .filter { row.output != Self.contact || decision.rows[$0].output == Self.contact }
        .map { references[$0].negated }
      let guardCondition = row.output == Self.contact ? Condition.always : contactGuard
      let condition = Condition.all([references[index]] + earlier + [guardCondition])
      guard condition != .never else {
        translator.diagnostics.append(.warning(ImportDiagnostics.neverMatches,
          "row \(index + 1) of the conclusion table is never the first matching row and is left out (at '\(row.path)')", at: row.span))
        translator.rulebook.notes.append("Rij \(index + 1) van de conclusietabel past nooit als eerste en is weggelaten.")
        continue
      }
      addRule(row, index: index, condition: condition)
    }
    let none = Condition.all(references.map(\.negated))
    if none != .never {
      translator.rulebook.rules.append(ImportedRule(
        id: "geen-conclusie", title: "Geen conclusie uit de vergunningcheck", kind: "contact", outcomeName: nil, condition: none,
        explanation: "Voor deze antwoorden geeft de vergunningcheck geen conclusie. Neem contact op met de gemeente.",
        citation: ("vergunningcheck", "conclusietabel"),
        comment: "Geen rij van de conclusietabel past: de oorspronkelijke check geeft dan geen antwoord."))
    }
  }

  /// A row's condition by name (a definition `conclusie_rij_N`), so that later rows can exclude it.
  mutating func reference(_ condition: Condition, index: Int) -> Condition {
    guard case .expr(let text, let compound) = condition, compound || text.contains(" ") else { return condition }
    let name = translator.names.claim("conclusie_rij_\(index + 1)")
    let row = decision.rows[index]
    translator.rulebook.definitions.append(ImportedDefinition(
      name: name, condition: condition, description: "rij \(index + 1) van de conclusietabel past (\(row.output))", comment: nil))
    return .atom(name)
  }

  mutating func addRule(_ row: STTRRow, index: Int, condition: Condition) {
    var kind = "information"
    var word = row.output.description
    if case .text(let text) = row.output, let known = Self.kinds[text] {
      kind = known
      word = text
    } else {
      translator.diagnostics.append(.warning(ImportDiagnostics.unknownConclusion,
        "conclusion \(row.output) at '\(row.path)' is not an STTR conclusion; it is imported as information", at: row.span))
    }
    let reasons = RowReasons(permit: translator.permit, facts: translator.facts).sentence(row, of: decision)
    let explanation = row.description.map(Self.template)
      ?? ([Self.defaultExplanation(kind, permit: translator.permit.name)] + (reasons.map { [Self.template($0)] } ?? [])).joined(separator: " ")
    translator.rulebook.rules.append(ImportedRule(
      id: "\(Naming.identifier(word, maxWords: 3, fallback: "conclusie").replacingOccurrences(of: "_", with: "-"))-rij-\(index + 1)",
      title: Self.title(kind, word: word, permit: translator.permit.name), kind: kind,
      outcomeName: ["permit", "notification"].contains(kind) ? translator.permit.name : nil,
      condition: condition, explanation: explanation,
      citation: DMNCitations.citation(row, permit: translator.permit) ?? ("vergunningcheck", "conclusietabel, rij \(index + 1)"),
      comment: row.annotation.map { "Bron op de rij: \($0)" }))
  }

  /// Braces would read as placeholders in an explanation.
  static func template(_ text: String) -> String {
    text.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
  }

  /// What the row concludes, in the words of the verdict (`Vergunning nodig: Dakkapel bouwen`);
  /// the row itself is the citation's article.
  static func title(_ kind: String, word: String, permit: String) -> String {
    switch kind {
    case "permit": "Vergunning nodig: \(permit)"
    case "notification": "Melding nodig: \(permit)"
    case "allowed": "Geen vergunning of melding nodig"
    case "contact": "Neem contact op met de gemeente"
    case "prohibited": "Niet toegestaan"
    default: word == "Informatieplicht" ? "Informatieplicht" : "Informatie voor de gemeente (\(word))"
    }
  }

  static func defaultExplanation(_ kind: String, permit: String) -> String {
    switch kind {
    case "permit": "Voor deze antwoorden is een vergunning nodig: \(permit)."
    case "notification": "Voor deze antwoorden is een melding nodig: \(permit)."
    case "allowed": "Voor deze antwoorden is geen vergunning of melding nodig."
    case "contact": "Neem voor deze antwoorden contact op met de gemeente."
    case "prohibited": "Dit is volgens de vergunningcheck niet toegestaan."
    default: "U moet de gemeente informatie geven."
    }
  }
}
