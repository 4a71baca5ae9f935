import Rulebook
import RuleLanguage

/// Evaluates initiatives against a compiled rulebook. Stateless: share one across threads.
public struct Evaluator: Sendable {
  public let rulebook: CompiledRulebook
  /// The flat decision plan of each epoch, for `decide`.
  let plans: [DecisionPlan]

  /// An evaluator; cheap to make, since the decision plans are derived once per rulebook.
  public init(rulebook: CompiledRulebook) {
    self.rulebook = rulebook
    plans = rulebook.derived.value([DecisionPlan].self) { rulebook.epochs.map(DecisionPlan.init) }
  }

  /// An evaluator with decision plans of its own, derived again rather than shared. For a
  /// thread that decides in bulk: threads sharing plans count references to the same objects,
  /// and those counts, written from several cores, slow every one of them down.
  public init(ownPlansFor rulebook: CompiledRulebook) {
    self.rulebook = rulebook
    plans = rulebook.epochs.map(DecisionPlan.init)
  }

  /// The full evaluation of bound facts, with traces for the explanation.
  public func evaluate(_ initiative: Initiative, facts: FactVector, asOf: CalendarDay? = nil, traces: Bool = true) -> Evaluation {
    let day = asOf ?? initiative.date
    let epoch = rulebook.epoch(on: day)
    // The texts of the traces are the rulebook's: made once, shared by every evaluation. With
    // traces, each program runs once, recording, and gives both its truth and its trace.
    let shapes = traces ? rulebook.derived.value(TraceShapes.self) { TraceShapes(rulebook: rulebook) } : nil
    let recorded = shapes.map { recordedRuns(epoch, facts: facts, on: day, shapes: $0) }
    let truths = recorded?.truths ?? ruleTruths(epoch, facts: facts, on: day)
    var findings: [Finding] = []
    for (index, compiled) in epoch.rules.enumerated() {
      guard let truth = truths[index] else { continue }
      var finding = finding(compiled, truth: truth, truths: truths, epoch: epoch, facts: facts)
      if let recorded {
        (finding.scopeTrace, finding.conditionTrace) = recorded.traces[index]
      }
      findings.append(finding)
    }
    let verdict = Self.verdict(findings)
    var evaluation = Evaluation(
      initiative: initiative, rulebook: rulebook, asOf: day, facts: facts, verdict: verdict, findings: findings,
      assumptions: assumptions(initiative, facts: facts, on: day))
    evaluation.schemes = schemeDecisions(findings, facts: facts, on: day, withRoom: traces)
    return evaluation
  }

  /// The presumed judgements that may decide: those the initiative does not give whose other
  /// value gives another decision. (`withExactOutcomes` in Room keeps those whose other value
  /// changes the levels that can be reached, with the verdict that would follow.)
  ///
  /// - Complexity: O(*p* · *v* · *r*) for *p* presumptions with *v* other values and *r* rules.
  func assumptions(_ initiative: Initiative, facts: FactVector, on day: CalendarDay?) -> [Assumption] {
    var result: [Assumption] = []
    let now = decide(facts, on: day)
    for presumption in rulebook.presumptions where facts[presumption.slot] == presumption.value {
      let name = rulebook.facts[presumption.slot].name
      guard !initiative.facts.contains(where: { $0.name == name && ($0.text != nil || $0.items != nil) }) else { continue }
      var scratch = facts
      for other in otherValues(of: presumption.slot, than: presumption.value) {
        scratch[presumption.slot] = other
        let decision = decide(scratch, on: day)
        if decision != now {
          result.append(Assumption(fact: name, presumed: presumption.value, otherwise: other, verdictIfNot: decision.level))
          break
        }
      }
    }
    return result
  }

  /// The values a judgement could take other than its presumed one.
  func otherValues(of slot: Int, than value: Value) -> [Value] {
    switch rulebook.facts[slot].type {
    case .bool:
      if case .bool(let flag) = value { return [.bool(!flag)] }
      return []
    case .enumeration:
      return (rulebook.casesBySlot[slot] ?? []).map { Value.enumCase($0) }.filter { $0 != value }
    default:
      return []
    }
  }

  /// The scope and condition truths of each rule in force on `day` (nil for rules not in force).
  func ruleTruths(_ epoch: Epoch, facts: FactVector, on day: CalendarDay?) -> [(scope: Truth, condition: Truth)?] {
    epoch.rules.map { compiled in
      if let day, !compiled.rule.validity.contains(day) { return nil }
      let scope = compiled.scope?.evaluateTruth(facts) ?? .true
      let condition = scope == .false ? Truth.false : (compiled.condition?.evaluateTruth(facts) ?? .true)
      return (scope, condition)
    }
  }

