import Foundation
import Testing
import TestSupport

/// Runs the built `bricoleur` with arguments and standard input; returns exit code, stdout, stderr and seconds.
func bricoleur(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String, seconds: Double) {
  let root = repositoryRoot()
  let process = Process()
  process.executableURL = root.appendingPathComponent(".build/debug/bricoleur")
  process.arguments = arguments
  process.currentDirectoryURL = root
  let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
  process.standardInput = stdin
  process.standardOutput = stdout
  process.standardError = stderr
  let start = Date()
  try process.run()
  stdin.fileHandleForWriting.write(Data(input.utf8))
  try stdin.fileHandleForWriting.close()
  let out = stdout.fileHandleForReading.readDataToEndOfFile()
  let err = stderr.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), Date().timeIntervalSince(start))
}

/// Starts the built `bricoleur` with arguments, reading `input` and writing `output` (a
/// server spoken to over pipes: `mcp`, `lsp`).
func startBricoleur(_ arguments: [String], input: Pipe, output: Pipe) throws -> Process {
  let root = repositoryRoot()
  let process = Process()
  process.executableURL = root.appendingPathComponent(".build/debug/bricoleur")
  process.arguments = arguments
  process.currentDirectoryURL = root
  process.standardInput = input
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  try process.run()
  return process
}

/// Writes bytes to a temporary file with the given name.
func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let url = folder.appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return url.path
}

@Suite struct CLITests {
  static let hostile: [(String, [UInt8])] = [
    ("alias-bomb.yaml", Array((["a: &a [x, x, x, x, x, x, x, x, x]"] + (1...9).map { i in
      "b\(i): &b\(i) [" + Array(repeating: i == 1 ? "*a" : "*b\(i - 1)", count: 9).joined(separator: ",") + "]" }).joined(separator: "\n").utf8)),
    ("nested.yaml", Array(String(repeating: "[", count: 100_000).utf8)),
    ("duplicate.yaml", Array("a: 1\na: 2\n".utf8)),
    ("latin1.yaml", Array("naam: caf".utf8) + [0xE9, 0x0A]),
    ("tabs.yaml", Array("a:\n\tb: 1\n".utf8)),
    ("empty.yaml", []),
    ("scalar.yaml", Array("just some text\n".utf8)),
    ("huge-scalar.yaml", Array(("a: " + String(repeating: "x", count: 10_000_000) + "\n").utf8)),
    ("undefined-alias.yaml", Array("a: *nowhere\n".utf8)),
    ("garbage.yaml", [0x00, 0xFF, 0x13, 0x37, 0xC3, 0x28, 0x80]),
  ]

  @Test(arguments: hostile.map(\.0))
  func lintRejectsHostileInputQuickly(_ name: String) throws {
    let bytes = try #require(Self.hostile.first { $0.0 == name }?.1)
    let path = try temporaryFile(name, bytes)
    let result = try bricoleur(["lint", path, "--color", "never"])
    #expect(result.status == 1)
    #expect(result.out.contains("\(path):") && result.out.contains(": error: "), "\(result.out.prefix(300))")
    #expect(result.seconds < 2.0)
  }

  @Test func checkPrintsAVerdictAndExitsZero() throws {
    let result = try bricoleur(["check", "Examples/borne/straatfeest-dorpsstraat.yaml", "--lang", "en", "--color", "never"])
    #expect(result.status == 0)
    #expect(result.out.contains("Verdict: notification required"))
  }

  @Test func checkJSONIsAnArrayWithTheStableNames() throws {
    let result = try bricoleur(["check", "Examples/borne/straatfeest-dorpsstraat.yaml", "--format", "json"])
    let array = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
    #expect(array.count == 1)
    let object = try #require(array.first)
    #expect(object["initiative"] as? String == "borne-straatfeest-dorpsstraat")
    let verdict = try #require(object["verdict"] as? [String: Any])
    #expect(verdict["level"] as? String == "notification_required")
    #expect(verdict["determined"] as? Bool == true)
    #expect((object["findings"] as? [[String: Any]])?.first?["citation"] != nil)
  }

  @Test func checkJSONKeepsItsShapeWhenAnInitiativeFails() throws {
    let bad = try temporaryFile("bad.yaml", Array("id: x\nmunicipality: borne\nfacts:\n  visitors: veel\n".utf8))
    let result = try bricoleur(["check", "Examples/borne/straatfeest-dorpsstraat.yaml", bad, "--format", "json"])
    #expect(result.status == 1)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
    #expect(array.count == 2)
    #expect(array[0]["verdict"] != nil)
    #expect(array[1]["initiative"] as? String == "x")
    let error = try #require(array[1]["error"] as? [String: Any])
    #expect(error["code"] as? String == "initiative.bad-value")
    let diagnostic = try #require((error["diagnostics"] as? [[String: Any]])?.first)
    #expect((diagnostic["start"] as? [String: Any])?["line"] as? Int == 4)
  }

