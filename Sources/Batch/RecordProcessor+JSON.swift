import Engine
import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics

extension RecordProcessor {
  /// The keys of an initiative itself; every other top-level key of a flat record is a fact.
  enum InitiativeKey: String, CaseIterable {
    case id, title, municipality, date, description, language, facts, period
    case endDate = "end_date"

    /// The key in `bytes[start..<end]`, if it is one of the initiative's own: by its length, then
    /// by comparing its bytes as whole little-endian words (`0x6469` is `id`).
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> InitiativeKey? {
      let key = UnsafeRawPointer(bytes.baseAddress! + start)
      switch end - start {
      case 2: return key.loadUnaligned(as: UInt16.self) == 0x6469 ? .id : nil
      case 4: return key.loadUnaligned(as: UInt32.self) == 0x6574_6164 ? .date : nil
      case 5:
        let head = key.loadUnaligned(as: UInt32.self)
        let last = key.load(fromByteOffset: 4, as: UInt8.self)
        if head == 0x6c74_6974, last == UInt8(ascii: "e") { return .title }
        if head == 0x7463_6166, last == UInt8(ascii: "s") { return .facts }
        return nil
      case 6:
        return key.loadUnaligned(as: UInt32.self) == 0x6972_6570 && key.loadUnaligned(fromByteOffset: 4, as: UInt16.self) == 0x646f
          ? .period : nil
      case 8:
        let whole = key.loadUnaligned(as: UInt64.self)
        return whole == 0x6567_6175_676e_616c ? .language : whole == 0x6574_6164_5f64_6e65 ? .endDate : nil
      case 11:
        return key.loadUnaligned(as: UInt64.self) == 0x7470_6972_6373_6564 && key.loadUnaligned(fromByteOffset: 7, as: UInt32.self) == 0x6e6f_6974
          ? .description : nil
      case 12:
        return key.loadUnaligned(as: UInt64.self) == 0x6170_6963_696e_756d && key.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == 0x7974_696c
          ? .municipality : nil
      default: return nil
      }
    }
  }

