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

/// The fixed parts of a rulebook's output records, escaped once when the batch starts: its id,
/// each verdict, and each rule's id per epoch. A record's line is then mostly copies of these.
/// They are kept in one block of bytes with a table of where each piece starts, so that writing
/// them involves no reference counting; immutable after `init`.
final class OutputFragments: @unchecked Sendable {
  private let bytes: UnsafeMutableBufferPointer<UInt8>
  /// Piece `i` is `bytes[starts[i]..<starts[i + 1]]`: piece 0 is `,"rulebook":"ID","verdict":"`;
  /// pieces 1 to 12, by `VerdictLevel.rank * 2 + (determined ? 1 : 0)`, are
  /// `LEVEL","determined":BOOL,"applies":[`; then each epoch's rule ids as JSON strings.
  private let starts: UnsafeMutableBufferPointer<Int>
  /// The piece of each epoch's first rule.
  private let epochStarts: [Int]

  init(_ rulebook: CompiledRulebook) {
    var all = Array(#","rulebook":"#.utf8)
    JSONValue.escape(rulebook.id, into: &all)
    all += Array(#","verdict":""#.utf8)
    var starts = [0, all.count]
    for level in VerdictLevel.allCases.sorted(by: { $0.rank < $1.rank }) {
      for determined in [false, true] {
        all += Array("\(level.rawValue)\",\"determined\":\(determined),\"applies\":[".utf8)
        starts.append(all.count)
      }
    }
    var epochStarts: [Int] = []
    for epoch in rulebook.epochs {
      epochStarts.append(starts.count - 1)
      for rule in epoch.rules {
        JSONValue.escape(rule.rule.id, into: &all)
        starts.append(all.count)
      }
    }
    self.epochStarts = epochStarts
    bytes = .allocate(capacity: max(all.count, 1))
    _ = bytes.initialize(from: all)
    self.starts = .allocate(capacity: starts.count)
    _ = self.starts.initialize(from: starts)
  }

  deinit {
    bytes.deallocate()
    starts.deallocate()
  }

  @inline(__always)
  func piece(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: bytes.baseAddress! + starts[index], count: starts[index + 1] - starts[index])
  }

  var rulebook: UnsafeBufferPointer<UInt8> { piece(0) }

  @inline(__always)
  func verdict(_ decision: Decision) -> UnsafeBufferPointer<UInt8> {
    piece(1 + decision.level.rank * 2 + (decision.determined ? 1 : 0))
  }

  /// The piece of rule 0 of `epoch`; rule `i` is `piece(ruleBase(epoch) + i)`.
  @inline(__always)
  func ruleBase(_ epoch: Int) -> Int { epochStarts[epoch] }
}

/// A record's `room` and `questions` members: rendered by the answer's own JSON renderer when
/// there are adjustments to put in words, written directly when there are none.
enum RoomMembers {
  case rendered(ArraySlice<UInt8>)
  case questionsOnly([String])
}

/// Output records written straight into bytes, one line each: a growable buffer written through
/// a pointer, so that each piece costs one capacity check and one copy. One per worker, reused
/// for every chunk.
final class OutputBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  /// Keeps another worker's buffer, allocated next to this one, off the cache lines of `count`.
  private let padding: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

  init(capacity: Int = 1 << 16) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// What has been written.
  var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// What has been written, as text (for tests and messages).
  var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

  /// Starts again from empty, keeping the memory.
  func removeAll() { count = 0 }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  private func grow(to needed: Int) {
    var size = capacity * 2
    while size < needed { size *= 2 }
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    larger.update(from: base, count: count)
    base.deallocate()
    base = larger
    capacity = size
  }

