import Engine
import Room
import Rulebook

/// Which questions still matter for an initiative: the adaptive interview of the room
/// analysis (the missing facts whose answer can change the verdict, the one that settles most
/// first). Questions whose answer cannot change the verdict are not asked.
enum NextQuestions {
  /// The facts to ask about, most decisive first.
  static func facts(for evaluation: Evaluation) -> [String] {
    guard !evaluation.verdict.determined else { return [] }
    var options = RoomAnalyzer.Options()
    options.adjustments = false
    let questions = RoomAnalyzer(options: options).analyze(evaluation).questions.filter { $0 != "date" }
    return questions.isEmpty ? jointlyNeeded(evaluation) : questions
  }

  /// When no single answer changes the verdict, the facts that settle it only together: those
  /// named by more undetermined findings first, ties in the order of the rules.
  static func jointlyNeeded(_ evaluation: Evaluation) -> [String] {
    var order: [String] = []
    var weight: [String: Int] = [:]
    for finding in evaluation.findings where finding.status == .undetermined {
      for fact in finding.missingFacts where fact != "date" {
        if weight[fact] == nil { order.append(fact) }
        weight[fact, default: 0] += 1
      }
    }
    return order.enumerated()
      .sorted { a, b in weight[a.element]! != weight[b.element]! ? weight[a.element]! > weight[b.element]! : a.offset < b.offset }
      .map(\.element)
  }
}
