import Engine
import Rulebook
import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// A rule test written next to a rulebook (`Rules/<id>/tests/*.yaml`): an initiative's facts
/// and what the rules must say about it.
public struct RuleTestCase: Sendable {
  public var name: String
  public var initiative: Initiative
  public var expectation: Expectation
  public var span: SourceSpan

  /// What a test expects; absent parts are not checked.
  public struct Expectation: Sendable {
    public var verdict: VerdictLevel?
    public var determined: Bool?
    public var applies: [String] = []
    public var doesNotApply: [String] = []
    public var undetermined: [String] = []
    /// Rule ids whose requirement must be listed.
    public var required: [String]?
    /// The decision of each scheme named (`right_to_challenge: not_eligible`).
    public var schemes: [(scheme: String, decision: SchemeDecision.Decision)] = []
  }
}
