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
    analysis.adjustments = adjustments(context)
    analysis.discretion = Discretion.items(evaluation)
    analysis.alternatives = Discretion.alternatives(evaluation)
    analysis.openNorms = OpenNorms.items(evaluation, index: context.index)
    var nearMisses = NearMisses(context: context)
    analysis.nearMisses = nearMisses.run()
    var unknowns = DecidingUnknowns(context: context)
    var (deciding, relevant) = unknowns.run(evaluation.facts)
    // A verdict every completion agrees on (see `withExactOutcomes`) has nothing left to ask.
    if evaluation.verdict.determined { (deciding, relevant) = ([], []) }
    analysis.decidingUnknowns = unknowns.withExactOutcomes(deciding, facts: evaluation.facts)
    analysis.questions = questions(deciding, relevant, context, initiative: evaluation.initiative)
    analysis.deadlines = Deadlines.checks(evaluation, adjustments: analysis.adjustments, today: today)
    return analysis
  }

  /// Only the adjustments, the deciding unknowns and the questions of an initiative's bound facts,
  /// the same as `analyze` finds them, without evaluating the initiative in full: what a batch
  /// reports per record. The rest (discretion, open norms, near misses, deadlines) reads the
  /// evaluation's findings.
  public func adjustmentsAndQuestions(
    _ initiative: Initiative, facts: FactVector, rulebook: CompiledRulebook, asOf: CalendarDay?, evaluator: Evaluator? = nil
  ) -> RoomAnalysis {
    let context = RoomContext(initiative: initiative, facts: facts, rulebook: rulebook, asOf: asOf, evaluator: evaluator)
    var analysis = RoomAnalysis()
    analysis.adjustments = adjustments(context)
    var unknowns = DecidingUnknowns(context: context)
    let (deciding, relevant) = unknowns.run(facts)
    analysis.decidingUnknowns = deciding
    analysis.questions = questions(deciding, relevant, context, initiative: initiative)
    return analysis
  }

  /// The facts still to ask, in the interview's order (`Interview.order`).
  private func questions(_ deciding: [DecidingUnknown], _ relevant: [Int], _ context: RoomContext, initiative: Initiative) -> [String] {
    let askDate = initiative.date == nil && context.facts[context.rulebook.dateSlot].isUnknown
    return Interview.order(deciding: deciding, relevant: relevant, rulebook: context.rulebook, askDate: askDate)
      .map { context.rulebook.facts[$0].name }
  }

  private func adjustments(_ context: RoomContext) -> [Adjustment] {
    guard options.adjustments, context.baseline.worst > .allowed || !context.baseline.required.isEmpty else { return [] }
    var search = AdjustmentSearch(context: context, limit: options.maximumAdjustments, pairs: options.pairs)
    return search.run().map { withExactVerdict($0, context) }
  }

  /// An adjustment whose verdict still hangs on unknown facts, with the levels its completions
  /// reach (as `withExactOutcomes` gives them for the verdict itself): the three-valued level
  /// is a lower bound no completion need give. An event needs a notification or a permit, and
  /// while it is open which, each only "may" apply, so the lower bound would read "allowed".
  private func withExactVerdict(_ adjustment: Adjustment, _ context: RoomContext) -> Adjustment {
    guard !adjustment.verdictAfter.determined else { return adjustment }
    var facts = context.facts
    for change in adjustment.changes {
      guard let slot = context.rulebook.slotsByName[change.fact] else { return adjustment }
      context.set(slot, change.to, in: &facts)
    }
    // The same search, with the same bound, as the verdict itself: the claim is what the answer
    // after the change will show.
    var search = PossibleLevels(context: context)
    var refined = adjustment
    refined.verdictAfter.narrow(to: search.reachable(facts).levels)
    return refined
  }
}
