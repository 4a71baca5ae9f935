import SourceDiagnostics

/// Reads one permit of a checker file: its questions and its decisions, `dummy` on top.
struct PermitReader {
  let path: String
  var locator: JSONLocator
  var diagnostics: [Diagnostic] = []

  init(path: String, locator: JSONLocator) {
    self.path = path
    self.locator = locator
  }

  mutating func read(_ permit: CheckerJSON.Permit) -> STTRPermit? {
    let span = locator.span(of: "\"name\"")
    var questions: [STTRQuestion] = []
    for (index, object) in permit.questions.enumerated() {
      if let question = question(object, path: "\(path).questions[\(index)]") { questions.append(question) }
    }
    guard permit.decisions.entries.contains(where: { $0.key == "dummy" }) else {
      diagnostics.append(.error(ImportDiagnostics.malformed, "'\(path).decisions' has no conclusion table 'dummy'", at: span))
      return nil
    }
    // In the order written, so that positions are found in reading order.
    let entries = permit.decisions.entries.sorted { (locator.offset(ofKey: $0.key) ?? 0) < (locator.offset(ofKey: $1.key) ?? 0) }
    let decisions = entries.map { decision($0.key, $0.decision, path: "\(path).decisions['\($0.key)']") }
    return STTRPermit(
      name: permit.name, version: permit.version, questions: questions, decisions: decisions, conclusionID: "dummy", span: span)
  }

  mutating func question(_ object: CheckerJSON.Question, path: String) -> STTRQuestion? {
    let span = locator.span(of: "\"\(object.id)\"")
    let kind: STTRQuestion.Kind
    switch object.type {
    case "boolean": kind = .boolean
    case "string" where object.options != nil: kind = .list(options: object.options ?? [], multiple: object.collection ?? false)
    case "string": kind = .text
    case "number": kind = .number
    case "date": kind = .date
    case "geo": kind = .geo(object.identification ?? "")
    default:
      diagnostics.append(.error(ImportDiagnostics.unsupportedQuestion, "question type '\(object.type)' at '\(path)' is not known", at: span))
      return nil
    }
    return STTRQuestion(
      id: object.id, text: object.text, kind: kind, priority: object.prio, uuid: object.uuid,
      description: object.description, longDescription: object.longDescription, autofill: object.autofill, span: span, path: path)
  }

  mutating func decision(_ id: String, _ object: CheckerJSON.Decision, path: String) -> STTRDecision {
    let span = locator.span(of: "\"\(id)\"")
    let inputs: [STTRInput] = object.requiredInputs?.map { .question($0) } ?? (object.requiredDecisions ?? []).map { .decision($0) }
    var rows: [STTRRow] = []
    for (index, row) in object.decisionTable.rules.enumerated() {
      let rowPath = "\(path).decisionTable.rules[\(index)]"
      let rowSpan = locator.span(of: "\"inputs\"")
      let cells = row.inputs.map(Self.cell)
      let output: STTRValue
      switch row.output {
      case .bool(let flag): output = .bool(flag)
      case .number(let number): output = .number(Self.number(number))
      case .text(let text):
        guard let value = FEELUnaryTest.value(text) else {
          diagnostics.append(.error(ImportDiagnostics.unsupportedDecision, "the output '\(text)' at '\(rowPath)' cannot be read", at: rowSpan))
          continue
        }
        output = value
      }
      if cells.count != inputs.count {
        diagnostics.append(.error(ImportDiagnostics.malformed, "'\(rowPath)' has \(cells.count) cells for \(inputs.count) inputs", at: rowSpan))
        continue
      }
      rows.append(STTRRow(cells: cells, output: output, description: row.description, span: rowSpan, path: rowPath))
    }
    return STTRDecision(id: id, inputs: inputs, rows: rows, span: span, path: path)
  }

  static func cell(_ value: CheckerJSON.Cell) -> STTRCell {
    switch value {
    case .bool(let flag): .equals(.bool(flag))
    case .text(let text): FEELUnaryTest.cell(text)
    case .number(let number): .equals(.number(number.rounded() == number ? String(Int(number)) : String(number)))
    }
  }

  static func number(_ number: Double) -> String {
    number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }
}

extension JSONLocator {
  /// Where `"key":` is first written after the cursor (without moving the cursor).
  func offset(ofKey key: String) -> Int? {
    var copy = self
    return copy.span(of: "\"\(key)\":")?.start
  }
}