  /// Each rule's truths, as `ruleTruths` gives them, and its traces: the scope's, and the
  /// condition's unless the scope is false (as the condition is then not evaluated).
  func recordedRuns(_ epoch: Epoch, facts: FactVector, on day: CalendarDay?, shapes: TraceShapes) -> (
    truths: [(scope: Truth, condition: Truth)?], traces: [(scope: TraceNode?, condition: TraceNode?)]
  ) {
    var truths: [(scope: Truth, condition: Truth)?] = []
    var traces: [(scope: TraceNode?, condition: TraceNode?)] = []
    truths.reserveCapacity(epoch.rules.count)
    traces.reserveCapacity(epoch.rules.count)
    let builder = TraceBuilder(environment: epoch.environment, facts: facts)
    for compiled in epoch.rules {
      if let day, !compiled.rule.validity.contains(day) {
        truths.append(nil)
        traces.append((nil, nil))
        continue
      }
      let scope = compiled.scope.map { builder.run($0, shape: shapes.shape(of: $0)) }
      let scopeTruth = scope?.truth ?? .true
      let condition = scopeTruth == .false ? nil : compiled.condition.map { builder.run($0, shape: shapes.shape(of: $0)) }
      truths.append((scopeTruth, scopeTruth == .false ? .false : condition?.truth ?? .true))
      traces.append((scope?.trace, condition?.trace))
    }
    return (truths, traces)
  }

  func finding(
    _ compiled: CompiledRule, truth: (scope: Truth, condition: Truth), truths: [(scope: Truth, condition: Truth)?], epoch: Epoch,
    facts: FactVector
  ) -> Finding {
    let own = truth.scope && truth.condition
    let overriders = compiled.overriddenBy.compactMap { index -> (String, Truth)? in
      guard let other = truths[index] else { return nil }
      return (epoch.rules[index].rule.id, other.scope && other.condition)
    }
    let overridden = overriders.filter { $0.1 == .true }.map(\.0)
    let possiblyOverridden = overriders.filter { $0.1 == .unknown }.map(\.0)
    var status: FindingStatus
    var reason: FindingReason
    if own != .false, !overridden.isEmpty {
      // A more specific rule applies: this one is set aside, whatever its own facts.
      (status, reason) = (.doesNotApply, .overridden)
    } else {
      switch own {
      case .false:
        (status, reason) = (.doesNotApply, truth.scope == .false ? .outOfScope : .conditionFails)
      case .unknown:
        (status, reason) = (.undetermined, .missingFacts)
      case .true:
        (status, reason) = possiblyOverridden.isEmpty ? (.applies, .conditionHolds) : (.undetermined, .missingFacts)
      }
    }
    var result = Finding(
      rule: compiled, status: status, reason: reason, overriddenBy: overridden.isEmpty ? possiblyOverridden : overridden,
      missingFacts: [], scopeTrace: nil, conditionTrace: nil)
    if status == .undetermined {
      result.missingFacts = missingFacts(compiled, epoch: epoch, facts: facts, truths: truths)
      result.scopeOpen = truth.scope == .unknown && scopeWaitsForTheKindOfInitiative(compiled, epoch: epoch, facts: facts)
    }
    return result
  }

  /// Whether a rule's open scope waits only for facts that say what the initiative is (what kind
  /// of activity, where), not for facts the resident can still adjust: a dormer rule while the
  /// activity is unknown, not a sound limit while it is unknown whether the event is small.
  func scopeWaitsForTheKindOfInitiative(_ compiled: CompiledRule, epoch: Epoch, facts: FactVector) -> Bool {
    guard let scope = compiled.scope else { return false }
    let open = epoch.environment.freeFacts(of: scope.checked).filter { facts[$0].isUnknown }
    return !open.isEmpty && !open.contains { rulebook.facts[$0].adjustable }
  }

  /// The unknown facts the rule (and the rules that could override it) reads.
  func missingFacts(_ compiled: CompiledRule, epoch: Epoch, facts: FactVector, truths: [(scope: Truth, condition: Truth)?]) -> [String] {
    var slots = Set<Int>()
    var programs = [compiled.scope, compiled.condition]
    for index in compiled.overriddenBy where truths[index] != nil { programs += [epoch.rules[index].scope, epoch.rules[index].condition] }
    for program in programs.compactMap({ $0 }) {
      for slot in epoch.environment.freeFacts(of: program.checked) where facts[slot].isUnknown { slots.insert(slot) }
    }
    return slots.sorted().map { rulebook.facts[$0].name }
  }

  /// The most restrictive applying outcome, the levels still possible, and what is required.
  static func verdict(_ findings: [Finding]) -> Verdict {
    var level = VerdictLevel.allowed
    var decidedBy: [String] = []
    var required: [Requirement] = []
    var possible: Set<VerdictLevel> = []
    for finding in findings {
      let outcome = finding.rule.rule.outcome
      switch finding.status {
      case .applies:
        if outcome.isRequirement {
          required.append(
            Requirement(kind: outcome.kind, name: outcome.name, authority: outcome.authority, rule: finding.rule.rule.id, citation: finding.rule.rule.citation))
        }
        guard let ruleLevel = outcome.level else { continue }
        if ruleLevel > level {
          (level, decidedBy) = (ruleLevel, [finding.rule.rule.id])
        } else if ruleLevel == level, ruleLevel != .allowed {
          decidedBy.append(finding.rule.rule.id)
        }
      case .undetermined:
        if let ruleLevel = outcome.level { possible.insert(ruleLevel) }
      case .doesNotApply:
        break
      }
    }
    let levels = ([level] + possible.filter { $0 > level }).sorted()
    return Verdict(
      level: level, determined: levels.count == 1, possibleLevels: levels, possibleLevelsExact: levels.count == 1, required: required,
      decidedBy: decidedBy)
  }
}
