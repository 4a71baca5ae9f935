import Rulebook
import RuleLanguage
import SourceDiagnostics
import Foundation
import YAMLTree

/// Reads initiatives from YAML (or JSON, which libyaml reads as YAML) documents.
public enum InitiativeReader {
  public static let keys = ["id", "title", "municipality", "date", "end_date", "period", "description", "language", "facts"]

  /// The initiative in a document; nil (with diagnostics) when its shape is wrong.
  public static func read(_ root: YAMLNode?, in file: SourceFile, index: Int = 0) -> (Initiative?, [Diagnostic]) {
    guard let root else {
      return (nil, [.error(YAMLDiagnostics.empty, "the initiative is empty", at: file.span(0, 0), help: "write 'id:', 'municipality:', 'date:' and 'facts:'")])
    }
    var schema = SchemaReader()
    guard let keys = schema.mapping(root, allowed: keys, what: "an initiative") else { return (nil, schema.diagnostics) }
    let fallbackID = "\((file.path as NSString).lastPathComponent)#\(index + 1)"
    var initiative = Initiative(id: schema.string(keys["id"], what: "id") ?? fallbackID, span: root.span)
    initiative.title = schema.string(keys["title"], what: "title")
    initiative.municipality = schema.string(keys["municipality"], what: "municipality")
    initiative.municipalitySpan = keys["municipality"]?.span
    initiative.description = schema.string(keys["description"], what: "description")
    initiative.language = schema.string(keys["language"], what: "language")
    initiative.date = schema.date(keys["date"], what: "date")
    initiative.endDate = schema.date(keys["end_date"], what: "end_date")
    if let period = keys["period"], let periodKeys = schema.mapping(period, allowed: ["from", "until"], what: "period") {
      initiative.date = schema.date(periodKeys["from"], what: "from") ?? initiative.date
      initiative.endDate = schema.date(periodKeys["until"], what: "until")
    }
    if let facts = keys["facts"] {
      if let pairs = facts.mapping {
        initiative.facts = pairs.compactMap { pair in
          guard let name = pair.key.scalar else { return nil }
          if let items = pair.value.sequence {
            return RawFact(
              name: name, text: nil, items: items.map { ($0.scalar ?? "", $0.span) }, nameSpan: pair.key.span, valueSpan: pair.value.span)
          }
          if pair.value.mapping != nil {
            schema.error(RulebookDiagnostics.badFactValue, "fact '\(name)' must be a value or a list, found a mapping", at: pair.value.span)
            return nil
          }
          return RawFact(name: name, text: pair.value.isNull ? nil : pair.value.scalar, nameSpan: pair.key.span, valueSpan: pair.value.span)
        }
      } else if !facts.isNull {
        schema.error(RulebookDiagnostics.initiativeShape, "facts must be a mapping, found a \(facts.kindName)", at: facts.span, help: "write 'facts:' with one 'name: value' per line")
      }
    }
    return (initiative, schema.diagnostics)
  }
}
