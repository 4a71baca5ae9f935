/// The words of the batch report, one type per language: a language the report speaks has every
/// message, or the project does not compile. The Markdown and the HTML report take their words
/// from here; only the markup is theirs.
protocol BatchReportWords: Sendable {
  var title: String { get }
  var input: String { get }
  /// "1 000 records read, 990 evaluated, 10 failed" (the numbers as given, already formatted).
  func totals(read: String, evaluated: String, failed: String) -> String
  /// "; 12 not yet determined".
  func alsoOpen(_ count: Int) -> String
  /// "12 verdicts are not yet determined: facts are missing."
  func open(_ count: Int) -> String
  var byVerdict: String { get }
  var byMunicipality: String { get }
  var decidingRules: String { get }
  var frequentRequirements: String { get }
  var helpfulAdjustments: String { get }
  /// "12 initiatives"
  func initiatives(_ count: Int) -> String
  var failedRecords: String { get }
  var initiativesTitle: String { get }
  var explanations: String { get }
  /// "First 50 of 1 000 records."
  func firstRecords(_ shown: Int, of total: Int) -> String
  // Column headings.
  var verdict: String { get }
  var initiativeCount: String { get }
  var share: String { get }
  var rulebook: String { get }
  var place: String { get }
  var problem: String { get }
  var decidedBy: String { get }
  /// "not yet determined: " before the levels an open verdict can reach.
  var notYetDetermined: String { get }
  /// The word between the levels of an open verdict.
  var or: String { get }
}

struct DutchBatchReportWords: BatchReportWords {
  let title = "Batchrapport"
  let input = "Invoer"
  func totals(read: String, evaluated: String, failed: String) -> String { "\(read) records gelezen, \(evaluated) beoordeeld, \(failed) mislukt" }
  func alsoOpen(_ count: Int) -> String { "; \(count) nog niet vast" }
  func open(_ count: Int) -> String { "\(count) oordelen liggen nog niet vast: er ontbreken feiten." }
  let byVerdict = "Per oordeel"
  let byMunicipality = "Per gemeente"
  let decidingRules = "Regels die het vaakst het oordeel bepalen"
  let frequentRequirements = "Wat het vaakst nodig is"
  let helpfulAdjustments = "Aanpassingen die de meeste initiatieven helpen"
  func initiatives(_ count: Int) -> String { count == 1 ? "1 initiatief" : "\(count) initiatieven" }
  let failedRecords = "Mislukte records"
  let initiativesTitle = "Initiatieven"
  let explanations = "Toelichtingen"
  func firstRecords(_ shown: Int, of total: Int) -> String { "Eerste \(shown) van \(total) records." }
  let verdict = "oordeel"
  let initiativeCount = "initiatieven"
  let share = "aandeel"
  let rulebook = "regelboek"
  let place = "waar"
  let problem = "probleem"
  let decidedBy = "bepaald door"
  let notYetDetermined = "nog niet te bepalen: "
  let or = "of"
}

struct EnglishBatchReportWords: BatchReportWords {
  let title = "Batch report"
  let input = "Input"
  func totals(read: String, evaluated: String, failed: String) -> String { "\(read) records read, \(evaluated) evaluated, \(failed) failed" }
  func alsoOpen(_ count: Int) -> String { "; \(count) not yet determined" }
  func open(_ count: Int) -> String { "\(count) verdicts are not yet determined: facts are missing." }
  let byVerdict = "By verdict"
  let byMunicipality = "By municipality"
  let decidingRules = "Rules that decide most verdicts"
  let frequentRequirements = "Most frequent requirements"
  let helpfulAdjustments = "Adjustments that would help most initiatives"
  func initiatives(_ count: Int) -> String { count == 1 ? "1 initiative" : "\(count) initiatives" }
  let failedRecords = "Failed records"
  let initiativesTitle = "Initiatives"
  let explanations = "Explanations"
  func firstRecords(_ shown: Int, of total: Int) -> String { "First \(shown) of \(total) records." }
  let verdict = "verdict"
  let initiativeCount = "initiatives"
  let share = "share"
  let rulebook = "rulebook"
  let place = "where"
  let problem = "problem"
  let decidedBy = "decided by"
  let notYetDetermined = "not yet determined: "
  let or = "or"
}
