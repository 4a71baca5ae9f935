import Engine
import Rulebook
import RuleLanguage

/// An adaptive interview: after each answer, only the questions that can still change the
/// verdict, the one that settles most first. Used by `bricoleur ask` and the web page.
public struct Interview: Sendable {
  /// The initiative as answered so far (answers are added as facts).
  public private(set) var initiative: Initiative
  public let rulebook: CompiledRulebook
  /// The bound facts.
  public private(set) var facts: FactVector
  /// The facts asked so far, in order.
  public private(set) var asked: [String] = []

  /// A question: the fact to ask, with the verdict for each candidate answer.
  public struct Question: Sendable {
    public var fact: FactDeclaration
    /// The verdict per candidate answer (empty for the date, or a fact only other facts decide with).
    public var outcomes: [AnswerOutcome]
    /// False when no single answer changes the verdict, but the fact is needed together with others.
    public var decidesAlone: Bool
    /// Allowed answers for a choice.
    public var choices: [String]?
  }

  /// Starts from an evaluated initiative.
  public init(evaluation: Evaluation) {
    initiative = evaluation.initiative
    rulebook = evaluation.rulebook
    facts = evaluation.facts
  }

  /// Starts from an initiative that may hold no facts at all.
  public init(initiative: Initiative, rulebook: CompiledRulebook) {
    self.initiative = initiative
    self.rulebook = rulebook
    facts = FactBinder.bind(initiative, to: rulebook).0
  }

  /// The evaluation of the answers so far, with traces for the final explanation.
  public func evaluation(traces: Bool = true) -> Evaluation {
    Evaluator(rulebook: rulebook).evaluate(initiative, facts: facts, traces: traces).withExactOutcomes()
  }

  /// The verdict so far, with the levels some completion of the answers can still reach.
  public var decision: Decision {
    let decision = Evaluator(rulebook: rulebook).decide(facts, on: initiative.date)
    return decision.exact(facts: facts, initiative: initiative, rulebook: rulebook, asOf: initiative.date).decision
  }

  /// Whether the verdict is settled: every completion of the answers gives the same level.
  public var isSettled: Bool { decision.determined }

  /// The next question, or nil when the verdict is settled (or nothing left can settle it).
  ///
  /// - Complexity: O(*u* · *c* · *r*), see `DecidingUnknowns`.
  public func nextQuestion() -> Question? {
    questions().first
  }

  /// Every question that can still matter, in the order to ask them: the date when the
  /// initiative has none (rules and deadlines depend on the day); then the facts whose answer
  /// changes the verdict, the one that settles most first; when no single answer does, the
  /// facts the open rules read, which settle it only together. Empty when the verdict is
  /// settled. This is the one place that decides what to ask: `bricoleur ask` and the page's
  /// questions route both call it.
  ///
  /// - Complexity: O(*u* · *c* · *r*), see `DecidingUnknowns`.
  public func questions() -> [Question] {
    var outcomes: [String: [AnswerOutcome]] = [:]
    var decidesAlone = true
    var relevant: [Int] = []
    var deciding: [DecidingUnknown] = []
    if !isSettled {
      var unknowns = DecidingUnknowns(context: RoomContext(initiative: initiative, facts: facts, rulebook: rulebook, asOf: initiative.date))
      (deciding, relevant) = unknowns.run(facts)
      for unknown in deciding { outcomes[unknown.fact] = unknown.outcomes }
      // When no askable fact decides alone, the questions are those that settle it only together.
      decidesAlone = !Self.order(deciding: deciding, relevant: [], rulebook: rulebook, askDate: false).isEmpty
    }
    let askDate = initiative.date == nil && facts[rulebook.dateSlot].isUnknown
    return Self.order(deciding: deciding, relevant: relevant, rulebook: rulebook, askDate: askDate).map { slot in
      let fact = rulebook.facts[slot]
      return Question(
        fact: fact, outcomes: outcomes[fact.name] ?? [], decidesAlone: slot == rulebook.dateSlot || decidesAlone,
        choices: rulebook.casesBySlot[slot])
    }
  }

  /// The order of the questions, as slots: the date when it is to be asked; then the deciding
  /// facts as `DecidingUnknowns` ranks them; when none decides alone, the facts the open rules
  /// read. Never a judgement: that is the municipality's to assess, not a question for the
  /// resident. The room analysis lists its questions in this order too.
  static func order(deciding: [DecidingUnknown], relevant: [Int], rulebook: CompiledRulebook, askDate: Bool) -> [Int] {
    let askable = { (slot: Int) in slot != rulebook.dateSlot && rulebook.facts[slot].judgement == nil }
    let decidingSlots = deciding.compactMap { rulebook.slotsByName[$0.fact] }.filter(askable)
    return (askDate ? [rulebook.dateSlot] : []) + (decidingSlots.isEmpty ? relevant.filter(askable) : decidingSlots)
  }

  /// Answers a question with text as a resident types it; a problem (wrong type, out of range,
  /// breaks a constraint) leaves the interview unchanged.
  public mutating func answer(_ fact: String, text: String, language: String = "nl") -> ValueProblem? {
    guard let slot = rulebook.slotsByName[fact] else { return ValueProblem(message: "unknown fact '\(fact)'") }
    let declaration = rulebook.facts[slot]
    switch InputValueParser.value(text, as: declaration.type, enumCases: rulebook.casesBySlot[slot]) {
    case .success(let value): return answer(fact, value: value, language: language)
    case .failure(let problem): return problem
    }
  }

  /// Answers a question with a value.
  public mutating func answer(_ fact: String, value: Value, language: String = "nl") -> ValueProblem? {
    guard let slot = rulebook.slotsByName[fact] else { return ValueProblem(message: "unknown fact '\(fact)'") }
    if let problem = FactBinder.rangeProblem(value, rulebook.facts[slot]) { return ValueProblem(message: problem, help: "check the value") }
    var next = facts
    next[slot] = value
    FactBinder.normalise(&next, rulebook: rulebook)
    var day = initiative.date
    if slot == rulebook.dateSlot, case .date(let date) = value { day = date }
    for constraint in rulebook.epoch(on: day).constraints where constraint.program.evaluateTruth(next) == .false {
      let message = constraint.declaration.message.text(language)
      return ValueProblem(message: message.isEmpty ? "constraint '\(constraint.declaration.id)' is not met" : message)
    }
    facts = next
    initiative.date = day
    initiative.facts.removeAll { $0.name == fact }
    if slot != rulebook.dateSlot { initiative.facts.append(RawFact(name: fact, text: value.inputText)) }
    asked.append(fact)
    return nil
  }
}
