import RuleLanguage
import SourceDiagnostics
import YAMLTree

extension RulebookReader {
  public static let ruleKeys = [
    "id", "title", "citation", "valid_from", "valid_until", "scope", "when", "outcome", "overrides", "procedure",
    "explanation", "explanation_not_applying", "room", "note",
  ]
  public static let regulationKeys = ["title", "kind", "authority", "valid_from", "valid_until", "url", "official", "reliability", "note", "amount"]

  mutating func readRegulations(_ node: YAMLNode) {
    for (id, span, value) in schema.namedEntries(node, what: "regulations", identifiers: false) {
      guard let keys = schema.mapping(value, allowed: Self.regulationKeys, what: "regulation '\(id)'") else { continue }
      let kind = choice(keys["kind"], Regulation.Kind.self, what: "kind") ?? .bylaw
      if keys["kind"] == nil {
        schema.error(RulebookDiagnostics.missingKey, "regulation '\(id)' has no 'kind'", at: span, help: "add 'kind: bylaw' (or law, order, policy_rule, guideline, subsidy_scheme)")
      }
      var official: String?
      if let node = keys["official"], let text = schema.string(node, what: "official") {
        if Regulation.isOfficialIdentifier(text) {
          official = text
        } else {
          schema.error(
            RulebookDiagnostics.badValue, "official '\(text)' is not a CVDR or BWB identifier", at: node.span,
            help: "write the CVDR id of a municipal regulation (CVDR706282, from lokaleregelgeving.overheid.nl) or the BWB id of a law (BWBR0002458, from wetten.overheid.nl)")
        }
      }
      definition.regulations.append(
        Regulation(
          id: id, title: schema.localized(keys["title"], what: "title"), kind: kind,
          authority: schema.string(keys["authority"], what: "authority"), validity: schema.validity(keys),
          url: schema.string(keys["url"], what: "url"), official: official,
          reliability: choice(keys["reliability"], Regulation.Reliability.self, what: "reliability") ?? .official,
          note: schema.localized(keys["note"], what: "note"), amount: keys["amount"].flatMap { readAmount($0) },
          span: span))
    }
  }

  /// `amount: {asked: subsidy_amount, maximum: max_subsidie}`.
  mutating func readAmount(_ node: YAMLNode) -> SchemeAmount? {
    guard let keys = schema.mapping(node, allowed: ["asked", "maximum"], what: "amount"),
      let asked = schema.string(schema.required(keys, "asked", in: node, what: "amount"), what: "asked"),
      let maximum = schema.string(schema.required(keys, "maximum", in: node, what: "amount"), what: "maximum")
    else { return nil }
    return SchemeAmount(asked: asked, maximum: maximum, span: node.span)
  }

  /// One of an enumeration's raw values, with did-you-mean.
  mutating func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode?, _: T.Type, what: String) -> T? where T.RawValue == String {
    guard let node, let text = schema.string(node, what: what) else { return nil }
    if let value = T(rawValue: text) { return value }
    let names = T.allCases.map(\.rawValue)
    schema.error(
      RulebookDiagnostics.badValue, "unknown \(what) '\(text)'", at: node.span,
      help: Suggestions.didYouMean(text, in: names) ?? "choose one of: \(names.joined(separator: ", "))")
    return nil
  }

  mutating func readCitation(_ node: YAMLNode) -> Citation? {
    guard let keys = schema.mapping(node, allowed: ["regulation", "article", "paragraph", "url"], what: "citation"),
      let regulationNode = schema.required(keys, "regulation", in: node, what: "citation"),
      let regulation = schema.string(regulationNode, what: "regulation"),
      let article = schema.string(schema.required(keys, "article", in: node, what: "citation"), what: "article")
    else { return nil }
    return Citation(
      regulation: regulation, article: article, paragraph: schema.string(keys["paragraph"], what: "paragraph"),
      url: schema.string(keys["url"], what: "url"), regulationSpan: regulationNode.span)
  }

  mutating func readRules(_ node: YAMLNode) {
    guard let items = node.sequence else {
      schema.error(RulebookDiagnostics.wrongKind, "rules must be a list, found a \(node.kindName)", at: node.span, help: "start each rule with '- id: ...'")
      return
    }
    for item in items {
      guard let keys = schema.mapping(item, allowed: Self.ruleKeys, what: "a rule"),
        let idNode = schema.required(keys, "id", in: item, what: "a rule"),
        let id = schema.string(idNode, what: "id")
      else { continue }
      guard let outcomeNode = schema.required(keys, "outcome", in: item, what: "rule '\(id)'"),
        let outcome = readOutcome(outcomeNode)
      else { continue }
      definition.rules.append(
        Rule(
          id: id, title: schema.localized(keys["title"], what: "title"), citation: keys["citation"].flatMap { readCitation($0) },
          validity: schema.validity(keys), scope: schema.expression(keys["scope"], what: "scope"),
          condition: schema.expression(keys["when"], what: "when"), outcome: outcome,
          overrides: schema.stringList(keys["overrides"], what: "overrides").map { Rule.Reference(id: $0.0, span: $0.1) },
          procedure: keys["procedure"].flatMap { readProcedure($0) },
          explanation: schema.localized(keys["explanation"], what: "explanation"),
          explanationNotApplying: schema.localized(keys["explanation_not_applying"], what: "explanation_not_applying"),
          room: (keys["room"]?.sequence ?? []).compactMap { readRoom($0) }, note: schema.localized(keys["note"], what: "note"),
          origin: definition.id, span: item.span,
          idSpan: idNode.span))
    }
  }

  /// `outcome: permit` or `outcome: {level: permit, name: ..., authority: ..., conditions: [...]}`.
  mutating func readOutcome(_ node: YAMLNode) -> Outcome? {
    if node.scalar != nil { return choice(node, Outcome.Kind.self, what: "outcome").map { Outcome(kind: $0) } }
    guard let keys = schema.mapping(node, allowed: ["level", "name", "authority", "conditions"], what: "outcome"),
      let kind = choice(schema.required(keys, "level", in: node, what: "outcome"), Outcome.Kind.self, what: "outcome level")
    else { return nil }
    let conditions = (keys["conditions"]?.sequence ?? []).map { schema.localized($0, what: "condition") }
    return Outcome(
      kind: kind, name: schema.localized(keys["name"], what: "name"), authority: schema.string(keys["authority"], what: "authority"),
      conditions: conditions)
  }

  mutating func readProcedure(_ node: YAMLNode) -> Procedure? {
    guard let keys = schema.mapping(node, allowed: ["deadline", "decision_period", "fee", "note"], what: "procedure") else { return nil }
    return Procedure(
      deadline: schema.expression(keys["deadline"], what: "deadline"),
      decisionPeriod: schema.expression(keys["decision_period"], what: "decision_period"),
      fee: schema.expression(keys["fee"], what: "fee"), note: schema.localized(keys["note"], what: "note"))
  }

  mutating func readRoom(_ node: YAMLNode) -> RoomDeclaration? {
    guard let keys = schema.mapping(node, allowed: ["kind", "granted_by", "description", "deadline", "citation"], what: "room"),
      let kind = choice(schema.required(keys, "kind", in: node, what: "room"), RoomDeclaration.Kind.self, what: "room kind")
    else { return nil }
    return RoomDeclaration(
      kind: kind, grantedBy: schema.string(keys["granted_by"], what: "granted_by"),
      description: schema.localized(keys["description"], what: "description"),
      deadline: schema.expression(keys["deadline"], what: "deadline"), citation: keys["citation"].flatMap { readCitation($0) },
      span: node.span)
  }
}
