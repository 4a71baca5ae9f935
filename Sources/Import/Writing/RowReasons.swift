/// The answers that lead to a conclusion, in words, for a row the source gives no explanation:
/// "Dit volgt uit deze antwoorden: de kant van het gebouw: Voorkant; …". Read from the
/// conclusion row's cells: a cell that tests one decision's output is followed to the rows of
/// that decision giving it; when that is one row, its cells on questions are the reasons.
/// Several rows (or a decision over decisions) say nothing: an "or" is no reason a resident
/// can read in one sentence.
struct RowReasons {
  let permit: STTRPermit
  let facts: [String: ImportedFact]

  /// The reasons of a conclusion row of `table`, or nil when they cannot be said plainly.
  func sentence(_ row: STTRRow, of table: STTRDecision) -> String? {
    var reasons: [String] = []
    for (input, cell) in zip(table.inputs, row.cells) {
      guard case .equals(let value) = cell else {
        if cell == .any { continue }
        return nil
      }
      guard case .decision(let id) = input, let decision = permit.decision(id) else { return nil }
      let giving = decision.rows.filter { $0.output == value }
      guard giving.count == 1, let only = giving.first, let answers = answers(only, of: decision) else { return nil }
      reasons += answers.filter { !reasons.contains($0) }
    }
    guard !reasons.isEmpty else { return nil }
    return "Dit volgt uit deze antwoorden: " + reasons.joined(separator: "; ") + "."
  }

  /// "label: answer" for each cell of a decision row that tests a question.
  func answers(_ row: STTRRow, of decision: STTRDecision) -> [String]? {
    var result: [String] = []
    for (input, cell) in zip(decision.inputs, row.cells) {
      if cell == .any || cell == .answered { continue }
      guard case .question(let id) = input, let fact = facts[id], let answer = answer(cell, fact) else { return nil }
      let words = answer.hasSuffix(".") ? String(answer.dropLast()) : answer
      result.append("\(QuestionLabel.label(fact.question.text)): \(words)")
    }
    return result
  }

  /// A cell as the answer it tests: the option's text, ja or nee, a comparison in words.
  func answer(_ cell: STTRCell, _ fact: ImportedFact) -> String? {
    switch cell {
    case .equals(.bool(let flag)): flag ? "ja" : "nee"
    case .equals(.text(let text)): fact.cases.first { $0.label == text }?.label
    case .equals(.number(let number)): number
    case .compare(let op, let number):
      ["<": "minder dan", "<=": "ten hoogste", ">": "meer dan", ">=": "ten minste", "=": "", "!=": "niet"][op].map {
        ($0.isEmpty ? "" : $0 + " ") + number
      }
    default: nil
    }
  }
}
