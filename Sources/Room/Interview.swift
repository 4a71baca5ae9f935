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
    Evaluator(rulebook: rulebook).evaluate(initiative, facts: facts, traces: traces)
  }

  /// The verdict so far.
  public var decision: Decision {
    var applying: [Int] = []
    var undetermined: [Int] = []
    return Evaluator(rulebook: rulebook).decide(facts, on: initiative.date, applying: &applying, undetermined: &undetermined)
  }

  /// Whether the verdict is settled.
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
    var questions: [Question] = []
    if initiative.date == nil, facts[rulebook.dateSlot].isUnknown {
      questions.append(Question(fact: rulebook.facts[rulebook.dateSlot], outcomes: [], decidesAlone: true, choices: nil))
    }
    guard !isSettled else { return questions }
    var unknowns = DecidingUnknowns(context: RoomContext(evaluation: evaluation(traces: false)))
    let (deciding, relevant) = unknowns.run(facts)
    let decidingQuestions = deciding.compactMap { unknown -> Question? in
      guard let slot = rulebook.slotsByName[unknown.fact], slot != rulebook.dateSlot else { return nil }
      return Question(fact: rulebook.facts[slot], outcomes: unknown.outcomes, decidesAlone: true, choices: rulebook.casesBySlot[slot])
    }
    if !decidingQuestions.isEmpty { return questions + decidingQuestions }
    return questions + relevant.filter { $0 != rulebook.dateSlot }.map { slot in
      Question(fact: rulebook.facts[slot], outcomes: [], decidesAlone: false, choices: rulebook.casesBySlot[slot])
    }
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
