import Foundation

/// An independent reading of a checker file's tables, following the semantics its README
/// states (not the importer's code): a row matches when every cell that is not `-` equals the
/// answer exactly; a decision gives its first matching row's output; the conclusion table gives
/// the first matching row's conclusion, except that `NeemContactOpMet` wins whenever a matching
/// row gives it; no matching row gives no conclusion.
struct SourceTables {
  struct Question {
    var id: String
    var text: String
    var priority: Int?
    /// The possible answers: `true`/`false`, or the option texts.
    var answers: [Answer]
  }

  enum Answer: Hashable, CustomStringConvertible {
    case bool(Bool)
    case text(String)
    var description: String {
      switch self {
      case .bool(let flag): "\(flag)"
      case .text(let text): "\"\(text)\""
      }
    }
  }

  struct Table {
    var inputs: [String]
    var rows: [(cells: [Any], output: String)]
  }

  var name: String
  var questions: [Question]
  var tables: [String: Table]

  /// The permits of a checker file.
  static func permits(of data: Data) throws -> [SourceTables] {
    let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    return (root["permits"] as! [[String: Any]]).map { permit in
      let questions = (permit["questions"] as! [[String: Any]]).map { question in
        let options = question["options"] as? [String]
        return Question(
          id: question["id"] as! String, text: question["text"] as! String, priority: question["prio"] as? Int,
          answers: options.map { $0.map(Answer.text) } ?? [.bool(true), .bool(false)])
      }
      var tables: [String: Table] = [:]
      for (id, value) in permit["decisions"] as! [String: [String: Any]] {
        let inputs = (value["requiredInputs"] ?? value["requiredDecisions"]) as! [String]
        let rows = ((value["decisionTable"] as! [String: Any])["rules"] as! [[String: Any]]).map {
          (cells: $0["inputs"] as! [Any], output: Self.unquote($0["output"] as! String))
        }
        tables[id] = Table(inputs: inputs, rows: rows)
      }
      return SourceTables(name: permit["name"] as! String, questions: questions, tables: tables)
    }
  }

  static func unquote(_ text: String) -> String {
    text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
  }

  /// The questions the decisions read (the others decide nothing).
  var readQuestions: [Question] {
    let read = Set(tables.filter { $0.key != "dummy" }.flatMap(\.value.inputs))
    return questions.filter { read.contains($0.id) }
  }

  /// Whether a cell matches a value (an answer, or a decision's output).
  static func matches(_ cell: Any, _ value: Answer?) -> Bool {
    if let text = cell as? String, text == "-" { return true }
    guard let value else { return false }
    // The cells are booleans or strings (no numbers), so a boolean cast is exact here.
    if let flag = cell as? Bool { return value == .bool(flag) }
    if let text = cell as? String, text.hasPrefix("\"") { return value == .text(unquote(text)) }
    return false
  }

  /// The output of a decision over the answers: its first matching row's.
  func output(_ id: String, answers: [String: Answer]) -> String? {
    guard let table = tables[id] else { return nil }
    return table.rows.first { row in
      zip(row.cells, table.inputs).allSatisfy { Self.matches($0.0, answers[$0.1]) }
    }?.output
  }

  /// The conclusion for a full set of answers, or nil when no row of the conclusion table matches.
  func conclusion(answers: [String: Answer]) -> String? {
    let dummy = tables["dummy"]!
    var outputs: [String: Answer] = [:]
    for id in dummy.inputs { outputs[id] = output(id, answers: answers).map(Answer.text) }
    let matching = dummy.rows.filter { row in zip(row.cells, dummy.inputs).allSatisfy { Self.matches($0.0, outputs[$0.1]) } }
    if matching.contains(where: { $0.output == "NeemContactOpMet" }) { return "NeemContactOpMet" }
    return matching.first?.output
  }
}
