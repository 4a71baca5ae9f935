import Rulebook
import SourceDiagnostics
import YAMLTree

/// How a web form's CSV export maps to initiatives: which column holds the id, the
/// municipality, the date, and which fact each other column holds, with value mappings such
/// as `ja` → `true`.
public struct CSVMapping: Sendable {
  public struct Column: Sendable {
    public var fact: String
    /// Replacements applied before the value is parsed (`ja: true`).
    public var values: [String: String]
  }

  public var idColumn: String?
  public var municipalityColumn: String?
  public var dateColumn: String?
  public var titleColumn: String?
  /// The municipality of every row, when the export has no column for it.
  public var municipality: String?
  /// `;` or `,`; detected from the header when absent.
  public var delimiter: UInt8?
  public var columns: [String: Column]

  static let keys = ["id_column", "municipality_column", "date_column", "title_column", "municipality", "delimiter", "columns"]

  /// Reads a mapping file; problems are positioned diagnostics.
  public static func read(_ file: SourceFile) -> (CSVMapping?, [Diagnostic]) {
    let (root, diagnostics) = YAMLReader().readSingle(file)
    var schema = SchemaReader()
    schema.diagnostics = diagnostics
    guard let root, let keys = schema.mapping(root, allowed: keys, what: "a CSV mapping") else { return (nil, schema.diagnostics) }
    var mapping = CSVMapping(columns: [:])
    mapping.idColumn = schema.string(keys["id_column"], what: "id_column")
    mapping.municipalityColumn = schema.string(keys["municipality_column"], what: "municipality_column")
    mapping.dateColumn = schema.string(keys["date_column"], what: "date_column")
    mapping.titleColumn = schema.string(keys["title_column"], what: "title_column")
    mapping.municipality = schema.string(keys["municipality"], what: "municipality")
    if let delimiter = schema.string(keys["delimiter"], what: "delimiter") {
      mapping.delimiter = delimiter.utf8.count == 1 ? delimiter.utf8.first : nil
    }
    if let columns = keys["columns"] {
      for (header, _, value) in schema.namedEntries(columns, what: "columns", identifiers: false) {
        if let fact = value.scalar {
          mapping.columns[header] = Column(fact: fact, values: [:])
          continue
        }
        guard let columnKeys = schema.mapping(value, allowed: ["fact", "values"], what: "column '\(header)'"),
          let fact = schema.string(schema.required(columnKeys, "fact", in: value, what: "column '\(header)'"), what: "fact")
        else { continue }
        var values: [String: String] = [:]
        if let valueNode = columnKeys["values"] {
          for (from, _, to) in schema.namedEntries(valueNode, what: "values", identifiers: false) { values[from] = to.scalar ?? "" }
        }
        mapping.columns[header] = Column(fact: fact, values: values)
      }
    } else {
      schema.error(RulebookDiagnostics.missingKey, "a CSV mapping has no 'columns'", at: root.span, help: "map each column header to a fact")
    }
    return (mapping, schema.diagnostics)
  }
}
