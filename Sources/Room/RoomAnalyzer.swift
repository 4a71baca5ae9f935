import Engine
import Rulebook
import RuleLanguage

/// Finds the room to manoeuvre of an evaluated initiative. Searches use the fast
/// `Evaluator.decide`; the result is data, rendered by `Reports`.
public struct RoomAnalyzer: Sendable {
  /// Which parts to compute (all by default).
  public struct Options: Sendable {
    public var adjustments = true
    public var pairs = true
    public var maximumAdjustments = 6

    public init() {}
  }

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// The room of `evaluation`, with deadlines counted from `today` (none without a day).
  ///
  /// - Complexity: dominated by the adjustment search, O(*c*² · *r*) decisions (see
  ///   `AdjustmentSearch`).
  /// - Parameter evaluator: an evaluator of the same rulebook to reuse (a batch keeps one).
  public func analyze(_ evaluation: Evaluation, today: CalendarDay? = nil, evaluator: Evaluator? = nil) -> RoomAnalysis {
    let context = RoomContext(evaluation: evaluation, evaluator: evaluator)
    var analysis = RoomAnalysis(today: today)
    if options.adjustments, (context.baseline.worst > .allowed || !context.baseline.required.isEmpty) {
      var search = AdjustmentSearch(context: context, limit: options.maximumAdjustments, pairs: options.pairs)
      analysis.adjustments = search.run()
    }
    analysis.discretion = Discretion.items(evaluation)
    analysis.alternatives = Discretion.alternatives(evaluation)
    analysis.openNorms = OpenNorms.items(evaluation, index: context.index)
    var nearMisses = NearMisses(context: context)
    analysis.nearMisses = nearMisses.run()
    var unknowns = DecidingUnknowns(context: context)
    analysis.decidingUnknowns = unknowns.run(evaluation.facts).deciding
    analysis.questions = analysis.decidingUnknowns.map(\.fact)
    analysis.deadlines = Deadlines.checks(evaluation, adjustments: analysis.adjustments, today: today)
    return analysis
  }
}
