import Foundation
import Testing
import TestSupport

/// One JSON contract: every answer validates against `bricoleur schema result`, and `batch
/// --room` writes the same room objects as `check --format json` for the parts it reports.
@Suite(.serialized) struct ResultContractTests {
  static let files: [String] = {
    let root = repositoryRoot().appendingPathComponent("Examples")
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path).sorted()) ?? []
    return folders.flatMap { folder in
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
      return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Examples/\(folder)/\($0)" }
    }
  }()

  func schema() throws -> JSONSchemaCheck {
    let result = try bricoleur(["schema", "result"])
    #expect(result.status == 0)
    return try JSONSchemaCheck(schemaText: result.out)
  }

  @Test(arguments: ["nl", "en"]) func everyExampleAnswerValidates(_ language: String) throws {
    let schema = try schema()
    let result = try bricoleur(["check", "--format", "json", "--lang", language, "--today", "2026-06-01"] + Self.files)
    #expect(result.status == 0)
    let problems = schema.problems(text: result.out)
    #expect(problems.isEmpty, "\(problems.prefix(10))")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
    #expect(entries.count == Self.files.count)
  }

  @Test func anInitiativeThatFailsValidatesInItsPlace() throws {
    let schema = try schema()
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent("contract-bad-\(getpid()).yaml")
    try "id: x\nmunicipality: borne\ndate: 2026-02-30\nfacts: {visitors: 10}\n".write(to: bad, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: bad) }
    let result = try bricoleur(["check", "--format", "json", "Examples/borne/straatfeest-210.yaml", bad.path])
    #expect(result.status == 1)
    #expect(schema.problems(text: result.out).isEmpty, "\(schema.problems(text: result.out))")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
    #expect(entries.count == 2 && entries[1]["error"] != nil)
  }

  /// The adjustments and questions `batch --room` writes are the objects `check` writes.
  @Test func batchRoomIsTheRoomOfCheck() throws {
    // A day long before every initiative, so that no route is ruled out by its deadline (a batch
    // counts no deadlines), and pairs searched as check does.
    let checked = try bricoleur(["check", "--format", "json", "--lang", "nl", "--today", "2025-01-01"] + Self.files)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(checked.out.utf8)) as? [[String: Any]])
    let batch = try bricoleur(["batch", "--room", "--pairs", "--out", "-"] + Self.files)
    #expect(batch.status == 0, "\(batch.err.prefix(300))")
    let records = batch.out.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(records.count == entries.count)
    var compared = 0
    for (entry, record) in zip(entries, records) {
      #expect(entry["initiative"] as? String == record["id"] as? String)
      let adjustments = (entry["room"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "adjustment" }
      let written = record["room"] as? [[String: Any]] ?? []
      #expect(NSArray(array: adjustments).isEqual(to: written), "\(record["id"] ?? "?")")
      #expect(NSArray(array: entry["questions"] as? [Any] ?? []).isEqual(to: record["questions"] as? [Any] ?? []), "\(record["id"] ?? "?")")
      compared += adjustments.count
    }
    #expect(compared > 10)
  }
}
