import Engine
import Foundation
import SourceDiagnostics
import Rulebook
import YAMLTree

/// Rows of a CSV export (header row; `;` or `,` separated; quoted fields may hold separators
/// and line breaks) as initiatives, each value positioned at its row and column.
public struct CSVSource: RecordSource {
  let file: SourceFile
  let mapping: CSVMapping
  var header: [String] = []
  var position = 0
  var line = 1
  var delimiter: UInt8 = UInt8(ascii: ";")
  var started = false
  public var totalBytes: Int? { file.bytes.count }

  public init(path: String, mappingPath: String) throws {
    let (mappingFile, mappingProblems) = try YAMLSource.load(path: mappingPath)
    let (mapping, problems) = mappingProblems.isEmpty ? CSVMapping.read(mappingFile) : (nil, mappingProblems)
    guard let mapping, !problems.hasErrors else {
      throw BatchError.cannotRead(DiagnosticTextRenderer().render(problems))
    }
    let (file, sourceProblems) = try YAMLSource.load(path: path, limits: YAMLLimits(maxFileBytes: 1 << 30))
    guard sourceProblems.isEmpty else { throw BatchError.cannotRead(DiagnosticTextRenderer().render(sourceProblems)) }
    self.file = file
    self.mapping = mapping
  }

  public mutating func nextChunk(limit: Int) throws -> RecordChunk? {
    if !started {
      started = true
      let headerLine = readRow()
      guard let headerLine else { return nil }
      header = headerLine.map(\.text)
      if let unknown = mapping.columns.keys.sorted().first(where: { !header.contains($0) }) {
        throw BatchError.cannotRead("the mapping names column '\(unknown)', which the CSV header does not have (\(header.joined(separator: ", ")))")
      }
    }
    var chunk = RecordChunk()
    while chunk.items.count < limit, let rowLine = Optional(line), let row = readRow() {
      if row.count == 1 && row[0].text.isEmpty { continue }
      chunk.items.append(record(row, line: rowLine, index: chunk.items.count))
    }
    chunk.inputOffset = position
    return chunk.items.isEmpty ? nil : chunk
  }

  /// One field with where it is in the file.
  struct Field {
    var text: String
    var start: Int
    var end: Int
  }

  func record(_ row: [Field], line: Int, index: Int) -> RecordItem {
    guard row.count == header.count else {
      let span = file.span(row.first?.start ?? 0, row.last?.end ?? 0)
      return .initiative(path: file.path, line: line, nil, [
        .error("batch.csv", "row has \(row.count) fields, the header has \(header.count)", at: span, help: "check the separators and quotes of this row")
      ])
    }
    var initiative = Initiative(id: "\(file.path):\(line)", municipality: mapping.municipality, span: file.span(row[0].start, row[row.count - 1].end))
    var diagnostics: [Diagnostic] = []
    for (column, field) in zip(header, row) {
      let value = field.text.trimmingCharacters(in: .whitespaces)
      switch column {
      case mapping.idColumn: initiative.id = value
      case mapping.municipalityColumn: initiative.municipality = value.lowercased().replacingOccurrences(of: " ", with: "-")
      case mapping.titleColumn: initiative.title = value
      case mapping.dateColumn:
        initiative.date = InputValueParser.date(value)
        if initiative.date == nil, !value.isEmpty {
          diagnostics.append(.error("initiative.bad-value", "date '\(value)' is not an existing date", at: file.span(field.start, field.end), help: "write it like '2026-07-04' or '04-07-2026'"))
        }
      default:
        guard let target = mapping.columns[column], !value.isEmpty else { continue }
        let mapped = target.values[value] ?? target.values[value.lowercased()] ?? value
        initiative.facts.append(RawFact(name: target.fact, text: mapped, valueSpan: file.span(field.start, field.end)))
      }
    }
    return .initiative(path: file.path, line: line, initiative, diagnostics)
  }

  /// The next row's fields, or nil at the end of the file.
  mutating func readRow() -> [Field]? {
    let bytes = file.bytes
    guard position < bytes.count else { return nil }
    if !started || header.isEmpty, mapping.delimiter == nil {
      // Detect the separator from the first line: Dutch Excel writes ';'.
      var semicolons = 0
      var commas = 0
      var i = position
      while i < bytes.count, bytes[i] != 0x0A {
        if bytes[i] == UInt8(ascii: ";") { semicolons += 1 } else if bytes[i] == UInt8(ascii: ",") { commas += 1 }
        i += 1
      }
      delimiter = semicolons >= commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    } else if let fixed = mapping.delimiter {
      delimiter = fixed
    }
    var fields: [Field] = []
    var current: [UInt8] = []
    var fieldStart = position
    var quoted = false
    while position < bytes.count {
      let byte = bytes[position]
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
            current.append(byte)
            position += 2
            continue
          }
          quoted = false
        } else {
          if byte == 0x0A { line += 1 }
          current.append(byte)
        }
        position += 1
        continue
      }
      if byte == UInt8(ascii: "\"") && current.isEmpty {
        quoted = true
      } else if byte == delimiter {
        fields.append(Field(text: String(decoding: current, as: UTF8.self), start: fieldStart, end: position))
        current = []
        fieldStart = position + 1
      } else if byte == 0x0A || byte == 0x0D {
        fields.append(Field(text: String(decoding: current, as: UTF8.self), start: fieldStart, end: position))
        if byte == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
        return fields
      } else {
        current.append(byte)
      }
      position += 1
    }
    fields.append(Field(text: String(decoding: current, as: UTF8.self), start: fieldStart, end: position))
    return fields
  }
}
