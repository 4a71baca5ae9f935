/// A rulebook made from one permit check, before it is written as YAML.
public struct ImportedRulebook: Sendable {
  /// The folder name and rulebook id (`dakkapel-bouwen`).
  public var id: String
  public var permitName: String
  public var sourcePath: String
  public var version: Int?
  var facts: [ImportedFact] = []
  var definitions: [ImportedDefinition] = []
  var rules: [ImportedRule] = []
  var regulations: [ImportedRegulation] = []
  /// What the README lists as not imported or changed.
  var notes: [String] = []
}

struct ImportedFact {
  var name: String
  /// `bool`, `enum`, `decimal`, `date` or `text`.
  var type: String
  /// For an enumeration: each case with the option text as its label.
  var cases: [(name: String, label: String)] = []
  var question: STTRQuestion
}

struct ImportedDefinition {
  var name: String
  var condition: Condition
  var description: String
  /// A comment written above it (the rows it comes from).
  var comment: String?
}

struct ImportedRule {
  var id: String
  var title: String
  /// The rule file's outcome kind (`permit`, `contact`, ...).
  var kind: String
  var outcomeName: String?
  var condition: Condition
  var explanation: String
  var citation: (regulation: String, article: String)
  var comment: String?
}

struct ImportedRegulation {
  var id: String
  var title: String
  var url: String?
  var note: String?
}
