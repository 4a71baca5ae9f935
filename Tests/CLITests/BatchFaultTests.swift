import Foundation
import Testing
import TestSupport

/// The batch command under faults: killed mid-run, resumed, and writing to a full disk.
/// These spawn the built `.build/debug/bricoleur`, as a user or a scheduler would.
@Suite(.serialized) struct BatchFaultTests {
  static let records = 200_000

  /// A JSON Lines input of `records` benchmark initiatives with ids 1...records.
  static func generatedInput(in folder: URL) throws -> String {
    let sample = try String(contentsOf: repositoryRoot().appendingPathComponent("Benchmarks/workload/sample-1000.jsonl"), encoding: .utf8)
      .split(separator: "\n").map { line -> Substring in line.suffix(from: line.firstIndex(of: ",")!) }  // drop `{"id":N`
    var text = ""
    text.reserveCapacity(records * 260)
    for id in 1...records { text += "{\"id\":\"\(id)\"" + sample[(id - 1) % sample.count] + "\n" }
    let path = folder.appendingPathComponent("input.jsonl").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func scratchFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-fault-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func batchArguments(_ input: String, _ output: String) -> [String] {
    ["batch", input, "--rules", "Benchmarks/workload/rules", "--out", output, "--quiet", "--jobs", "2"]
  }

  /// Starts a batch and SIGKILLs it once its checkpoint records more than `after` records.
  /// Returns the checkpointed count at the kill (or nil when the run ended first).
  static func killMidRun(_ arguments: [String], output: String, after: Int) throws -> Int? {
    let process = Process()
    process.executableURL = repositoryRoot().appendingPathComponent(".build/debug/bricoleur")
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    var checkpointed: Int?
    while process.isRunning, Date() < deadline {
      if let text = try? String(contentsOfFile: output + ".partial.checkpoint", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("records=") }),
        let count = Int(line.dropFirst("records=".count)), count > after
      {
        kill(process.processIdentifier, SIGKILL)
        checkpointed = count
        break
      }
      usleep(2_000)
    }
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal ? checkpointed : nil
  }

  @Test func killedBatchLeavesNoOutputAndResumeCompletesEveryRecordOnce() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.generatedInput(in: folder)
    let output = folder.appendingPathComponent("out.jsonl").path
    let arguments = Self.batchArguments(input, output)

    let first = try #require(try Self.killMidRun(arguments, output: output, after: 0), "the batch ended before it could be killed")
    #expect(!FileManager.default.fileExists(atPath: output), "a killed batch left a final output file")
    #expect(FileManager.default.fileExists(atPath: output + ".partial"))

    // Killed again while resuming, further on.
    let second = try Self.killMidRun(arguments + ["--resume"], output: output, after: first)
    #expect(!FileManager.default.fileExists(atPath: output))
    if let second { #expect(second > first) }

    let run = try bricoleur(arguments + ["--resume"])
    #expect(run.status == 0, "\(run.err)")
    #expect(FileManager.default.fileExists(atPath: output))
    #expect(!FileManager.default.fileExists(atPath: output + ".partial"))
    #expect(!FileManager.default.fileExists(atPath: output + ".partial.checkpoint"))

    // Every id 1...N exactly once, in order.
    let data = try Data(contentsOf: URL(fileURLWithPath: output))
    var expected = 1
    var bad = 0
    for line in data.split(separator: UInt8(ascii: "\n")) {
      let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
      if object?["id"] as? String != String(expected) { bad += 1 }
      expected += 1
    }
    #expect(expected - 1 == Self.records)
    #expect(bad == 0)
  }

  @Test func fullDiskIsReportedNotSwallowed() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("small.jsonl").path
    try FileManager.default.copyItem(atPath: repositoryRoot().appendingPathComponent("Benchmarks/workload/sample-1000.jsonl").path, toPath: input)
    let run = try bricoleur(Self.batchArguments(input, "/dev/full"))
    #expect(run.status == 1)
    #expect(run.err.contains("error: cannot write '/dev/full': No space left on device"), "\(run.err)")
    #expect(!FileManager.default.fileExists(atPath: "/dev/full.partial"))
  }

  @Test func resumingADeviceIsRefused() throws {
    let run = try bricoleur(["batch", "Benchmarks/workload/sample-1000.jsonl", "--rules", "Benchmarks/workload/rules", "--out", "/dev/null", "--resume", "--quiet"])
    #expect(run.status == 1)
    #expect(run.err.contains("device or pipe"))
  }

  @Test func writingToADeviceWorks() throws {
    let run = try bricoleur(["batch", "Benchmarks/workload/sample-1000.jsonl", "--rules", "Benchmarks/workload/rules", "--out", "/dev/stdout", "--quiet"])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.split(separator: "\n").count == 1000)
  }

  /// `--out -` with standard output redirected to a file writes the records there, in place:
  /// the system's /dev/stdout link is never replaced by a renamed partial file.
  @Test func standardOutputToAFileIsWrittenInPlace() throws {
    let root = repositoryRoot()
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("stdout-\(getpid()).jsonl")
    defer { try? FileManager.default.removeItem(at: target) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "'\(root.path)/.build/debug/bricoleur' batch Examples/borne/straatfeest-210.yaml --out - --quiet > '\(target.path)'"]
    process.currentDirectoryURL = root
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let written = try String(contentsOf: target, encoding: .utf8)
    #expect(written.split(separator: "\n").count == 1)
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout")
    #expect(link.contains("fd/1"))
    #expect(!FileManager.default.fileExists(atPath: "/dev/stdout.partial"))
  }
}
