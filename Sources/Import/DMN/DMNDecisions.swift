import SourceDiagnostics

extension DMNBuilder {
  /// A `dmn:decision`: its table's columns matched to the inputs and decisions they name.
  mutating func decision(_ node: XMLNode, questions: [STTRQuestion], all: [XMLNode]) -> STTRDecision {
    let id = node.attributes["id"] ?? "?"
    var decision = STTRDecision(id: id, name: node.attributes["name"], inputs: [], rows: [], span: span(node), path: where_(node))
    let requirements = node.all("informationRequirement").compactMap { requirement -> STTRInput? in
      if let href = requirement.first("requiredInput")?.attributes["href"] { return .question(String(href.drop { $0 == "#" })) }
      if let href = requirement.first("requiredDecision")?.attributes["href"] { return .decision(String(href.drop { $0 == "#" })) }
      return nil
    }
    guard let table = node.first("decisionTable") else {
      let kind = node.first("invocation") != nil ? "an invocation of literal expressions" : node.first("literalExpression") != nil ? "a literal expression" : "not a table"
      decision.inputs = requirements
      decision.unsupported = kind
      return decision
    }
    decision.hitPolicy = table.attributes["hitPolicy"] ?? "UNIQUE"
    // A column names the input or decision it reads by its name.
    let names: [String: STTRInput] = Dictionary(
      requirements.compactMap { input -> (String, STTRInput)? in
        switch input {
        case .question(let ref): root.all("inputData").first { $0.attributes["id"] == ref }?.attributes["name"].map { ($0, input) }
        case .decision(let ref): all.first { $0.attributes["id"] == ref }?.attributes["name"].map { ($0, input) }
        }
      }, uniquingKeysWith: { a, _ in a })
    for (index, column) in table.all("input").enumerated() {
      let label = column.first("inputExpression")?.value("text") ?? column.attributes["label"] ?? ""
      if let input = names[label] {
        decision.inputs.append(input)
      } else if index < requirements.count {
        decision.inputs.append(requirements[index])
        diagnostics.append(.warning(ImportDiagnostics.unknownReference,
          "column '\(label)' names no required input; it is read as requirement \(index + 1)", at: span(column)))
      } else {
        diagnostics.append(.error(ImportDiagnostics.unknownReference, "column '\(label)' names no required input or decision", at: span(column)))
        decision.inputs.append(.question("?\(label)"))
      }
    }
    for (index, rule) in table.all("rule").enumerated() {
      let cells = rule.all("inputEntry").map { FEELUnaryTest.cell($0.value("text") ?? "-") }
      let outputs = rule.all("outputEntry")
      guard cells.count == decision.inputs.count, let entry = outputs.first else {
        diagnostics.append(.error(ImportDiagnostics.malformed,
          "rule \(index + 1) of '\(decision.name ?? id)' has \(cells.count) cells for \(decision.inputs.count) columns", at: span(rule)))
        continue
      }
      let raw = entry.value("text") ?? ""
      guard outputs.count == 1, let output = FEELUnaryTest.value(raw) else {
        diagnostics.append(.warning(ImportDiagnostics.unsupportedDecision,
          "rule \(index + 1) of '\(decision.name ?? id)' has a structured output ('\(raw.prefix(40))'), which is not imported", at: span(rule)))
        continue
      }
      let description = entry.find("conclusieToelichting")?.value("toelichting")
      let annotation = rule.first("annotationEntry")?.value("text").flatMap { FEELUnaryTest.value($0) }.flatMap { value -> String? in
        if case .text(let text) = value { text } else { nil }
      }
      decision.rows.append(STTRRow(
        cells: cells, output: output, description: description, annotation: annotation, span: span(rule),
        path: "rule \(index + 1) of '\(decision.name ?? id)', line \(rule.line)"))
    }
    return decision
  }
}
