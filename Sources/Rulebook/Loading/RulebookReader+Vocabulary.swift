import RuleLanguage
import SourceDiagnostics
import YAMLTree

extension RulebookReader {
  public static let factKeys = [
    "type", "unit", "of", "values", "min", "max", "question", "label", "help", "adjustable", "step", "judgement", "after", "default",
    "priority",
  ]
  public static let parameterKeys = ["value", "versions", "description", "citation"]

  mutating func readEnumerations(_ node: YAMLNode) {
    for (name, span, value) in schema.namedEntries(node, what: "enums") {
      let (cases, labels) = readEnumValues(value, what: "enum '\(name)'")
      definition.enumerations.append(EnumerationDeclaration(name: name, cases: cases, labels: labels, span: span))
    }
  }

  /// Values as a list (`[a, b]`) or as a mapping of value to its labels.
  mutating func readEnumValues(_ node: YAMLNode, what: String) -> ([String], [String: LocalizedText]) {
    if node.sequence != nil { return (schema.stringList(node, what: what).map(\.0), [:]) }
    var cases: [String] = []
    var labels: [String: LocalizedText] = [:]
    for (name, _, label) in schema.namedEntries(node, what: what, identifiers: false) {
      cases.append(name)
      labels[name] = schema.localized(label, what: "label of '\(name)'")
    }
    return (cases, labels)
  }

  mutating func readFacts(_ node: YAMLNode) {
    for (name, span, value) in schema.namedEntries(node, what: "facts") {
      guard let keys = schema.mapping(value, allowed: Self.factKeys, what: "fact '\(name)'") else { continue }
      guard let type = readType(keys, factName: name, node: value) else { continue }
      var judgement: FactDeclaration.Judgement?
      if let judgementNode = keys["judgement"],
        let judgementKeys = schema.mapping(judgementNode, allowed: ["assessed_by", "turns_on", "presumed"], what: "judgement")
      {
        judgement = .init(
          assessedBy: schema.string(judgementKeys["assessed_by"], what: "assessed_by"),
          turnsOn: schema.localized(judgementKeys["turns_on"], what: "turns_on"),
          presumed: judgementKeys["presumed"].flatMap { readPresumption($0, factName: name) })
      }
      var labels: [String: LocalizedText] = [:]
      if let values = keys["values"] { labels = readEnumValues(values, what: "values of '\(name)'").1 }
      let priority = keys["priority"].flatMap { readPriority($0) }
      definition.facts.append(
        FactDeclaration(
          name: name, type: type, minimum: bound(keys["min"], type: type, what: "min"),
          maximum: bound(keys["max"], type: type, what: "max"), question: schema.localized(keys["question"], what: "question"),
          help: schema.localized(keys["help"], what: "help"),
          adjustable: schema.bool(keys["adjustable"], what: "adjustable") ?? false,
          step: bound(keys["step"], type: type, what: "step"), judgement: judgement,
          after: schema.string(keys["after"], what: "after"), defaultFact: schema.string(keys["default"], what: "default"),
          valueLabels: labels, label: schema.localized(keys["label"], what: "label"), span: span, typeSpan: keys["type"]?.span,
          priority: priority))
    }
  }

  /// A fact's asking order: a whole number, lower first.
  mutating func readPriority(_ node: YAMLNode) -> Int? {
    guard let text = schema.string(node, what: "priority") else { return nil }
    guard let value = Int(text) else {
      schema.error(RulebookDiagnostics.wrongKind, "priority must be a whole number, found '\(text)'", at: node.span)
      return nil
    }
    return value
  }

  /// A judgement's `presumed:` block: `value`, `unless` (nl/en) and `citation`.
  mutating func readPresumption(_ node: YAMLNode, factName: String) -> FactDeclaration.Presumption? {
    guard let keys = schema.mapping(node, allowed: ["value", "unless", "citation"], what: "the presumption of '\(factName)'"),
      let valueNode = schema.required(keys, "value", in: node, what: "the presumption of '\(factName)'"),
      let valueText = schema.string(valueNode, what: "value")
    else { return nil }
    return FactDeclaration.Presumption(
      valueText: valueText, valueSpan: valueNode.span, unless: schema.localized(keys["unless"], what: "unless"),
      citation: keys["citation"].flatMap { readCitation($0) }, span: node.span)
  }

  /// The fact's type: `integer`, `time`, `area`, `enum` with `values:`, `list` with `of:` ...
  mutating func readType(_ keys: [String: YAMLNode], factName: String, node: YAMLNode) -> ValueType? {
    guard let typeNode = schema.required(keys, "type", in: node, what: "fact '\(factName)'"),
      let name = schema.string(typeNode, what: "type")
    else { return nil }
    if name == "list" {
      guard let of = keys["of"], let element = schema.string(of, what: "of") else {
        schema.error(RulebookDiagnostics.missingKey, "a list fact needs 'of: <type>'", at: typeNode.span, help: "e.g. 'of: object_kind'")
        return nil
      }
      if element == "enum", let values = keys["values"] {
        return .list(inlineEnumeration(factName, values))
      }
      return simpleType(element, keys: keys, at: of.span).map { .list($0) }
    }
    if name == "enum" {
      guard let values = keys["values"] else {
        schema.error(RulebookDiagnostics.missingKey, "an enum fact needs 'values:'", at: typeNode.span, help: "e.g. 'values: [woonstraat, doorgaande_weg]'")
        return nil
      }
      return inlineEnumeration(factName, values)
    }
    return simpleType(name, keys: keys, at: typeNode.span)
  }

