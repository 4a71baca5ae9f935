import Foundation
import SourceDiagnostics
import YAMLTree

/// Reads an STTR DMN 1.2 file into an `STTRSource`: the `uitv:uitvoeringsregel`s as questions
/// (through the `dmn:inputData` that refer to them), the decisions with their tables, the top
/// decision (the one no other decision requires) as the conclusion, and the knowledge sources.
public struct DMNReader {
  public var limits: YAMLLimits

  public init(limits: YAMLLimits = .default) {
    self.limits = limits
  }

  public func read(_ file: SourceFile) -> (STTRSource?, [Diagnostic]) {
    let (tree, problems) = XMLTreeReader(limits: limits).read(file)
    guard let root = tree else { return (nil, problems) }
    var builder = DMNBuilder(file: file, root: root)
    guard root.name == "definitions" else {
      return (nil, [.error(ImportDiagnostics.malformed, "not a DMN file: the root element is '\(root.name)', not 'definitions'", at: builder.span(root))])
    }
    let permit = builder.permit()
    let name = root.attributes["name"] ?? ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
    let slug = Naming.identifier(name, maxWords: 8, fallback: "dmn").replacingOccurrences(of: "_", with: "-")
    return (permit.map { STTRSource(path: file.path, slug: slug, permits: [$0]) }, builder.diagnostics)
  }
}

/// Builds the permit of a DMN tree.
struct DMNBuilder {
  let file: SourceFile
  let root: XMLNode
  var diagnostics: [Diagnostic] = []

  func span(_ node: XMLNode) -> SourceSpan {
    XMLTreeReader(limits: .default).span(file, line: node.line, column: node.column)
  }

  func where_(_ node: XMLNode) -> String {
    "\(node.name)\(node.attributes["id"].map { " '\($0)'" } ?? "") at line \(node.line)"
  }

  mutating func permit() -> STTRPermit? {
    let rules = Dictionary(
      root.find("uitvoeringsregels")?.all("uitvoeringsregel").map { ($0.attributes["id"] ?? "", $0) } ?? [], uniquingKeysWith: { a, _ in a })
    var questions: [STTRQuestion] = []
    for input in root.all("inputData") {
      guard let id = input.attributes["id"] else { continue }
      let ref = input.find("uitvoeringsregelRef")?.attributes["href"].map { String($0.drop { $0 == "#" }) }
      guard let ref, let rule = rules[ref] else {
        diagnostics.append(.warning(ImportDiagnostics.unknownReference,
          "input '\(input.attributes["name"] ?? id)' refers to no uitvoeringsregel; it is asked as written", at: span(input)))
        questions.append(STTRQuestion(
          id: id, text: input.attributes["name"] ?? id, kind: Self.kind(input.find("variable")?.attributes["typeRef"]),
          span: span(input), path: where_(input)))
        continue
      }
      if let question = question(id: id, input: input, rule: rule) { questions.append(question) }
    }
    let decisionNodes = root.all("decision")
    guard !decisionNodes.isEmpty else {
      diagnostics.append(.error(ImportDiagnostics.malformed, "no 'decision' in the file", at: span(root)))
      return nil
    }
    let decisions = decisionNodes.map { decision($0, questions: questions, all: decisionNodes) }
    let required = Set(decisions.flatMap { $0.inputs.compactMap { if case .decision(let id) = $0 { id } else { nil } } })
    let tops = decisions.filter { !required.contains($0.id) }
    guard let top = tops.first else {
      diagnostics.append(.error(ImportDiagnostics.malformed, "no decision on top (every decision is required by another)", at: span(root)))
      return nil
    }
    for other in tops.dropFirst() {
      diagnostics.append(.warning(ImportDiagnostics.unknownReference,
        "decision '\(other.name ?? other.id)' is required by no other decision; '\(top.name ?? top.id)' is taken as the conclusion", at: other.span))
    }
    let sources = root.all("knowledgeSource").map { node in
      STTRLegalSource(
        name: node.attributes["name"] ?? "", decisionIDs: node.all("authorityRequirement").compactMap {
          ($0.first("requiredDecision") ?? $0.first("requiredInput"))?.attributes["href"].map { String($0.drop { $0 == "#" }) }
        }, span: span(node))
    }
    return STTRPermit(
      name: root.attributes["name"] ?? "?", version: nil, questions: questions, decisions: decisions, conclusionID: top.id,
      legalSources: sources, span: span(root))
  }

  static func kind(_ type: String?) -> STTRQuestion.Kind {
    switch type {
    case "number", "integer", "decimal": .number
    case "date": .date
    case "string": .text
    default: .boolean
    }
  }

  /// The question of an `inputData`, from its `uitv:uitvoeringsregel`.
  mutating func question(id: String, input: XMLNode, rule: XMLNode) -> STTRQuestion? {
    let notes = rule.first("uitvoeringsregelToelichting")
    var question = STTRQuestion(
      id: id, text: input.attributes["name"] ?? id, kind: .boolean, priority: rule.value("prioriteit").flatMap { Int($0) },
      uuid: rule.value("herbruikbaarId"), description: notes?.value("toelichting"), longDescription: notes?.value("langeToelichting"),
      span: span(rule), path: where_(rule))
    if let ask = rule.first("vraag") {
      question.text = ask.value("vraagTekst") ?? question.text
      switch ask.value("gegevensType") {
      case "list":
        let options = ask.first("opties")
        question.kind = .list(
          options: options?.all("optie").compactMap { $0.value("optieText") } ?? [],
          multiple: options?.value("optieType") != "enkelAntwoord")
      case let type: question.kind = Self.kind(type)
      }
    } else if let geo = rule.first("geoVerwijzing") {
      question.text = geo.value("vraagTekst") ?? question.text
      question.kind = .geo(geo.first("locatie")?.attributes["identificatie"] ?? "")
    } else if let fixed = rule.find("vasteWaarde") {
      question.text = fixed.value("waardeVraag") ?? question.text
      let caveat = rule.first("vasteWaardeVoorbehoud")?.value("tekstVoorbehoud")
      question.kind = .fixed(FEELUnaryTest.value(fixed.value("waarde") ?? "") ?? .text(fixed.value("waarde") ?? ""), caveat: caveat)
    } else {
      diagnostics.append(.warning(ImportDiagnostics.unsupportedQuestion,
        "uitvoeringsregel '\(rule.attributes["id"] ?? "")' has no question; it is asked as '\(question.text)'", at: span(rule)))
    }
    return question
  }
}
