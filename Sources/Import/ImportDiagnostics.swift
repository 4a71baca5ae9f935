/// The stable codes of the importer's messages.
public enum ImportDiagnostics {
  /// The file is not valid JSON or XML, or not of the expected shape.
  public static let malformed = "import.malformed"
  /// A limit on size, nesting depth or entities was exceeded, or a DTD was refused.
  public static let limit = "import.limit"
  /// A DTD, external entity or entity declaration was refused.
  public static let entity = "import.entity"
  /// A question the engine cannot ask (a location question).
  public static let unsupportedQuestion = "import.unsupported-question"
  /// A question that allowed several answers, read as one answer.
  public static let multipleAnswers = "import.multiple-answers"
  /// A decision that is not a table (a literal expression), or a table cell or output that
  /// cannot be read.
  public static let unsupportedDecision = "import.unsupported-decision"
  /// A table cell that can never match (an option the question does not have).
  public static let neverMatches = "import.never-matches"
  /// A reference to a question or decision that does not exist.
  public static let unknownReference = "import.unknown-reference"
  /// A conclusion that is not one of the STTR conclusions.
  public static let unknownConclusion = "import.unknown-conclusion"
  /// A generated rulebook that does not load back: a fault of the importer.
  public static let selfCheck = "import.self-check"
  /// A permit skipped because its name marks it as a test or as to be removed.
  public static let skipped = "import.skipped"
}
