import Rulebook
import RuleLanguage

/// What the rules say about one initiative: the verdict, and a finding per rule in force.
public struct Evaluation: Sendable {
  public var initiative: Initiative
  public var rulebook: CompiledRulebook
  /// The day whose rules were applied.
  public var asOf: CalendarDay?
  public var facts: FactVector
  public var verdict: Verdict
  public var findings: [Finding]
  /// The official judgements the verdict presumes (not given, and deciding): the verdict holds
  /// unless the official assesses otherwise.
  public var assumptions: [Assumption] = []
  /// The decision of each scheme the initiative asks for (a grant, a Right to Challenge), next
  /// to the verdict on permission.
  public var schemes: [SchemeDecision] = []
  /// How the rulebook was chosen for the initiative's municipality: whether it is the
  /// municipality's own or the model it falls back to. Nil when it was not chosen by name.
  public var selection: RulebookSelection? = nil

  /// The bound facts of an initiative without their evaluation: enough to put a room's items in
  /// words (fact names, values, rules' names and citations), as a batch does for its records.
  public static func words(of initiative: Initiative, facts: FactVector, rulebook: CompiledRulebook, asOf: CalendarDay?) -> Evaluation {
    Evaluation(
      initiative: initiative, rulebook: rulebook, asOf: asOf, facts: facts,
      verdict: Verdict(level: .allowed, determined: false, possibleLevels: [], required: [], decidedBy: []), findings: [])
  }

  /// The finding of a rule by id.
  public func finding(_ ruleID: String) -> Finding? {
    findings.first { $0.rule.rule.id == ruleID }
  }
}

/// A judgement fact the initiative does not give, presumed to have its ordinary value, with the
/// verdict if the official judged otherwise.
public struct Assumption: Sendable, Hashable {
  public var fact: String
  public var presumed: Value
  /// The value the official could find instead, and the verdict that would follow.
  public var otherwise: Value
  public var verdictIfNot: VerdictLevel

  public init(fact: String, presumed: Value, otherwise: Value, verdictIfNot: VerdictLevel) {
    self.fact = fact
    self.presumed = presumed
    self.otherwise = otherwise
    self.verdictIfNot = verdictIfNot
  }
}

/// The overall verdict: the most restrictive outcome that applies, and everything required.
public struct Verdict: Sendable, Hashable {
  public var level: VerdictLevel
  /// False when missing facts could still change the level.
  public var determined: Bool
  /// The levels the verdict can still take (just `level` when determined), least restrictive first.
  public var possibleLevels: [VerdictLevel]
  /// False when `possibleLevels` may hold a level no completion of the facts reaches (the
  /// three-valued decision, or a case split that hit its bound).
  public var possibleLevelsExact: Bool = true
  /// What the initiative needs: notifications, permits, exemptions, information duties.
  public var required: [Requirement]
  /// The rules that set the level.
  public var decidedBy: [String]
}

/// One thing an initiative needs, from one rule.
public struct Requirement: Sendable, Hashable {
  public var kind: Outcome.Kind
  public var name: LocalizedText
  public var authority: String?
  public var rule: String
  public var citation: Citation?
}

/// Whether a rule applies to the initiative.
public enum FindingStatus: String, Sendable, Hashable {
  case applies
  case doesNotApply = "does_not_apply"
  case undetermined
}

/// Why a rule does not apply or is undetermined.
public enum FindingReason: String, Sendable, Hashable {
  /// Scope and condition hold.
  case conditionHolds = "condition_holds"
  /// The rule's scope does not cover the initiative.
  case outOfScope = "out_of_scope"
  /// The condition does not hold.
  case conditionFails = "condition_fails"
  /// A more specific rule that applies sets this one aside.
  case overridden
  /// Missing facts decide.
  case missingFacts = "missing_facts"
}

/// A rule's finding with its explanation trace.
public struct Finding: Sendable {
  public var rule: CompiledRule
  public var status: FindingStatus
  public var reason: FindingReason
  /// The rules that set this one aside (when overridden), or could (when undetermined).
  public var overriddenBy: [String]
  /// Facts whose absence leaves the finding undetermined.
  public var missingFacts: [String]
  /// Whether the rule's scope itself is open: it is undetermined because it is not yet known
  /// whether the rule is about this initiative at all (what kind of activity it is, say).
  public var scopeOpen = false
  /// The scope's and condition's evaluation, sub-condition by sub-condition.
  public var scopeTrace: TraceNode?
  public var conditionTrace: TraceNode?
}

/// One node of an explanation trace: a sub-condition, its value, and the facts and
/// parameters behind it.
///
/// A view of the rulebook's `TraceShape` (texts, lines, structure) and of the values one
/// evaluation recorded: making a trace fills in values only, and nodes, inputs and children are
/// read from the two when asked for. Two nodes are equal when everything they show is.
public struct TraceNode: Sendable, Hashable {
  let shape: TraceShape
  let recorded: RecordedValues

  /// The sub-condition as source text (`visitors <= max_bezoekers`).
  public var text: String { shape.text }
  /// Its value; nil when short-circuiting skipped it.
  public var value: Value? { recorded[shape.id] }
  /// The facts, parameters and definitions it reads, with their values.
  public var inputs: Inputs { Inputs(node: self) }
  public var children: Children { Children(node: self) }
  /// How the children combine: `and`, `or`, `not`, or nil for a leaf.
  public var joins: String? { shape.joins }
  /// The line in the rule file.
  public var line: Int { shape.line }
  /// The rule file it is written in.
  public var path: String { shape.path }

  /// The children of a node, in order.
  public struct Children: RandomAccessCollection, Sendable {
    let node: TraceNode
    public var startIndex: Int { 0 }
    public var endIndex: Int { node.shape.children.count }
    public subscript(position: Int) -> TraceNode {
      TraceNode(shape: node.shape.children[position], recorded: node.recorded)
    }
  }

  /// The named values a node reads, in order.
  public struct Inputs: RandomAccessCollection, Sendable {
    let node: TraceNode
    public var startIndex: Int { 0 }
    public var endIndex: Int { node.shape.inputs.count }
    public subscript(position: Int) -> TraceInput {
      switch node.shape.inputs[position] {
      case .fact(let name, let slot): TraceInput(kind: .fact, name: name, value: node.recorded.facts[slot])
      case .parameter(let name, let value): TraceInput(kind: .parameter, name: name, value: value)
      case .definition(let name, let id): TraceInput(kind: .definition, name: name, value: node.recorded[id] ?? .unknown)
      }
    }
  }

  public static func == (a: TraceNode, b: TraceNode) -> Bool {
    a.text == b.text && a.value == b.value && a.joins == b.joins && a.line == b.line && a.path == b.path && a.inputs.elementsEqual(b.inputs)
      && a.children.elementsEqual(b.children)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(value)
    hasher.combine(line)
    for input in inputs { hasher.combine(input) }
    for child in children { hasher.combine(child) }
  }
}

/// A named value read by a sub-condition.
public struct TraceInput: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable { case fact, parameter, definition }
  public var kind: Kind
  public var name: String
  public var value: Value
}