  @inline(__always)
  func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always)
  func append(_ piece: UnsafeBufferPointer<UInt8>) {
    guard let start = piece.baseAddress, piece.count > 0 else { return }
    reserve(piece.count)
    (base + count).update(from: start, count: piece.count)
    count += piece.count
  }

  @inline(__always)
  func append(_ piece: [UInt8]) {
    piece.withUnsafeBufferPointer { append($0) }
  }

  /// A record's id as given: a JSON number stays a number.
  enum ID {
    case none
    /// A number as written in the record's line (valid while the record is processed).
    case raw(UnsafeBufferPointer<UInt8>)
    case text(String)

    var text: String? {
      switch self {
      case .none: nil
      case .raw(let bytes): String(decoding: bytes, as: UTF8.self)
      case .text(let text): text
      }
    }
  }

  func writeText(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  func write(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  func writeInt(_ value: Int) {
    guard value >= 0 else {
      append(UInt8(ascii: "-"))
      // Int.min has no positive counterpart: its digits come from the magnitude.
      return writeDigits(value.magnitude)
    }
    writeDigits(UInt(value))
  }

  private func writeDigits(_ value: UInt) {
    reserve(20)
    var digits = 1
    var rest = value
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    rest = value
    var position = count + digits - 1
    repeat {
      base[position] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
      position -= 1
    } while rest > 0
    count += digits
  }

  /// A JSON string literal: text that needs no escape (rule ids, verdicts) is copied at once.
  func writeJSONString(_ text: String) {
    var text = text
    let plain = text.withUTF8 { utf8 in
      guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
      reserve(utf8.count + 2)
      append(UInt8(ascii: "\""))
      append(utf8)
      append(UInt8(ascii: "\""))
      return true
    }
    if !plain {
      var escaped: [UInt8] = []
      JSONValue.escape(text, into: &escaped)
      append(escaped)
    }
  }

  func writeID(_ id: ID) {
    switch id {
    case .none: write("null")
    case .raw(let raw): append(raw)
    case .text(let text): writeJSONString(text)
    }
  }

  /// A record's verdict in JSON Lines, from the rulebook's prepared fragments; the rulebook as
  /// an object with `fallback: true` when the model answered (as `check --format json` has it).
  func writeResult(
    number: Int, id: ID, fragments: OutputFragments, epoch: Int, decision: Decision, applying: [Int], undetermined: [Int],
    room: RoomMembers?, fallback: RulebookSelection? = nil
  ) {
    write("{\"record\":")
    writeInt(number)
    write(",\"id\":")
    writeID(id)
    if let fallback {
      write(",\"rulebook\":{\"id\":")
      writeJSONString(fallback.rulebookID)
      write(",\"fallback\":true")
      if let municipality = fallback.municipality {
        write(",\"municipality\":{\"code\":")
        writeJSONString(municipality.code)
        write(",\"name\":")
        writeJSONString(municipality.name)
        write("}")
      }
      write("},\"verdict\":\"")
    } else {
      append(fragments.rulebook)
    }
    append(fragments.verdict(decision))
    let base = fragments.ruleBase(epoch)
    writeRuleIDs(applying, fragments, base)
    append(UInt8(ascii: "]"))
    if !decision.determined {
      write(",\"undetermined\":[")
      writeRuleIDs(undetermined, fragments, base)
      write("],\"possible\":[")
      let levels = VerdictLevel.allCases.filter { decision.possibleLevels & (1 << $0.rank) != 0 }
      writeList(levels.map(\.rawValue))
      write("]")
    }
    if let room { writeRoom(room) }
    write("}\n")
  }

  /// Rule ids by index, separated by commas.
  @inline(__always)
  private func writeRuleIDs(_ indices: [Int], _ fragments: OutputFragments, _ base: Int) {
    for (position, index) in indices.enumerated() {
      if position > 0 { append(UInt8(ascii: ",")) }
      append(fragments.piece(base + index))
    }
  }

  /// A record's verdict as a CSV row.
  func writeCSVResult(number: Int, id: ID, rulebook: String, decision: Decision, rules: [CompiledRule], applying: [Int], undetermined: [Int]) {
    writeInt(number)
    write(",")
    writeCSV(id.text ?? "")
    write(",")
    writeCSV(rulebook)
    writeText(",\(decision.level.rawValue),\(decision.determined),")
    writeCSV(applying.map { rules[$0].rule.id }.joined(separator: " "))
    write(",")
    writeCSV(undetermined.map { rules[$0].rule.id }.joined(separator: " "))
    write(",,,,\n")
  }

  /// The room of a record (its adjustments) and the questions still to ask, as the members
  /// `"room":[…],"questions":[…]` rendered the way `check --format json` renders them.
  func writeRoom(_ room: RoomMembers) {
    switch room {
    case .rendered(let members):
      append(UInt8(ascii: ","))
      append(Array(members))
    case .questionsOnly(let questions):
      write(",\"room\":[],\"questions\":[")
      writeList(questions)
      write("]")
    }
  }

  func writeList(_ items: [String]) {
    for (index, item) in items.enumerated() {
      if index > 0 { write(",") }
      writeJSONString(item)
    }
  }

  func writeFailure(
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
      writeText(",\(line),\(column)\n")
    }
  }

  /// A CSV field, quoted when it holds a separator, quote or line break.
  func writeCSV(_ field: String) {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return writeText(field) }
    writeText("\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"")
  }
}
