/// The stable codes of the rulebook loader's diagnostics.
public enum RulebookDiagnostics {
  public static let unknownKey = "rule.unknown-key"
  public static let missingKey = "rule.missing-key"
  public static let wrongKind = "rule.wrong-kind"
  public static let badValue = "rule.bad-value"
  /// A parameter's value that is not a value of the type it must have.
  public static let parameterValue = "rule.parameter-value"
  public static let badName = "rule.bad-name"
  public static let duplicateID = "rule.duplicate-id"
  public static let unknownReference = "rule.unknown-reference"
  public static let unknownType = "rule.unknown-type"
  public static let extendsCycle = "rule.extends-cycle"
  public static let noRulebook = "rule.no-rulebook"
  /// A municipality with no rulebook of its own was checked against the model (an error with `--strict`).
  public static let fallback = "rule.fallback"
  /// A line of `register/municipalities.tsv` or `aliases.tsv` that is not a code and a name.
  public static let registerLine = "register.bad-line"
  public static let missingText = "rule.missing-text"
  public static let template = "rule.template"
  public static let unknownFact = "initiative.unknown-fact"
  public static let badFactValue = "initiative.bad-value"
  public static let outOfRange = "initiative.out-of-range"
  public static let constraint = "initiative.constraint"
  public static let initiativeShape = "initiative.shape"
}
