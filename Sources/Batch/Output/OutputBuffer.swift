import Engine
import Reports
import Room
import Rulebook

/// The formats of batch output.
public enum OutputFormat: String, Sendable, CaseIterable {
  case jsonl
  case csv

  /// The CSV header line.
  static let csvHeader = "record,id,rulebook,verdict,determined,applies,undetermined,error_code,error_message,error_line,error_column\n"
}

/// Output records written straight into bytes, one line each.
struct OutputBuffer {
  var bytes: [UInt8] = []

  /// A record's id as given: a JSON number stays a number.
  enum ID {
    case none
    case raw([UInt8])
    case text(String)

    var text: String? {
      switch self {
      case .none: nil
      case .raw(let bytes): String(decoding: bytes, as: UTF8.self)
      case .text(let text): text
      }
    }
  }

  mutating func write(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  mutating func write(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func writeInt(_ value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      writeInt(-value)
      return
    }
    if value >= 10 { writeInt(value / 10) }
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  /// A JSON string literal: text that needs no escape (rule ids, verdicts) is copied at once.
  mutating func writeJSONString(_ text: String) {
    var text = text
    let plain = text.withUTF8 { utf8 in
      guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
      bytes.append(UInt8(ascii: "\""))
      bytes.append(contentsOf: utf8)
      bytes.append(UInt8(ascii: "\""))
      return true
    }
    if !plain { JSONValue.escape(text, into: &bytes) }
  }

  mutating func writeID(_ id: ID) {
    switch id {
    case .none: write("null")
    case .raw(let raw): bytes.append(contentsOf: raw)
    case .text(let text): writeJSONString(text)
    }
  }

  mutating func writeResult(
    number: Int, id: ID, rulebook: String, decision: Decision, rules: [CompiledRule], applying: [Int], undetermined: [Int],
    room: RoomAnalysis? = nil, format: OutputFormat
  ) {
    switch format {
    case .jsonl:
      write("{\"record\":")
      writeInt(number)
      write(",\"id\":")
      writeID(id)
      write(",\"rulebook\":")
      writeJSONString(rulebook)
      write(",\"verdict\":\"")
      write(decision.level.rawValue)
      write(decision.determined ? "\",\"determined\":true,\"applies\":[" : "\",\"determined\":false,\"applies\":[")
      writeRuleIDs(applying, rules)
      write("]")
      if !decision.determined {
        write(",\"undetermined\":[")
        writeRuleIDs(undetermined, rules)
        write("],\"possible\":[")
        let levels = VerdictLevel.allCases.filter { decision.possibleLevels & (1 << $0.rank) != 0 }
        writeList(levels.map(\.rawValue))
        write("]")
      }
      if let room { writeRoom(room) }
      write("}\n")
    case .csv:
      writeInt(number)
      write(",")
      writeCSV(id.text ?? "")
      write(",")
      writeCSV(rulebook)
      write(",\(decision.level.rawValue),\(decision.determined),")
      writeCSV(applying.map { rules[$0].rule.id }.joined(separator: " "))
      write(",")
      writeCSV(undetermined.map { rules[$0].rule.id }.joined(separator: " "))
      write(",,,,\n")
    }
  }

  /// The room of a record: its adjustments and the questions still to ask.
  mutating func writeRoom(_ room: RoomAnalysis) {
    write(",\"adjustments\":[")
    for (index, adjustment) in room.adjustments.enumerated() {
      if index > 0 { write(",") }
      write("{\"changes\":[")
      for (position, change) in adjustment.changes.enumerated() {
        if position > 0 { write(",") }
        write("{\"fact\":")
        writeJSONString(change.fact)
        write(",\"from\":")
        writeJSONString(change.from.description)
        write(",\"to\":")
        writeJSONString(change.to.description)
        write("}")
      }
      write("],\"verdict_after\":{\"level\":\"\(adjustment.verdictAfter.level.rawValue)\"},\"exact\":\(adjustment.exact)}")
    }
    write("],\"questions\":[")
    writeList(room.questions)
    write("]")
  }

  mutating func writeRuleIDs(_ indices: [Int], _ rules: [CompiledRule]) {
    for (position, index) in indices.enumerated() {
      if position > 0 { bytes.append(UInt8(ascii: ",")) }
      writeJSONString(rules[index].rule.id)
    }
  }

  mutating func writeList(_ items: [String]) {
    for (index, item) in items.enumerated() {
      if index > 0 { write(",") }
      writeJSONString(item)
    }
  }

  mutating func writeFailure(
    number: Int, id: String?, path: String, line: Int, column: Int, code: String, message: String, help: String?, format: OutputFormat
  ) {
    switch format {
    case .jsonl:
      write("{\"record\":")
      writeInt(number)
      write(",\"id\":")
      if let id { writeJSONString(id) } else { write("null") }
      write(",\"error\":{\"code\":")
      writeJSONString(code)
      write(",\"message\":")
      writeJSONString(message)
      write(",\"path\":")
      writeJSONString(path)
      write(",\"line\":")
      writeInt(line)
      write(",\"column\":")
      writeInt(column)
      if let help {
        write(",\"help\":")
        writeJSONString(help)
      }
      write("}}\n")
    case .csv:
      writeInt(number)
      write(",")
      writeCSV(id ?? "")
      write(",,error,,,,")
      writeCSV(code)
      write(",")
      writeCSV(message)
      write(",\(line),\(column)\n")
    }
  }

  /// A CSV field, quoted when it holds a separator, quote or line break.
  mutating func writeCSV(_ field: String) {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return write(field) }
    write("\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"")
  }
}
