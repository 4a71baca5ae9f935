import Foundation

extension ImpactReport {
  /// `of 412 initiatives, 37 get another verdict` and the counts by transition.
  public var headline: String {
    "of \(evaluated) initiative\(evaluated == 1 ? "" : "s"), \(changes.count) \(changes.count == 1 ? "gets" : "get") another verdict"
  }

  /// Counts by `old → new` level, most frequent first.
  public var transitions: [(String, Int)] {
    var counts: [String: Int] = [:]
    for change in changes { counts["\(change.old.level.rawValue) → \(change.new.level.rawValue)", default: 0] += 1 }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
  }

  /// Plain text for a terminal.
  public var text: String {
    var out = "rulebook changes:\n"
    out += RulebookChanges.story(rulebookChanges)
    out += "\n\(headline)" + (skipped > 0 ? " (\(skipped) not for these rulebooks)" : "") + "\n"
    for (transition, count) in transitions { out += "  \(count) × \(transition)\n" }
    for change in changes {
      out += "\n\(change.initiativeID)\(change.title.map { " — \($0)" } ?? "") [\(change.rulebook)]\n"
      out += "  \(change.old.text) → \(change.new.text)\n"
      for reason in change.reasons { out += "    \(reason)\n" }
    }
    return out
  }

  /// Markdown for a pull request or a council memo.
  public var markdown: String {
    var out = "# Impact of the amendment\n\n## Rulebook changes\n\n"
    out += RulebookChanges.story(rulebookChanges, markdown: true)
    out += "\n## Verdicts\n\n\(headline.prefix(1).uppercased() + headline.dropFirst()).\n\n"
    if !changes.isEmpty {
      out += "| initiative | rulebook | before | after | why |\n| --- | --- | --- | --- | --- |\n"
      for change in changes {
        out += "| \(change.initiativeID) | \(change.rulebook) | \(change.old.text) | \(change.new.text) | \(change.reasons.joined(separator: "; ")) |\n"
      }
    }
    return out
  }

  /// JSON with sorted keys.
  public func json() throws -> String {
    struct Wire: Encodable {
      struct Change: Encodable {
        var id: String, title: String?, rulebook: String, old: ImpactReport.SummaryWire, new: ImpactReport.SummaryWire, reasons: [String]
      }
      var evaluated: Int, skipped: Int, changed: Int, rulebookChanges: [RulebookChange], changes: [Change]

      enum CodingKeys: String, CodingKey {
        case evaluated, skipped, changed, changes
        case rulebookChanges = "rulebook_changes"
      }
    }
    let wire = Wire(
      evaluated: evaluated, skipped: skipped, changed: changes.count, rulebookChanges: rulebookChanges,
      changes: changes.map {
        .init(id: $0.initiativeID, title: $0.title, rulebook: $0.rulebook, old: .init($0.old), new: .init($0.new), reasons: $0.reasons)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(wire), as: UTF8.self)
  }

  struct SummaryWire: Encodable {
    var level: String, determined: Bool, required: [String]
    init(_ summary: Summary) {
      level = summary.level.rawValue
      determined = summary.determined
      required = summary.required
    }
  }
}
