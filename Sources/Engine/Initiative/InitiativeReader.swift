import Rulebook
import RuleLanguage
import SourceDiagnostics
import Foundation
import YAMLTree

/// The one decoder of initiatives: a YAML document, a JSON object or a JSON Lines record (libyaml
/// reads JSON as YAML), and the page's query facts all come through here, with positioned
/// diagnostics. `FactBinder` then turns the raw facts into a fact vector; the batch's byte
/// parser is an optimisation behind it, tested against it record by record.
public enum InitiativeReader {
  /// The languages an answer is given in.
  public static let languages = ["nl", "en"]
  public static let keys = ["id", "title", "municipality", "date", "end_date", "period", "description", "language", "facts"]

  /// Where an initiative's facts are.
  public enum Layout: Sendable {
    /// Under `facts:`; any other key is an error (initiative files).
    case nested
    /// Under `facts:`, or else every key that is not the initiative's own is a fact (JSON Lines
    /// records and flat JSON objects, as `batch` reads them).
    case nestedOrFlat
  }

  /// The initiative in a document; nil (with diagnostics) when its shape is wrong.
  public static func read(_ root: YAMLNode?, in file: SourceFile, index: Int = 0, layout: Layout = .nested) -> (Initiative?, [Diagnostic]) {
    guard let root else {
      return (nil, [.error(YAMLDiagnostics.empty, "the initiative is empty", at: file.span(0, 0), help: "write 'id:', 'municipality:', 'date:' and 'facts:'")])
    }
    var schema = SchemaReader()
    var flat: [YAMLPair] = []
    let keys: [String: YAMLNode]?
    switch layout {
    case .nested:
      keys = schema.mapping(root, allowed: Self.keys, what: "an initiative")
    case .nestedOrFlat:
      guard let pairs = root.mapping else {
        return (nil, [.error(RulebookDiagnostics.initiativeShape, "an initiative must be an object, found a \(root.kindName)", at: root.span)])
      }
      flat = pairs.filter { !Self.keys.contains($0.key.scalar ?? "") }
      keys = schema.mapping(
        YAMLNode(.mapping(pairs.filter { Self.keys.contains($0.key.scalar ?? "") }), span: root.span), allowed: Self.keys,
        what: "an initiative")
    }
    guard let keys else { return (nil, schema.diagnostics) }
    let fallbackID = "\((file.path as NSString).lastPathComponent)#\(index + 1)"
    var initiative = Initiative(id: schema.string(keys["id"], what: "id") ?? fallbackID, span: root.span)
    initiative.title = schema.string(keys["title"], what: "title")
    initiative.municipality = schema.string(keys["municipality"], what: "municipality")
    initiative.municipalitySpan = keys["municipality"]?.span
    initiative.description = schema.string(keys["description"], what: "description")
    initiative.language = schema.string(keys["language"], what: "language")
    if let language = initiative.language, !Self.languages.contains(language), let node = keys["language"] {
      schema.error(
        RulebookDiagnostics.badFactValue, "language must be 'nl' or 'en', not '\(language)'", at: node.span,
        help: "write 'nl' for an answer in Dutch or 'en' for one in English")
      initiative.language = nil
    }
    initiative.date = schema.date(keys["date"], what: "date")
    initiative.endDate = schema.date(keys["end_date"], what: "end_date")
    if let period = keys["period"], let periodKeys = schema.mapping(period, allowed: ["from", "until"], what: "period") {
      initiative.date = schema.date(periodKeys["from"], what: "from") ?? initiative.date
      initiative.endDate = schema.date(periodKeys["until"], what: "until")
    }
    if let facts = keys["facts"] {
      initiative.facts = Self.facts(facts, schema: &schema)
    } else if !flat.isEmpty {
      initiative.facts = Self.facts(YAMLNode(.mapping(flat), span: root.span), schema: &schema)
    }
    return (initiative, schema.diagnostics)
  }

  /// The text of an amount written as `{number: 750, unit: EUR}` (see
  /// `InputValueParser.measureText`); nil for any other mapping.
  static func measure(_ members: [YAMLPair]) -> String? {
    guard members.count == 2, let number = members.first(where: { $0.key.scalar == "number" })?.value.scalar,
      let unit = members.first(where: { $0.key.scalar == "unit" })?.value.scalar
    else { return nil }
    return InputValueParser.measureText(number: number, unit: unit)
  }

  /// The raw facts of a `facts` mapping (`name: value` or `name: [values]`); a mapping as a
  /// value, or facts that are not a mapping, are errors at their position.
  public static func facts(_ node: YAMLNode, schema: inout SchemaReader) -> [RawFact] {
    guard let pairs = node.mapping else {
      if !node.isNull {
        schema.error(
          RulebookDiagnostics.initiativeShape, "facts must be a mapping, found a \(node.kindName)", at: node.span,
          help: "write 'facts:' with one 'name: value' per line")
      }
      return []
    }
    return pairs.compactMap { pair in
      guard let name = pair.key.scalar else { return nil }
      if let items = pair.value.sequence {
        return RawFact(
          name: name, text: nil, items: items.map { ($0.scalar ?? "", $0.span) }, nameSpan: pair.key.span, valueSpan: pair.value.span)
      }
      if let members = pair.value.mapping {
        // An amount with its unit as the JSON answer writes it: {number: 750, unit: EUR}.
        if let text = Self.measure(members) { return RawFact(name: name, text: text, nameSpan: pair.key.span, valueSpan: pair.value.span) }
        schema.error(
          RulebookDiagnostics.badFactValue, "fact '\(name)' must be a value or a list, found a mapping", at: pair.value.span,
          help: "write the value itself, like 200, 23:00 or EUR 750; an amount with a unit may be written {number: 750, unit: EUR}")
        return nil
      }
      return RawFact(name: name, text: pair.value.isNull ? nil : pair.value.scalar, nameSpan: pair.key.span, valueSpan: pair.value.span)
    }
  }
}
