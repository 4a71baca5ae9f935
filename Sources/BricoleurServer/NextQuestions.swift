import Engine
import Rulebook

/// Which questions still matter for an initiative: the missing facts that leave findings
/// undetermined, in the order the rules name them. Questions whose answer cannot change the
/// verdict are not asked.
///
/// This is the one place that decides what to ask next; an adaptive interview (the `Room`
/// module's) can replace it without touching the routes or the page.
enum NextQuestions {
  /// The facts to ask about, most decisive first: those named by more undetermined findings
  /// come first, ties in the order of the rules.
  static func facts(for evaluation: Evaluation) -> [String] {
    guard !evaluation.verdict.determined else { return [] }
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
