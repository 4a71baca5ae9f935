import SourceDiagnostics

/// How much of a rulebook its rule tests exercise: each counted rule seen applying and not
/// applying, each threshold seen on both sides, each exception (override) exercised.
///
/// A root rulebook (`national`) counts all its rules. A rulebook that extends another counts its
/// own rules with all their thresholds, and of what it inherits only what it changes: the rules
/// and thresholds that read a parameter it sets or a definition it rewrites. The rulebook it
/// extends covers the rest in its own tests.
public struct CoverageReport: Sendable, Codable {
  public var rulebook: String
  /// The rulebook it extends, if any.
  public var extends: String?
  /// The number of tests whose evaluations were recorded.
  public var tests: Int
  public var rules: [RuleCoverage]
  public var thresholds: [ThresholdCoverage]
  public var exceptions: [ExceptionCoverage]
}

/// A `path:line:col` position.
public struct CoveragePosition: Sendable, Codable, Hashable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int

  public init(_ span: SourceSpan) {
    let location = span.startLocation
    (path, line, column) = (span.file.path, location.line, location.column)
  }

  public var description: String { "\(path):\(line):\(column)" }
}

/// Why a rule or threshold counts for a rulebook.
public enum CoverageOrigin: String, Sendable, Codable, Hashable {
  /// Written in the rulebook itself.
  case own
  /// Inherited, and reads a parameter the rulebook sets or a definition it rewrites.
  case inheritedChanged = "inherited_changed"
}

/// One rule and the statuses the tests saw it take.
public struct RuleCoverage: Sendable, Codable {
  public var rule: String
  /// The rulebook the rule is written in.
  public var definedIn: String
  public var origin: CoverageOrigin
  public var position: CoveragePosition
  public var seenApplying: Bool
  public var seenNotApplying: Bool
  public var covered: Bool { seenApplying && seenNotApplying }
}

/// One comparison `fact OP value` and whether tests put the fact on each side of it.
public struct ThresholdCoverage: Sendable, Codable {
  /// The first counted rule reading it (a definition's comparison serves several).
  public var rule: String
  public var fact: String
  /// The comparison with the fact on the left, `visitors <= 200`.
  public var comparison: String
  /// The comparison as written (the underlined text).
  public var text: String
  public var parameter: String?
  public var origin: CoverageOrigin
  public var position: CoveragePosition
  /// False when the compared side is arithmetic or a definition over the fact.
  public var exact: Bool
  public var seenTrue: Bool
  public var seenFalse: Bool
  public var covered: Bool { seenTrue && seenFalse }
}

/// One exception: a rule that, when it applies, sets another aside.
public struct ExceptionCoverage: Sendable, Codable {
  public var rule: String
  public var overrides: String
  /// Where the `overrides:` entry is written.
  public var position: CoveragePosition
  public var exercised: Bool
}

extension CoverageReport {
  /// The counted figures: covered and total.
  public struct Figures: Sendable, Codable, Hashable {
    public var rules: Int
    public var rulesCovered: Int
    public var ruleSidesCovered: Int
    public var thresholds: Int
    public var thresholdsCovered: Int
    public var thresholdSidesCovered: Int
    public var exceptions: Int
    public var exceptionsExercised: Int

    public static func + (a: Figures, b: Figures) -> Figures {
      Figures(
        rules: a.rules + b.rules, rulesCovered: a.rulesCovered + b.rulesCovered, ruleSidesCovered: a.ruleSidesCovered + b.ruleSidesCovered,
        thresholds: a.thresholds + b.thresholds, thresholdsCovered: a.thresholdsCovered + b.thresholdsCovered,
        thresholdSidesCovered: a.thresholdSidesCovered + b.thresholdSidesCovered, exceptions: a.exceptions + b.exceptions,
        exceptionsExercised: a.exceptionsExercised + b.exceptionsExercised)
    }

    public static let zero = Figures(
      rules: 0, rulesCovered: 0, ruleSidesCovered: 0, thresholds: 0, thresholdsCovered: 0, thresholdSidesCovered: 0, exceptions: 0,
      exceptionsExercised: 0)
  }

  public var figures: Figures {
    Figures(
      rules: rules.count, rulesCovered: rules.filter(\.covered).count,
      ruleSidesCovered: rules.reduce(0) { $0 + ($1.seenApplying ? 1 : 0) + ($1.seenNotApplying ? 1 : 0) },
      thresholds: thresholds.count, thresholdsCovered: thresholds.filter(\.covered).count,
      thresholdSidesCovered: thresholds.reduce(0) { $0 + ($1.seenTrue ? 1 : 0) + ($1.seenFalse ? 1 : 0) },
      exceptions: exceptions.count, exceptionsExercised: exceptions.filter(\.exercised).count)
  }

  /// Whether every counted rule, threshold and exception is covered.
  public var isComplete: Bool {
    rules.allSatisfy(\.covered) && thresholds.allSatisfy(\.covered) && exceptions.allSatisfy(\.exercised)
  }
}
