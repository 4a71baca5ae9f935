import Foundation

extension MunicipalComparison {
  /// A cell of a table: `·` where the rulebook keeps the model's, else its departure.
  static func cell(_ departure: Departure?) -> String {
    guard let departure else { return "·" }
    switch departure.kind {
    case .value: return departure.text
    case .changed: return "changed: " + departure.text
    case .removed: return "removed"
    case .added: return "own: " + departure.text
    }
  }

  var header: String {
    "Compared with \(model): \(rulebooks.joined(separator: ", ")) (\(rulebooks.count))"
  }

  static let legend = "· as in the model; * the rulebooks differ from each other, not only from the model"

  /// Tables for a terminal: one for the parameters, one for the rules; long cells are cut.
  public var text: String {
    var out = header + "\n" + Self.legend + "\n"
    for (title, rows) in [("parameter", parameters), ("definition", definitions), ("rule", rules)] {
      out += "\n"
      // A definition is an expression too long for a column: the table says who rewrites it.
      let brief = title == "definition"
      let table = [[title, model] + rulebooks] + rows.map { row in
        [row.name + (row.rulebooksDiffer ? " *" : ""), row.model.map { brief ? "defined" : $0 } ?? "—"]
          + row.departures.map { brief ? $0.map { $0.kind == .added ? "own" : "rewritten" } ?? "·" : Self.cell($0) }
      }
      out += Self.aligned(table.map { row in [row[0]] + row.dropFirst().map { Self.cut($0, 28) } })
      if rows.isEmpty { out += "  (none departs)\n" }
    }
    return out
  }

  static func cut(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(width - 1)) + "…"
  }

  static func aligned(_ table: [[String]]) -> String {
    let widths = (0..<(table.first?.count ?? 0)).map { column in table.map { $0[column].count }.max() ?? 0 }
    return table.map { row in
      zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
        .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
    }.joined()
  }

  /// Markdown tables, cells in full.
  public var markdown: String {
    var out = "# \(header)\n\n\(Self.legend).\n"
    for (title, rows) in [("Parameters", parameters), ("Definitions", definitions), ("Rules", rules)] {
      out += "\n## \(title)\n\n"
      guard !rows.isEmpty else {
        out += "None departs.\n"
        continue
      }
      out += "| \(title.dropLast().lowercased()) | citation | \(model) | " + rulebooks.joined(separator: " | ") + " |\n"
      out += "|" + String(repeating: " --- |", count: rulebooks.count + 3) + "\n"
      for row in rows {
        let cells = [row.name + (row.rulebooksDiffer ? " \\*" : ""), row.citation ?? "", row.model ?? "—"] + row.departures.map(Self.cell)
        out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
      }
    }
    return out
  }

  /// JSON (snake_case, sorted keys): `{model, rulebooks, parameters, definitions, rules}`, each row
  /// `{parameter|definition|rule, citation, model, rulebooks_differ, departures: {id: {kind, value|fields}}}`.
  public func json() throws -> String {
    struct Entry: Encodable {
      var key: String, name: String, citation: String?, model: String?, differ: Bool, departures: [String: Departure]
      enum Keys: String, CodingKey { case citation, model, departures, rulebooksDiffer = "rulebooks_differ" }
      struct NameKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
      }
      func encode(to encoder: any Encoder) throws {
        var named = encoder.container(keyedBy: NameKey.self)
        try named.encode(name, forKey: NameKey(stringValue: key))
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(citation, forKey: .citation)
        try container.encode(model, forKey: .model)
        try container.encode(differ, forKey: .rulebooksDiffer)
        try container.encode(departures, forKey: .departures)
      }
    }
    struct Wire: Encodable { var model: String, rulebooks: [String], parameters: [Entry], definitions: [Entry], rules: [Entry] }
    let entries = { (key: String, rows: [Row]) in
      rows.map { row in
        Entry(
          key: key, name: row.name, citation: row.citation, model: row.model, differ: row.rulebooksDiffer,
          departures: Dictionary(uniqueKeysWithValues: zip(rulebooks, row.departures).compactMap { id, departure in departure.map { (id, $0) } }))
      }
    }
    let wire = Wire(model: model, rulebooks: rulebooks, parameters: entries("parameter", parameters),
      definitions: entries("definition", definitions), rules: entries("rule", rules))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(wire), as: UTF8.self)
  }
}

extension MunicipalComparison.Departure: Encodable {
  enum Keys: String, CodingKey { case kind, value, fields }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(kind.rawValue, forKey: .kind)
    switch kind {
    case .value: try container.encode(text, forKey: .value)
    case .changed: try container.encode(text.components(separatedBy: ", "), forKey: .fields)
    case .added: try container.encode(text, forKey: .value)
    case .removed: break
    }
  }
}
