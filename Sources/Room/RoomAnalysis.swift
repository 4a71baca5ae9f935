import Engine
import Rulebook
import RuleLanguage

/// The room to manoeuvre of one initiative, as data: what could change, what the authority may
/// decide, what is still open. Renderers in `Reports` turn it into prose.
public struct RoomAnalysis: Sendable {
  /// The smallest changes to adjustable facts that give a better verdict, best first.
  public var adjustments: [Adjustment]
  /// Exemptions, hardship and experiment clauses, and the duty to deviate from policy rules.
  public var discretion: [DiscretionItem]
  /// Findings that rest on an official's assessment.
  public var openNorms: [OpenNorm]
  /// Other routes the rulebook declares.
  public var alternatives: [AlternativeRoute]
  /// Known facts close to a threshold that decides the verdict.
  public var nearMisses: [NearMiss]
  /// Missing facts that can change the verdict.
  public var decidingUnknowns: [DecidingUnknown]
  /// The facts still to ask, in the order that settles the verdict fastest.
  public var questions: [String]
  /// Whether each route's deadline can still be met.
  public var deadlines: [DeadlineCheck]
  /// The day the deadlines were counted from.
  public var today: CalendarDay?

  public init(
    adjustments: [Adjustment] = [], discretion: [DiscretionItem] = [], openNorms: [OpenNorm] = [],
    alternatives: [AlternativeRoute] = [], nearMisses: [NearMiss] = [], decidingUnknowns: [DecidingUnknown] = [],
    questions: [String] = [], deadlines: [DeadlineCheck] = [], today: CalendarDay? = nil
  ) {
    self.adjustments = adjustments
    self.discretion = discretion
    self.openNorms = openNorms
    self.alternatives = alternatives
    self.nearMisses = nearMisses
    self.decidingUnknowns = decidingUnknowns
    self.questions = questions
    self.deadlines = deadlines
    self.today = today
  }

  /// Whether there is nothing to report.
  public var isEmpty: Bool {
    adjustments.isEmpty && discretion.isEmpty && openNorms.isEmpty && alternatives.isEmpty && nearMisses.isEmpty
      && decidingUnknowns.isEmpty && deadlines.isEmpty
  }
}

extension VerdictSummary {
  /// The verdict with only the levels some completion reaches (`reachable`, least restrictive
  /// first): its level the least of them, determined when there is one.
  mutating func narrow(to reachable: [VerdictLevel]) {
    guard let least = reachable.first else { return }
    level = max(least, level)
    determined = reachable.count == 1
    possibleLevels = reachable
  }
}

/// A verdict after a change, as the fast decision gives it.
public struct VerdictSummary: Sendable, Hashable {
  public var level: VerdictLevel
  public var determined: Bool
  /// The levels still possible (just `level` when determined), least restrictive first.
  public var possibleLevels: [VerdictLevel]
  /// The rules that apply (ids), in rulebook order.
  public var applying: [String]
  /// The applying rules that impose a requirement (notification, permit, conditions, information).
  public var required: [String]

  public init(level: VerdictLevel, determined: Bool, possibleLevels: [VerdictLevel], applying: [String], required: [String]) {
    self.level = level
    self.determined = determined
    self.possibleLevels = possibleLevels
    self.applying = applying
    self.required = required
  }
}

/// One fact's change in an adjustment.
public struct FactChange: Sendable, Hashable {
  public var fact: String
  public var from: Value
  public var to: Value

  public init(fact: String, from: Value, to: Value) {
    self.fact = fact
    self.from = from
    self.to = to
  }
}

/// A change to one or two adjustable facts that gives a strictly better verdict, or the same
/// level with fewer requirements.
public struct Adjustment: Sendable, Hashable {
  public var changes: [FactChange]
  public var verdictAfter: VerdictSummary
  /// The normalised size of the change (sum over the facts); smaller is better.
  public var distance: Double
  /// False when a threshold behind it compares arithmetic over facts, so the value is a
  /// candidate from the threshold rather than the exact boundary.
  public var exact: Bool
  /// The requirements (rule ids) the change removes.
  public var removes: [String]
  /// The rule the change is mainly about: the first rule that no longer applies.
  public var rule: String?
  /// When the verdict after the change is still open: the unknown facts it depends on. The
  /// adjustment holds "as far as known".
  public var dependsOn: [String] = []
}

/// What the authority may decide.
public struct DiscretionItem: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case exemption, hardship, experiment
    /// Art. 4:84 Awb: the duty to deviate from a policy rule whose consequences are
    /// disproportionate because of special circumstances.
    case policyDeviation = "policy_deviation"
  }

  public var kind: Kind
  public var rule: String
  public var grantedBy: String?
  public var description: LocalizedText
  /// The latest day to ask, when the room declares a deadline and the initiative a date.
  public var askBy: CalendarDay?
  public var deadline: Value?
  public var citation: Citation?
}

/// A finding that rests on a judgement fact.
public struct OpenNorm: Sendable, Hashable {
  public var rule: String
  public var fact: String
  public var value: Value
  public var assessedBy: String?
  public var turnsOn: LocalizedText
  public var status: FindingStatus
  public var citation: Citation?
}

/// Another route a rule declares.
public struct AlternativeRoute: Sendable, Hashable {
  public var rule: String
  public var grantedBy: String?
  public var description: LocalizedText
  public var citation: Citation?
}

/// A known fact close to a threshold that decides the verdict.
public struct NearMiss: Sendable, Hashable {
  public var rule: String
  public var fact: String
  public var value: Value
  /// The comparison as written with the fact on the left (`visitors <= 150`).
  public var comparison: String
  public var threshold: Value
  public var parameter: String?
  /// The first value on the other side of the threshold.
  public var crossing: Value
  /// How far the crossing is, in the fact's unit (minutes for times).
  public var absoluteMargin: Double
  /// The margin relative to the value.
  public var relativeMargin: Double
  /// The verdict on the other side.
  public var verdictAcross: VerdictSummary
  public var exact: Bool
  public var citation: Citation?
}

/// A missing fact that can change the verdict, with the verdict per answer.
public struct DecidingUnknown: Sendable, Hashable {
  public var fact: String
  /// The rules still open that read it.
  public var rules: [String]
  /// The verdict for each candidate answer.
  public var outcomes: [AnswerOutcome]
  /// Expected number of verdict levels still possible after the answer (lower settles more).
  public var expectedOpen: Double
}

/// The verdict for one answer to a question.
public struct AnswerOutcome: Sendable, Hashable {
  public var value: Value
  public var verdict: VerdictSummary
}

/// Whether a route's deadline can still be met.
public struct DeadlineCheck: Sendable, Hashable {
  public enum Route: Sendable, Hashable {
    /// A rule that applies (or may apply) now.
    case current
    /// A rule that would apply after the adjustment at this index of `adjustments`.
    case afterAdjustment(Int)
    /// An exemption or other room declared by the rule, at this index of its `room`.
    case room(Int)
  }

  public var rule: String
  public var route: Route
  public var level: VerdictLevel?
  public var name: LocalizedText
  /// The deadline as declared (`10 werkdagen`, `8 weken`).
  public var deadline: Value
  /// The last day to submit.
  public var latestDay: CalendarDay
  public var today: CalendarDay
  /// Whether `today` is on or before `latestDay`.
  public var feasible: Bool
  /// Working days from today to the latest day (negative when passed).
  public var workingDaysLeft: Int64
  public var citation: Citation?
}
