import Batch
import Engine
import Foundation
import Room
import Rulebook
import Testing
import SourceDiagnostics
import TestSupport

/// Runs a batch over `source` into a fresh output file and returns the output records.
func runBatch(
  _ source: inout some RecordSource, rules: String, rulebook: String? = nil, jobs: Int = 2, chunk: Int = 7,
  output: String? = nil, resume: Bool = false, stopAfterFirstChunk: Bool = false, details: Bool = false, room: Bool = false
) throws -> (records: [[String: Any]], summary: BatchSummary, path: String) {
  let library = try RulebookLibrary.load(path: repositoryRoot().appendingPathComponent(rules).path)
  var context = BatchContext(library: library, rulebook: rulebook, asOf: nil, format: .jsonl)
  context.details = details
  if room {
    var options = RoomAnalyzer.Options()
    options.pairs = false
    context.room = RoomAnalyzer(options: options)
  }
  let path = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).jsonl").path
  var options = BatchOptions(output: path)
  options.jobs = jobs
  options.chunkSize = chunk
  options.resume = resume
  let runner = BatchRunner(context: context, options: options)
  let summary = try runner.run(&source, inputSignature: "test") { _, _ in
    if stopAfterFirstChunk { runner.stopRequested.store(true, ordering: .relaxed) }
  }
  let finished = FileManager.default.fileExists(atPath: path)
  let text = (try? String(contentsOfFile: finished ? path : path + ".partial", encoding: .utf8)) ?? ""
  let records = text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
  return (records, summary, path)
}

/// Writes lines to a temporary JSON Lines file.
func jsonLines(_ lines: [String]) throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("in-\(UUID().uuidString).jsonl").path
  try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

@Suite struct BatchTests {
  /// Ids with quotes, backslashes and control characters come back as they were written.
  @Test func idsAreEscapedInTheOutput() throws {
    let lines = [
      #"{"id":"quote \" and backslash \\ and tab \t and \u0001","visitors":10}"#,
      #"{"id":"één café","visitors":10}"#,
      #"{"id":"plain","visitors":10}"#,
    ]
    var source = try JSONLinesSource(path: try jsonLines(lines))
    let (records, _, _) = try runBatch(&source, rules: "Benchmarks/workload/rules")
    #expect(records.map { $0["id"] as? String } == ["quote \" and backslash \\ and tab \t and \u{01}", "één café", "plain"])
  }

  @Test func workloadAgreesWithTheReferenceOnEveryRecord() throws {
    var source = try JSONLinesSource(path: repositoryRoot().appendingPathComponent("Benchmarks/workload/sample-1000.jsonl").path)
    let (records, summary, _) = try runBatch(&source, rules: "Benchmarks/workload/rules", chunk: 300)
    let expected = try String(contentsOf: repositoryRoot().appendingPathComponent("Benchmarks/workload/expected-1000.jsonl"), encoding: .utf8)
      .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    #expect(records.count == 1000)
    #expect(summary.evaluated == 1000)
    let names = ["prohibited": "prohibited", "permit_required": "permit", "notification_required": "notification", "allowed": "allowed"]
    var disagreements = 0
    for (ours, theirs) in zip(records, expected) {
      let fired = (ours["applies"] as? [String] ?? []).sorted { Int($0.dropFirst())! < Int($1.dropFirst())! }
      if fired != theirs["fired"] as? [String] || names[ours["verdict"] as? String ?? ""] != theirs["verdict"] as? String {
        disagreements += 1
      }
    }
    #expect(disagreements == 0)
  }

  /// Workers take blocks of records as they come; the output and the report's details are still
  /// in input order, and the same for any number of workers and any chunk size.
  @Test func blocksTakenByWorkersComeOutInInputOrder() throws {
    let path = repositoryRoot().appendingPathComponent("Benchmarks/workload/sample-1000.jsonl").path
    var one = try JSONLinesSource(path: path)
    let single = try runBatch(&one, rules: "Benchmarks/workload/rules", jobs: 1, chunk: 1000)
    for (jobs, chunk) in [(2, 300), (3, 7), (4, 1000)] {
      var source = try JSONLinesSource(path: path)
      let run = try runBatch(&source, rules: "Benchmarks/workload/rules", jobs: jobs, chunk: chunk, details: true)
      #expect(try String(contentsOfFile: run.path, encoding: .utf8) == String(contentsOfFile: single.path, encoding: .utf8))
      #expect(run.summary.details.map(\.number) == Array(1...1000), "\(jobs) jobs, chunks of \(chunk)")
      #expect(run.summary.byLevel == single.summary.byLevel)
    }
  }