  /// Declares the enumeration written inline with a fact, named after the fact.
  mutating func inlineEnumeration(_ factName: String, _ values: YAMLNode) -> ValueType {
    let (cases, labels) = readEnumValues(values, what: "values of '\(factName)'")
    definition.enumerations.append(EnumerationDeclaration(name: factName, cases: cases, labels: labels, span: values.span))
    return .enumeration(factName)
  }

  public static let typeNames = ["bool", "integer", "decimal", "text", "date", "time", "duration", "money", "area", "length", "quantity", "enum", "list"]

  mutating func simpleType(_ name: String, keys: [String: YAMLNode], at span: SourceSpan) -> ValueType? {
    switch name {
    case "bool", "boolean": return .bool
    case "integer", "int": return .integer
    case "decimal", "number": return .decimal
    case "text", "string": return .text
    case "date": return .date
    case "time": return .time
    case "duration": return .duration
    case "money": return .money
    case "area": return .quantity(.squareMetre)
    case "length": return .quantity(.metre)
    case "quantity":
      guard let unitText = schema.string(keys["unit"], what: "unit"), let unit = QuantityUnit(symbol: unitText) else {
        schema.error(
          RulebookDiagnostics.unknownType, "a quantity needs a known unit", at: keys["unit"]?.span ?? span,
          help: "units: \(QuantityUnit.allCases.map(\.symbol).joined(separator: ", "))")
        return nil
      }
      return .quantity(unit)
    default:
      if definition.enumerations.contains(where: { $0.name == name }) { return .enumeration(name) }
      // An enumeration declared later (or in a parent rulebook) is checked when compiling.
      if !Self.typeNames.contains(name), Suggestions.closest(to: name, in: Self.typeNames) == nil {
        return .enumeration(name)
      }
      schema.error(
        RulebookDiagnostics.unknownType, "unknown type '\(name)'", at: span,
        help: Suggestions.didYouMean(name, in: Self.typeNames) ?? "types: \(Self.typeNames.joined(separator: ", "))")
      return nil
    }
  }

  /// A bound (`min`, `max`, `step`) in the fact's type.
  mutating func bound(_ node: YAMLNode?, type: ValueType, what: String) -> Value? {
    guard let node, let text = schema.string(node, what: what) else { return nil }
    switch InputValueParser.value(text, as: type, enumCases: nil) {
    case .success(let value): return value
    case .failure(let problem):
      schema.error(RulebookDiagnostics.badValue, "\(what) \(problem.message)", at: node.span, help: problem.help)
      return nil
    }
  }

  mutating func readParameters(_ node: YAMLNode) {
    for (name, span, value) in schema.namedEntries(node, what: "parameters") {
      if value.scalar != nil, let source = schema.expression(value, what: "parameter '\(name)'") {
        definition.parameters.append(
          ParameterDeclaration(
            name: name, versions: [.init(source: source, validity: .always, span: value.span)], description: LocalizedText(),
            citation: nil, span: span))
        continue
      }
      guard let keys = schema.mapping(value, allowed: Self.parameterKeys, what: "parameter '\(name)'") else { continue }
      var versions: [ParameterDeclaration.Version] = []
      if let single = keys["value"], let source = schema.expression(single, what: "value") {
        versions.append(.init(source: source, validity: .always, span: single.span))
      }
      for version in keys["versions"]?.sequence ?? [] {
        guard let versionKeys = schema.mapping(version, allowed: ["value", "valid_from", "valid_until"], what: "a version"),
          let valueNode = schema.required(versionKeys, "value", in: version, what: "a version"),
          let source = schema.expression(valueNode, what: "value")
        else { continue }
        versions.append(.init(source: source, validity: schema.validity(versionKeys), span: valueNode.span))
      }
      if versions.isEmpty {
        schema.error(RulebookDiagnostics.missingKey, "parameter '\(name)' has no value", at: span, help: "add 'value: ...'")
      }
      definition.parameters.append(
        ParameterDeclaration(
          name: name, versions: versions, description: schema.localized(keys["description"], what: "description"),
          citation: keys["citation"].flatMap { readCitation($0) }, span: span))
    }
  }

  mutating func readDefinitions(_ node: YAMLNode) {
    for (name, span, value) in schema.namedEntries(node, what: "definitions") {
      var expressionNode: YAMLNode? = value
      var description = LocalizedText()
      if value.mapping != nil {
        let keys = schema.mapping(value, allowed: ["expr", "description"], what: "definition '\(name)'") ?? [:]
        expressionNode = schema.required(keys, "expr", in: value, what: "definition '\(name)'")
        description = schema.localized(keys["description"], what: "description")
      }
      guard let source = schema.expression(expressionNode, what: "definition '\(name)'") else { continue }
      definition.definitions.append(DefinitionDeclaration(name: name, source: source, description: description, span: span))
    }
  }

  mutating func readConstraints(_ node: YAMLNode) {
    for (id, span, value) in schema.namedEntries(node, what: "constraints", identifiers: false) {
      guard let keys = schema.mapping(value, allowed: ["check", "message"], what: "constraint '\(id)'"),
        let check = schema.expression(schema.required(keys, "check", in: value, what: "constraint '\(id)'"), what: "check")
      else { continue }
      definition.constraints.append(
        ConstraintDeclaration(id: id, check: check, message: schema.localized(keys["message"], what: "message"), span: span))
    }
  }
}
