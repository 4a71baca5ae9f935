import Engine
import Rulebook
import RuleLanguage
import SourceDiagnostics

extension RecordProcessor {
  static let initiativeKeys: [[UInt8]] = ["id", "title", "municipality", "date", "end_date", "description", "language", "facts", "period"].map { Array($0.utf8) }

  /// The fast path for a JSON line: parse into members, bind by slot tables, decide.
  mutating func processJSON(_ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int, number: Int, into out: inout OutputBuffer) -> RecordStatus {
    var parser = JSONRecordParser(bytes)
    do {
      try parser.parseObject(into: &members)
      try parser.expectEnd()
    } catch {
      return fail(number: number, id: nil, path: path, line: line, column: column(bytes, error.offset), code: "batch.json",
        message: error.message, help: "each line must hold one JSON object", into: &out)
    }
    var id: OutputBuffer.ID = .none
    var municipality: String?
    var day: CalendarDay?
    var nested: Int?
    for (index, member) in members.enumerated() {
      switch key(member, bytes) {
      case "id":
        switch member.value {
        case .number(let start, let end): id = .raw(Array(bytes[start..<end]))
        case .string(let start, let end, let escaped): id = .text(escaped ? JSONValueReader.unescape(bytes, start, end) : JSONValueReader.text(bytes, start, end))
        default: break
        }
      case "municipality":
        if case .string(let start, let end, _) = member.value { municipality = JSONValueReader.text(bytes, start, end) }
      case "date":
        if case .string(let start, let end, _) = member.value {
          day = InputValueParser.date(JSONValueReader.text(bytes, start, end))
          if day == nil {
            return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.valueStart), code: "initiative.bad-value",
              message: "date '\(JSONValueReader.text(bytes, start, end))' is not an existing date", help: "write it like '2026-07-04'", into: &out)
          }
        }
      case "facts":
        nested = index
      default:
        break
      }
    }
    guard let book = context.rulebook(for: municipality) else {
      return fail(number: number, id: id.text, path: path, line: line, column: 1, code: "batch.no-rulebook",
        message: context.noRulebookMessage(municipality), help: context.rulebookHelp, into: &out)
    }
    facts.values.removeAll(keepingCapacity: true)
    facts.values.append(contentsOf: repeatElement(.unknown, count: book.compiled.facts.count))
    if let day { facts[book.compiled.dateSlot] = .date(day) }
    // Facts are the members of a nested `facts` object, or the record's own other members.
    if let nested {
      guard case .object(let start) = members[nested].value else {
        return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, members[nested].valueStart),
          code: "initiative.shape", message: "facts must be an object", help: nil, into: &out)
      }
      var inner = JSONRecordParser(bytes)
      inner.position = start
      do { try inner.parseObject(into: &factMembers) } catch {
        return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, error.offset), code: "batch.json",
          message: error.message, help: nil, into: &out)
      }
    } else {
      factMembers.removeAll(keepingCapacity: true)
      for member in members where !isInitiativeKey(member, bytes) { factMembers.append(member) }
    }
    for member in factMembers {
      guard let entryIndex = book.slots.entry(bytes, member.keyStart, member.keyEnd) else {
        let name = JSONValueReader.text(bytes, member.keyStart, member.keyEnd)
        return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.keyStart - 1),
          code: RulebookDiagnostics.unknownFact, message: "unknown fact '\(name)'",
          help: Suggestions.didYouMean(name, in: book.compiled.facts.map(\.name)), into: &out)
      }
      let entry = book.slots.entries[entryIndex]
      switch JSONValueReader.value(member.value, entry, bytes) {
      case .success(let value):
        if entry.outOfRange(value), let problem = FactBinder.rangeProblem(value, book.compiled.facts[entry.slot]) {
          return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.valueStart),
            code: RulebookDiagnostics.outOfRange, message: problem, help: "check the value", into: &out)
        }
        facts.values[entry.slot] = value
      case .failure(let problem):
        return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.valueStart),
          code: RulebookDiagnostics.badFactValue, message: "fact '\(String(decoding: entry.name, as: UTF8.self))': \(problem.message)",
          help: problem.help, into: &out)
      }
    }
    FactBinder.normalise(&facts, rulebook: book.compiled)
    return emit(number: number, id: id, rulebook: book, facts: facts, day: context.asOf ?? day, into: &out)
  }

  /// A short key of the initiative's own (`id`, `facts`, ...) or "" for a fact name.
  func key(_ member: JSONMember, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
    isInitiativeKey(member, bytes) ? JSONValueReader.text(bytes, member.keyStart, member.keyEnd) : ""
  }

  func isInitiativeKey(_ member: JSONMember, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let length = member.keyEnd - member.keyStart
    for key in Self.initiativeKeys where key.count == length {
      var i = 0
      while i < length, key[i] == bytes[member.keyStart + i] { i += 1 }
      if i == length { return true }
    }
    return false
  }

  /// The 1-based column (in Unicode scalars) of a byte offset in the line.
  func column(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
    var column = 1
    var i = 0
    while i < min(offset, bytes.count) {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return column
  }
}