  /// With room analysis each worker compiles the rulebooks again for itself: the adjustments and
  /// questions are the same as one worker's, on the shipped rulebooks and examples.
  @Test func roomIsTheSameForEveryNumberOfWorkers() throws {
    let path = repositoryRoot().appendingPathComponent("Examples/batches/initiatives.jsonl").path
    var one = try JSONLinesSource(path: path)
    let single = try runBatch(&one, rules: "Rules", jobs: 1, chunk: 1000, room: true)
    var many = try JSONLinesSource(path: path)
    let parallel = try runBatch(&many, rules: "Rules", jobs: 3, chunk: 5, room: true)
    #expect(single.records.contains { !($0["room"] as? [Any] ?? []).isEmpty })
    #expect(try String(contentsOfFile: parallel.path, encoding: .utf8) == String(contentsOfFile: single.path, encoding: .utf8))
  }

  @Test func everyRecordYieldsOneOutputRecordInOrder() throws {
    let lines = [
      #"{"id":"a","activity":"bbq","visitors":10,"start_hour":12,"end_hour":14,"amplified_music":false,"road_closure":"none","objects_m2":0.0,"on_public_ground":false,"alcohol_sold":false,"zone":"residential","days":1,"budget_requested_eur":0.0}"#,
      #"{"id":"b","visitors":"veel"}"#,
      #"{"id":"c","visitor":10}"#,
      #"{"id":"d","visitors":10"#,
      "",
      #"{"id":"e","zone":"parc"}"#,
      #"{"id":"f","visitors":-3}"#,
      #"{"id":"g","visitors":20}"#,
    ]
    var source = try JSONLinesSource(path: try jsonLines(lines))
    let (records, summary, _) = try runBatch(&source, rules: "Benchmarks/workload/rules", chunk: 3)
    #expect(records.map { $0["record"] as? Int } == Array(1...7))
    #expect(records.map { $0["id"] as? String } == ["a", "b", "c", nil, "e", "f", "g"])
    #expect(summary.read == 7)
    #expect(summary.failed == 5)
    let errors = records.compactMap { $0["error"] as? [String: Any] }
    #expect(errors.map { $0["code"] as? String } == ["initiative.bad-value", "initiative.unknown-fact", "batch.json", "initiative.bad-value", "initiative.out-of-range"])
    #expect(errors.map { $0["line"] as? Int } == [2, 3, 4, 6, 7])
    #expect(errors[1]["help"] as? String == "did you mean 'visitors'?")
    #expect(errors[0]["column"] as? Int == 22)
    // An incomplete record is evaluated and says it is not determined.
    #expect(records[6]["determined"] as? Bool == false)
  }

  @Test func batchVerdictsAgreeWithCheckForTheExampleBatch() throws {
    let path = repositoryRoot().appendingPathComponent("Examples/batches/initiatives.jsonl").path
    var source = try JSONLinesSource(path: path)
    let (records, _, _) = try runBatch(&source, rules: "Rules", chunk: 64)
    let engine = try RuleEngine(rulesPath: repositoryRoot().appendingPathComponent("Rules").path)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    var compared = 0
    for record in records where record["verdict"] != nil {
      let line = lines[(record["record"] as! Int) - 1]
      let file = SourceFile(path: "line.json", text: String(line))
      let result = try #require(engine.check(file: file).first?.evaluation?.withExactOutcomes())
      #expect(result.verdict.level.rawValue == record["verdict"] as? String, "record \(record["record"]!)")
      #expect(result.verdict.determined == record["determined"] as? Bool)
      compared += 1
    }
    #expect(compared >= 290)
  }

