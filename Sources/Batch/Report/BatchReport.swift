import Engine
import Foundation
import Reports
import Rulebook
import SourceDiagnostics

/// The report of a batch run for the intake team's meeting: counts by verdict and by
/// municipality, the rules that decide most verdicts, the most frequent requirements, the
/// failed records with their errors, and a table of the initiatives, each linked to its
/// explanation. As Markdown or as one self-contained HTML file with inline SVG charts.
public struct BatchReport {
  public let summary: BatchSummary
  public let engine: RuleEngine
  public let language: String
  public let inputs: [String]
  /// How many records get their full explanation in the report.
  public var explained = 200
  /// How many rows the table of initiatives shows.
  public var tableRows = 2_000

  public init(summary: BatchSummary, engine: RuleEngine, language: String, inputs: [String]) {
    self.summary = summary
    self.engine = engine
    self.language = language
    self.inputs = inputs
  }

  /// The report's words in its language.
  var words: any BatchReportWords { language == "en" ? EnglishBatchReportWords() : DutchBatchReportWords() }

  /// Label of a `rulebook/rule` key: the rule's title and citation.
  func ruleLabel(_ key: String) -> String {
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2, let rulebook = engine.library.rulebooks[parts[0]],
      let rule = rulebook.definition.rules.first(where: { $0.id == parts[1] })
    else { return key }
    let citation = Explanations(language: language).citation(rule.citation, in: rulebook)
    return "\(rule.title.text(language)) — \(citation) [\(parts[0])]"
  }

  /// The most frequent entries of a count table.
  func top(_ counts: [String: Int], _ limit: Int = 10) -> [(String, Int)] {
    counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map { ($0.key, $0.value) }
  }

  func levelName(_ level: VerdictLevel) -> String { level.label.text(language) }

  /// A record's verdict: its level, or for an open one the levels still reachable
  /// ("nog niet te bepalen: melding nodig of vergunning nodig"), never a level that cannot happen.
  func verdictText(_ decision: Decision) -> String {
    guard !decision.determined else { return levelName(decision.level) }
    let levels = VerdictLevel.allCases.filter { decision.possibleLevels & (1 << $0.rank) != 0 }.map(levelName)
    return words.notYetDetermined + levels.joined(separator: " \(words.or) ")
  }

  /// `borne: visitors 200 → notification_required` as "borne: visitors 200 → notification required".
  func adjustmentLabel(_ key: String) -> String {
    var text = key
    for level in VerdictLevel.allCases { text = text.replacingOccurrences(of: "→ \(level.rawValue)", with: "→ \(levelName(level))") }
    return text
  }

  /// The evaluation of a detailed record, for its explanation.
  func evaluation(_ detail: RecordDetail) -> Evaluation? {
    switch detail.source {
    case .json(let text): engine.check(file: SourceFile(path: "record-\(detail.number).json", text: text)).first?.evaluation?.withExactOutcomes()
    case .initiative(let initiative): engine.check(initiative).evaluation?.withExactOutcomes()
    case nil: nil
    }
  }

  func percent(_ count: Int) -> String {
    summary.read == 0 ? "0%" : String(format: "%.1f%%", Double(count) * 100 / Double(summary.read))
  }
}