  /// The fast path for a JSON line: parse into members, bind by slot tables, decide.
  mutating func processJSON(_ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int, number: Int, into out: OutputBuffer) -> RecordStatus {
    if let book = context.soleBook, let (id, day) = bindInOnePass(bytes, book: book) {
      FactBinder.normalise(&facts, rulebook: book.compiled)
      let source: RecordSourceText? = context.details ? .json(JSONValueReader.text(bytes, 0, bytes.count)) : nil
      return emit(number: number, id: id, rulebook: book, facts: facts, day: context.asOf ?? day, source: source, into: out)
    }
    var parser = JSONRecordParser(bytes)
    do {
      try parser.parseObject(into: &members)
      try parser.expectEnd()
    } catch {
      return fail(number: number, id: nil, path: path, line: line, column: column(bytes, error.offset), code: "batch.json",
        message: error.message, help: "each line must hold one JSON object", into: out)
    }
    var id: OutputBuffer.ID = .none
    var municipality: String?
    var day: CalendarDay?
    var nested: Int?
    factMembers.removeAll(keepingCapacity: true)
    for (index, member) in members.enumerated() {
      switch InitiativeKey.classify(bytes, member.keyStart, member.keyEnd) {
      case nil:
        factMembers.append(member)
      case .id:
        switch member.value {
        case .number(let start, let end): id = .raw(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        case .string(let start, let end, let escaped): id = .text(escaped ? JSONValueReader.unescape(bytes, start, end) : JSONValueReader.text(bytes, start, end))
        default: break
        }
      case .municipality:
        if case .string(let start, let end, _) = member.value { municipality = JSONValueReader.text(bytes, start, end) }
      case .date:
        if case .string(let start, let end, _) = member.value {
          day = InputValueParser.date(JSONValueReader.text(bytes, start, end))
          if day == nil {
            return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.valueStart), code: "initiative.bad-value",
              message: "date '\(JSONValueReader.text(bytes, start, end))' is not an existing date", help: "write it like '2026-07-04'", into: out)
          }
        }
      case .facts:
        nested = index
      case .language:
        if case .string(let start, let end, _) = member.value, !InitiativeReader.languages.contains(JSONValueReader.text(bytes, start, end)) {
          let language = JSONValueReader.text(bytes, start, end)
          return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.valueStart),
            code: RulebookDiagnostics.badFactValue, message: "language must be 'nl' or 'en', not '\(language)'",
            help: "write 'nl' for an answer in Dutch or 'en' for one in English", into: out)
        }
      case .title, .description, .period, .endDate:
        break
      }
    }
    guard let (book, fallback) = context.select(municipality) else {
      return fail(number: number, id: id.text, path: path, line: line, column: 1, code: "batch.no-rulebook",
        message: context.noRulebookMessage(municipality), help: context.rulebookHelp(municipality), into: out)
    }
    facts.values.removeAll(keepingCapacity: true)
    facts.values.append(contentsOf: repeatElement(.unknown, count: book.compiled.facts.count))
    if let day { facts[book.compiled.dateSlot] = .date(day) }
    // Facts are the members of a nested `facts` object, or the record's own other members.
    if let nested {
      guard case .object(let start) = members[nested].value else {
        return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, members[nested].valueStart),
          code: "initiative.shape", message: "facts must be an object", help: nil, into: out)
      }
      var inner = JSONRecordParser(bytes)
      inner.position = start
      do { try inner.parseObject(into: &factMembers) } catch {
        return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, error.offset), code: "batch.json",
          message: error.message, help: nil, into: out)
      }
    }
    for member in factMembers {
      guard let entryIndex = book.slots.entry(bytes, member.keyStart, member.keyEnd) else {
        let name = JSONValueReader.text(bytes, member.keyStart, member.keyEnd)
        return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.keyStart - 1),
          code: RulebookDiagnostics.unknownFact, message: "unknown fact '\(name)'",
          help: Suggestions.didYouMean(name, in: book.compiled.facts.map(\.name)), into: out)
      }
      let entry = book.slots.entries[entryIndex]
      switch JSONValueReader.value(member.value, entry, bytes) {
      case .success(let value):
        if entry.outOfRange(value), let problem = FactBinder.rangeProblem(value, book.compiled.facts[entry.slot]) {
          return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.valueStart),
            code: RulebookDiagnostics.outOfRange, message: problem, help: "check the value", into: out)
        }
        facts.values[entry.slot] = value
      case .failure(let problem):
        return fail(number: number, id: id.text, path: path, line: line, column: column(bytes, member.valueStart),
          code: RulebookDiagnostics.badFactValue, message: "fact '\(String(decoding: entry.name, as: UTF8.self))': \(problem.message)",
          help: problem.help, into: out)
      }
    }
    FactBinder.normalise(&facts, rulebook: book.compiled)
    let source: RecordSourceText? = context.details ? .json(JSONValueReader.text(bytes, 0, bytes.count)) : nil
    return emit(number: number, id: id, rulebook: book, facts: facts, day: context.asOf ?? day, source: source, fallback: fallback, into: out)
  }

  /// Binds a flat record in one pass, each fact as its key is read, when the rulebook is known
  /// before reading (`BatchContext.soleBook`). Gives the record's id and date, or `nil` for
  /// anything else: a syntax error, a nested `facts` object, another municipality's rulebook, an
  /// unknown fact, a value that does not fit. The general path then reads the line again and
  /// says what is wrong, so what a record yields never depends on which path read it.
  mutating func bindInOnePass(_ bytes: UnsafeBufferPointer<UInt8>, book: BatchContext.Book) -> (OutputBuffer.ID, CalendarDay?)? {
    facts.values.removeAll(keepingCapacity: true)
    facts.values.append(contentsOf: repeatElement(.unknown, count: book.compiled.facts.count))
    var parser = JSONRecordParser(bytes)
    var id: OutputBuffer.ID = .none
    var day: CalendarDay?
    var dateBound = false
    parser.skipSpace()
    guard parser.peek == UInt8(ascii: "{") else { return nil }
    parser.position += 1
    parser.skipSpace()
    if parser.peek == UInt8(ascii: "}") {
      parser.position += 1
    } else {
      while true {
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "\""), let (keyStart, keyEnd, keyEscaped) = try? parser.parseString(), !keyEscaped else { return nil }
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: ":") else { return nil }
        parser.position += 1
        parser.skipSpace()
        guard let token = try? parser.parseValue(depth: 0) else { return nil }
        switch InitiativeKey.classify(bytes, keyStart, keyEnd) {
        case nil:
          guard let entryIndex = book.slots.entry(bytes, keyStart, keyEnd) else { return nil }
          let entry = book.slots.entries[entryIndex]
          guard case .success(let value) = JSONValueReader.value(token, entry, bytes) else { return nil }
          if entry.outOfRange(value), FactBinder.rangeProblem(value, book.compiled.facts[entry.slot]) != nil { return nil }
          facts.values[entry.slot] = value
          if entry.slot == book.compiled.dateSlot { dateBound = true }
        case .id:
          switch token {
          case .number(let start, let end): id = .raw(UnsafeBufferPointer(rebasing: bytes[start..<end]))
          case .string(let start, let end, let escaped):
            id = .text(escaped ? JSONValueReader.unescape(bytes, start, end) : JSONValueReader.text(bytes, start, end))
          default: break
          }
        case .municipality:
          if case .string(let start, let end, _) = token {
            // A fallback is stated in the record, which the general path writes.
            guard let chosen = context.select(JSONValueReader.text(bytes, start, end)), chosen.book === book, chosen.fallback == nil else {
              return nil
            }
          }
        case .date:
          if case .string(let start, let end, _) = token {
            guard let parsed = InputValueParser.date(JSONValueReader.text(bytes, start, end)) else { return nil }
            day = parsed
          }
        case .facts:
          return nil
        case .language:
          // A language the answer is not given in is reported by the general path.
          if case .string(let start, let end, _) = token, !InitiativeReader.languages.contains(JSONValueReader.text(bytes, start, end)) {
            return nil
          }
        case .title, .description, .period, .endDate:
          break
        }
        parser.skipSpace()
        if parser.peek == UInt8(ascii: ",") {
          parser.position += 1
          continue
        }
        guard parser.peek == UInt8(ascii: "}") else { return nil }
        parser.position += 1
        break
      }
    }
    guard (try? parser.expectEnd()) != nil else { return nil }
    // As the general path does: the date first, then a fact given under the date's own name.
    if let day, !dateBound { facts[book.compiled.dateSlot] = .date(day) }
    return (id, day)
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