  @Test func interruptedRunResumesWithoutDuplicatesOrGaps() throws {
    let lines = (1...50).map { #"{"id":"r\#($0)","visitors":\#($0),"zone":"park"}"# }
    let input = try jsonLines(lines)
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID().uuidString).jsonl").path
    var first = try JSONLinesSource(path: input)
    let (partial, summary, _) = try runBatch(&first, rules: "Benchmarks/workload/rules", chunk: 8, output: output, stopAfterFirstChunk: true)
    #expect(summary.interrupted)
    #expect(!FileManager.default.fileExists(atPath: output), "no final file before the run completes")
    #expect(partial.count == 8)
    var second = try JSONLinesSource(path: input)
    let (records, resumed, _) = try runBatch(&second, rules: "Benchmarks/workload/rules", chunk: 8, output: output, resume: true)
    #expect(resumed.resumed == 8)
    #expect(records.map { $0["id"] as? String } == (1...50).map { "r\($0)" })
    #expect(records.map { $0["record"] as? Int } == Array(1...50))
  }

  @Test func csvExportWithMappingGivesOneRecordPerRow() throws {
    let root = repositoryRoot()
    var source = try CSVSource(
      path: root.appendingPathComponent("Examples/batches/webformulier.csv").path,
      mappingPath: root.appendingPathComponent("Examples/batches/webformulier.mapping.yml").path)
    let (records, summary, _) = try runBatch(&source, rules: "Rules", chunk: 16)
    #expect(records.count == 60)
    #expect(summary.read == 60)
    let failed = records.compactMap { $0["error"] as? [String: Any] }
    #expect(failed.count == summary.failed)
    #expect(failed.allSatisfy { ($0["line"] as? Int ?? 0) > 1 && ($0["column"] as? Int ?? 0) > 1 })
  }

  @Test func yamlStreamAndFoldersAreRead() throws {
    let root = repositoryRoot()
    let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Examples/borne").path)
      .filter { $0.hasSuffix(".yaml") }.sorted().map { root.appendingPathComponent("Examples/borne/\($0)").path }
    var source = DocumentSource(paths: files)
    let (records, summary, _) = try runBatch(&source, rules: "Rules", chunk: 2)
    #expect(records.count == files.count)
    #expect(summary.evaluated == files.count)
  }
}

@Suite struct BatchReportTests {
  @Test func reportCountsVerdictsListsFailuresAndLinksExplanations() throws {
    let root = repositoryRoot()
    let library = try RulebookLibrary.load(path: root.appendingPathComponent("Rules").path)
    var context = BatchContext(library: library, rulebook: nil, asOf: nil, format: .jsonl)
    context.details = true
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).jsonl").path
    var source = try JSONLinesSource(path: root.appendingPathComponent("Examples/batches/initiatives.jsonl").path)
    let summary = try BatchRunner(context: context, options: BatchOptions(output: output)).run(&source, inputSignature: "t")
    let report = BatchReport(summary: summary, engine: RuleEngine(library: library), language: "en", inputs: ["initiatives.jsonl"])
    let markdown = report.markdown()
    for level in VerdictLevel.allCases {
      #expect(markdown.contains("| \(level.label.text("en")) | \(summary.byLevel[level] ?? 0) |"))
    }
    #expect(markdown.contains("## Failed records"))
    // An open record names the levels it can still reach, not its least level with "(open)".
    #expect(summary.details.contains { $0.decision?.determined == false })
    #expect(markdown.contains("| not yet determined: "))
    #expect(!markdown.contains(" (open)"))
    #expect(summary.failures.count == 3)
    #expect(markdown.contains("initiative.unknown-fact"))
    #expect(markdown.contains("(#record-1)"))
    #expect(markdown.contains("<a id=\"record-1\"></a>"))
    let html = report.html()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<svg"))
    #expect(!html.contains("<script src") && !html.contains("<link rel=\"stylesheet\""), "the report is self-contained")
    #expect(html.contains("id=\"record-1\""))
    // The Dutch report speaks Dutch only, in its own words and in the answers it explains.
    let dutch = BatchReport(summary: summary, engine: RuleEngine(library: library), language: "nl", inputs: ["initiatives.jsonl"])
    for text in [dutch.markdown(), dutch.html()] {
      #expect(text.contains("Batchrapport") && text.contains("Per oordeel") && text.contains("Mislukte records"))
      for english in ["Batch report", "records read", "By verdict", "Failed records", "not yet determined", "decided by", "Explanations"] {
        #expect(!text.contains(english), "'\(english)' in the Dutch report")
      }
    }
  }
}