  @Test func badInitiativeExitsOneWithAPositionedError() throws {
    let path = try temporaryFile("bad.yaml", Array("id: x\nmunicipality: borne\nfacts:\n  visitors: veel\n".utf8))
    let result = try bricoleur(["check", path, "--color", "never"])
    #expect(result.status == 1)
    #expect(result.err.contains("\(path):4:13: error: fact 'visitors': 'veel' is not a whole number [initiative.bad-value]"))
  }

  @Test func batchStreamsFromStandardInputToStandardOutput() throws {
    let input = try String(contentsOfFile: repositoryRoot().appendingPathComponent("Examples/batches/initiatives.jsonl").path, encoding: .utf8)
    let result = try bricoleur(["batch", "-", "--out", "-", "--quiet"], input: input)
    let lines = result.out.split(separator: "\n")
    #expect(lines.count == input.split(separator: "\n").count)
    #expect(result.err.contains("written: standard output"))
    let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(first["record"] as? Int == 1)
  }

  @Test func errorsAPersonCanActOn() throws {
    let missing = try bricoleur(["check", "no-such-initiative.yaml", "--color", "never"])
    #expect(missing.status != 0)
    #expect(missing.err.contains("cannot read 'no-such-initiative.yaml': there is no such file"), "\(missing.err)")
    #expect(!missing.err.contains("NSCocoaErrorDomain"))

    let impossible = try temporaryFile("date.yaml", Array("id: x\nmunicipality: borne\ndate: 2026-02-30\nfacts:\n  visitors: 10\n".utf8))
    let date = try bricoleur(["check", impossible, "--color", "never"])
    #expect(date.status == 1)
    #expect(date.err.contains("February 2026 has 28 days"), "\(date.err)")

    // A file with errors is not evaluated: its errors are the whole answer.
    let duplicate = try temporaryFile("dup.yaml", Array("id: x\nmunicipality: borne\nmunicipality: borne\nfacts:\n  visitors: 10\n".utf8))
    let broken = try bricoleur(["check", duplicate, "--color", "never"])
    #expect(broken.status == 1)
    #expect(broken.err.contains("duplicate key 'municipality'"))
    #expect(broken.out.isEmpty, "\(broken.out.prefix(200))")
  }

  @Test func usageErrorExits64() throws {
    #expect(try bricoleur(["check", "x.yaml", "--lang", "fr"]).status == 64)
    #expect(try bricoleur(["lint"]).status == 64)
  }

  @Test func batchExitsTwoWhenSomeRecordsFail() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).jsonl").path
    let result = try bricoleur(["batch", "Examples/batches/initiatives.jsonl", "--out", out, "--quiet"])
    #expect(result.status == 2)
    #expect(result.err.contains("records read: 303, evaluated: 300, failed: 3"))
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 303)
  }

  @Test func batchReadsStandardInput() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).jsonl").path
    let input = #"{"id":1,"visitors":10,"zone":"park"}"# + "\n" + #"{"id":2,"visitors":900,"zone":"park"}"# + "\n"
    let result = try bricoleur(["batch", "-", "--rules", "Benchmarks/workload/rules", "--out", out, "--quiet"], input: input)
    #expect(result.status == 0)
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[1].contains("\"R12\""))
  }

  /// Each process hashes with its own seed: room output must not depend on hash order.
  @Test func roomOutputIsTheSameInEveryProcess() throws {
    let sample = try String(contentsOfFile: "Benchmarks/workload/sample-1000.jsonl", encoding: .utf8)
    let input = sample.split(separator: "\n").prefix(300).joined(separator: "\n") + "\n"
    var outputs: [String] = []
    for _ in 0..<3 {
      let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).jsonl").path
      let result = try bricoleur(["batch", "-", "--room", "--rules", "Benchmarks/workload/rules", "--out", out, "--quiet"], input: input)
      #expect(result.status == 0)
      outputs.append(try String(contentsOfFile: out, encoding: .utf8))
    }
    #expect(outputs[0].contains("\"room\":[{\"kind\":\"adjustment\""))
    #expect(outputs[1] == outputs[0])
    #expect(outputs[2] == outputs[0])
  }
}

@Suite struct MainJobTests {
  /// The README's main command: every example initiative is evaluated, none fails.
  @Test func everyExampleIsEvaluated() throws {
    let root = repositoryRoot().appendingPathComponent("Examples")
    let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    var files: [String] = []
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
      files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Examples/\(folder)/\($0)" }
    }
    #expect(files.count >= 40)
    let result = try bricoleur(["check", "--color", "never", "--today", "2026-06-01"] + files)
    #expect(result.status == 0, "\(result.err.prefix(500))")
    // One answer per initiative: a verdict, or for a request that only asks for a scheme (a
    // grant) the scheme's decision.
    let answers = result.out.split(separator: "\n", omittingEmptySubsequences: false).split { $0.isEmpty }.filter { block in
      block.contains { $0.hasPrefix("Oordeel: ") || $0.hasPrefix("Verdict: ") || $0.hasPrefix("Regeling: ") || $0.hasPrefix("Scheme: ") }
    }
    #expect(answers.count == files.count)
    let json = try bricoleur(["check", "--format", "json", "--today", "2026-06-01"] + files)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
    #expect(entries.count == files.count)
    #expect(entries.allSatisfy { $0["verdict"] != nil && $0["error"] == nil })
  }
}
