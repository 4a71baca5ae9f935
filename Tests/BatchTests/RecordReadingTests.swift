@testable import Batch
import Foundation
import Rulebook
import Testing
import TestSupport

/// The byte-level readers of the JSON Lines fast path: key classification, the fact-name table
/// and string scanning, each against a plain reference.
@Suite struct RecordReadingTests {
  /// Runs `body` over the bytes of `text`.
  func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
    try Array(text.utf8).withUnsafeBufferPointer { try body($0) }
  }

  /// Every text that differs from `name` in one byte, or by one byte more or less.
  func neighbours(of name: String) -> [String] {
    let bytes = Array(name.utf8)
    var result: [String] = [String(decoding: bytes.dropLast(), as: UTF8.self), name + "x", "x" + name]
    for index in bytes.indices {
      var changed = bytes
      changed[index] = changed[index] == UInt8(ascii: "q") ? UInt8(ascii: "z") : UInt8(ascii: "q")
      result.append(String(decoding: changed, as: UTF8.self))
    }
    return result
  }

  @Test func initiativeKeysAreClassifiedByTheirExactBytes() {
    for key in RecordProcessor.InitiativeKey.allCases {
      #expect(withBytes(key.rawValue) { RecordProcessor.InitiativeKey.classify($0, 0, $0.count) } == key)
      for neighbour in neighbours(of: key.rawValue) where RecordProcessor.InitiativeKey(rawValue: neighbour) == nil {
        #expect(withBytes(neighbour) { RecordProcessor.InitiativeKey.classify($0, 0, $0.count) } == nil, "\(neighbour)")
      }
    }
    // Inside a longer line, at an offset.
    #expect(withBytes(#"{"municipality":"borne"}"#) { RecordProcessor.InitiativeKey.classify($0, 2, 14) } == .municipality)
    for fact in ["activity", "visitors", "zone", "days", "ab", "", "municipalitx"] {
      #expect(withBytes(fact) { RecordProcessor.InitiativeKey.classify($0, 0, $0.count) } == nil, "\(fact)")
    }
  }

  @Test func everyFactNameFindsItsSlotAndNoNeighbourDoes() throws {
    let library = try RulebookLibrary.load(path: repositoryRoot().appendingPathComponent("Rules").path)
    let rulebook = try #require(library.rulebook(for: "borne"))
    let table = FactSlotTable(rulebook: rulebook)
    let names = Set(rulebook.facts.map(\.name))
    // Names longer than 16 bytes are told apart by their middle bytes too.
    #expect(names.contains { $0.utf8.count > 16 })
    for (slot, fact) in rulebook.facts.enumerated() {
      let found = withBytes(fact.name) { table.entry($0, 0, $0.count) }
      #expect(found.map { table.entries[$0].slot } == slot, "\(fact.name)")
      for neighbour in neighbours(of: fact.name) where !names.contains(neighbour) {
        #expect(withBytes(neighbour) { table.entry($0, 0, $0.count) } == nil, "\(neighbour)")
      }
    }
    // A key inside a line, at an offset.
    let line = #"{"x":1,"\#(rulebook.facts[3].name)":2}"#
    let start = 8
    #expect(withBytes(line) { table.entry($0, start, start + rulebook.facts[3].name.utf8.count) }.map { table.entries[$0].slot } == 3)
  }

  @Test func stringsEndAtTheirQuoteWhereverEscapesAndControlCharactersFall() throws {
    for length in 0..<40 {
      let plain = String(repeating: "é", count: length / 3) + String(repeating: "a", count: length - length / 3)
      // A plain string, then one with an escaped quote and backslash at every position.
      var members: [JSONMember] = []
      try withBytes(#"{"k":"\#(plain)","n":1}"#) { bytes in
        var parser = JSONRecordParser(bytes)
        try parser.parseObject(into: &members)
        guard case .string(let start, let end, let escaped) = members[0].value else { return #expect(Bool(false)) }
        #expect(JSONValueReader.text(bytes, start, end) == plain)
        #expect(!escaped)
        #expect(members.count == 2)
      }
      for position in 0...plain.count {
        var text = plain
        text.insert(contentsOf: #"\"\\"#, at: text.index(text.startIndex, offsetBy: position))
        try withBytes(#"{"k":"\#(text)"}"#) { bytes in
          var parser = JSONRecordParser(bytes)
          try parser.parseObject(into: &members)
          guard case .string(let start, let end, let escaped) = members[0].value else { return #expect(Bool(false)) }
          #expect(escaped)
          var expected = plain
          expected.insert(contentsOf: #""\"#, at: expected.index(expected.startIndex, offsetBy: position))
          #expect(JSONValueReader.unescape(bytes, start, end) == expected)
        }
        // A raw control character is an error at its own offset.
        var broken = Array(#"{"k":""#.utf8) + Array(plain.utf8)
        let offset = 6 + Array(plain.prefix(position).utf8).count
        broken.insert(0x09, at: offset)
        broken += Array(#""}"#.utf8)
        broken.withUnsafeBufferPointer { bytes in
          var parser = JSONRecordParser(bytes)
          do {
            try parser.parseObject(into: &members)
            Issue.record("a control character at \(offset) was accepted")
          } catch let error as JSONSyntaxError {
            #expect(error.offset == offset)
          } catch {
            Issue.record("unexpected \(error)")
          }
        }
      }
    }
  }

  /// The output of a batch of `lines` on the benchmark rulebook (the sole one), read in one pass
  /// and by the general path.
  func outputsOfBothPaths(_ lines: [String]) throws -> [String] {
    let path = try jsonLines(lines)
    let library = try RulebookLibrary.load(path: repositoryRoot().appendingPathComponent("Benchmarks/workload/rules").path)
    return try [true, false].map { onePass in
      var context = BatchContext(library: library, rulebook: nil, asOf: nil, format: .jsonl)
      context.onePass = onePass
      #expect((context.soleBook != nil) == onePass)
      var source = try JSONLinesSource(path: path)
      let out = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID().uuidString).jsonl").path
      _ = try BatchRunner(context: context, options: BatchOptions(output: out)).run(&source, inputSignature: "test")
      return try String(contentsOfFile: out, encoding: .utf8)
    }
  }

  /// Lines longer than a read block (4 MiB) are read whole, between short ones, at every chunk
  /// size: the buffer grows until the line ends.
  @Test func linesLongerThanAReadBlockAreReadWhole() throws {
    let long = #"{"id":"long","title":""# + String(repeating: "x", count: 9 << 20) + #"","visitors":10}"#
    let lines = [#"{"id":"a","visitors":10}"#, long, #"{"id":"b","visitors":2000}"#, long, #"{"id":"c","visitors":1}"#]
    let path = try jsonLines(lines)
    for limit in [1, 2, 100] {
      var source = try JSONLinesSource(path: path)
      var read: [(line: Int, length: Int)] = []
      while let chunk = try source.nextChunk(limit: limit) {
        for case .jsonLine(let line, let start, let end) in chunk.items { read.append((line, end - start)) }
      }
      #expect(read.map(\.line) == [1, 2, 3, 4, 5], "chunks of \(limit)")
      #expect(read.map(\.length) == lines.map(\.utf8.count), "chunks of \(limit)")
    }
  }

  /// Lines of every shape, read in one pass and by the general path: the same output, byte for byte.
  @Test func onePassAndGeneralPathGiveTheSameOutput() throws {
    let full = #""activity":"bbq","visitors":10,"start_hour":12,"end_hour":14,"amplified_music":false,"road_closure":"none","objects_m2":0.0,"on_public_ground":false,"alcohol_sold":false,"zone":"residential","days":1,"budget_requested_eur":0.0"#
    let lines = [
      "{\(full)}", #"{"id":7,"# + full + "}", #"{"id":"a","id":5,"visitors":10}"#, #"{"id":5,"id":true,"visitors":10}"#,
      #"{"id":"x\"y","visitors":10}"#, #"{"visitors":10,"visitors":2000}"#, #"{"visitors":null}"#, #"{}"#, #"  { "visitors" : 10 }  "#,
      #"{"date":"2026-07-04","visitors":10}"#, #"{"date":"2026-02-30","visitors":10}"#, #"{"date":5,"visitors":10}"#,
      #"{"municipality":"bench-events","visitors":10}"#, #"{"municipality":"elsewhere","visitors":10}"#,
      #"{"municipality":"elsewhere","municipality":"bench-events"}"#, #"{"municipality":3}"#,
      #"{"facts":{"visitors":10},"id":1}"#, #"{"facts":3}"#, #"{"visit\u006frs":10}"#, #"{"visitor":10}"#,
      #"{"visitors":"veel"}"#, #"{"visitors":-5}"#, #"{"visitors":1.5}"#, #"{"zone":"moon"}"#, #"{"zone":"park","activity":"market"}"#,
      #"{"objects_m2":12.25,"budget_requested_eur":"€ 1.250,00"}"#, #"{"visitors":10}x"#, #"{"visitors":10,}"#, #"{"visitors"10}"#,
      #"{"visitors":10"#, #"["visitors"]"#, #"{"title":"Feest","description":"ja","language":"en","visitors":10}"#,
      #"{"amplified_music":"ja","on_public_ground":1}"#, #"{"days":[1,2]}"#, #"{"visitors":1e3}"#,
    ]
    let outputs = try outputsOfBothPaths(lines)
    #expect(outputs[0].split(separator: "\n").count == lines.count)
    #expect(outputs[0] == outputs[1], "\(lineDiff(expected: outputs[1], actual: outputs[0]))")
  }

  /// Thousands of lines made by breaking valid records at random (a byte dropped, doubled or
  /// replaced by one that matters to JSON), read in one pass and by the general path: the same
  /// output, byte for byte. Seeded, so that a failure repeats.
  @Test func brokenLinesGiveTheSameOutputOnBothPaths() throws {
    let valid = try String(contentsOf: repositoryRoot().appendingPathComponent("Benchmarks/workload/sample-1000.jsonl"), encoding: .utf8)
      .split(separator: "\n").prefix(200).map { Array($0.utf8) }
    let pieces = Array(#"{}[]",:\ 0123456789.-eEtrufalsn"#.utf8) + [0x09, 0xC3, 0xA9]
    var generator = SplitMix(seed: 0x5EED)
    var lines: [String] = []
    for index in 0..<3000 {
      var bytes = valid[index % valid.count]
      for _ in 0..<(1 + Int(generator.next() % 3)) {
        let position = Int(generator.next() % UInt64(bytes.count))
        switch generator.next() % 3 {
        case 0: bytes.remove(at: position)
        case 1: bytes.insert(bytes[position], at: position)
        default: bytes[position] = pieces[Int(generator.next() % UInt64(pieces.count))]
        }
        if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
      }
      lines.append(String(decoding: bytes.filter { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self))
    }
    let outputs = try outputsOfBothPaths(lines)
    let (first, second) = (outputs[0].split(separator: "\n"), outputs[1].split(separator: "\n"))
    #expect(first.count == lines.filter { !$0.allSatisfy(\.isWhitespace) }.count)
    #expect(first.contains { $0.contains("\"error\"") } && first.contains { $0.contains("\"verdict\"") })
    for (index, (a, b)) in zip(first, second).enumerated() where a != b {
      Issue.record("line \(index + 1): \(lines[index])\none pass: \(a)\ngeneral:  \(b)")
      break
    }
  }
}

/// A small seeded generator (SplitMix64), for tests that must repeat.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
