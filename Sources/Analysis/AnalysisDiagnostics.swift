/// The stable codes of the analyses' findings.
public enum AnalysisDiagnostics {
  /// Two rules can both apply with incompatible outcomes, without a declared priority.
  public static let contradiction = "lint.contradiction"
  /// A scope or condition no initiative satisfies.
  public static let unsatisfiable = "lint.unsatisfiable"
  /// A rule that can never apply because an exception always sets it aside.
  public static let shadowed = "lint.shadowed"
  /// An exception that never applies when the rule it overrides would.
  public static let exceptionNeverApplies = "lint.exception-never-applies"
  /// Initiatives in a scope for which no rule of the scope's decision gives a verdict.
  public static let gap = "lint.gap"
  /// Two versions of an article or a parameter in force on one day.
  public static let validityOverlap = "lint.validity-overlap"
  /// Days between two versions of an article or a parameter when neither is in force.
  public static let validityGap = "lint.validity-gap"
  public static let unusedFact = "lint.unused-fact"
  public static let unusedParameter = "lint.unused-parameter"
  /// A fact a resident must answer without a question.
  public static let noQuestion = "lint.no-question"
  public static let noCitation = "lint.no-citation"
  /// A link that points at another municipality's site.
  public static let foreignLink = "lint.foreign-link"
  /// A regulation without the identifier of its official publication (CVDR or BWB).
  public static let noOfficialSource = "lint.no-official-source"
  /// A judgement fact without a presumed value, or a presumption without its article.
  public static let noPresumption = "lint.no-presumption"
  /// A title, explanation or question without text in one of the rulebook's languages.
  public static let missingText = "lint.missing-text"
  /// A rule or parameter that replaces an inherited one with the same content.
  public static let overrideNoEffect = "lint.override-no-effect"

  /// Every lint code, for SARIF rule metadata, with a one-line description.
  public static let descriptions: [(code: String, text: String)] = [
    (foreignLink, "a link that points at another municipality's site"),
    (noOfficialSource, "a regulation without the identifier of its official publication (CVDR or BWB)"),
    (contradiction, "two rules can both apply to one initiative with incompatible outcomes"),
    (unsatisfiable, "a scope or condition that no initiative satisfies"),
    (noPresumption, "a judgement fact without a presumed value and the article behind it"),
    (shadowed, "a rule that an exception always sets aside"),
    (exceptionNeverApplies, "an exception that never applies when the rule it overrides would"),
    (gap, "initiatives for which no rule of an activity gives a verdict"),
    (validityOverlap, "versions of an article or parameter in force on the same day"),
    (validityGap, "days on which no version of an article or parameter is in force"),
    (unusedFact, "a fact that no rule, definition or constraint reads"),
    (unusedParameter, "a parameter that no rule or definition reads"),
    (noQuestion, "a fact without a question for the resident"),
    (noCitation, "a rule without a citation"),
    (missingText, "a text missing in one of the rulebook's languages"),
    (overrideNoEffect, "a rule or parameter that replaces an inherited one with the same content"),
  ]
}
