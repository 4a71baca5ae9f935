import ArgumentParser
import Batch
import Dispatch
import Foundation
import Room
import Rulebook
import RuleLanguage

extension Bricoleur {
  /// `bricoleur batch INPUT... --out FILE`: every record in, one record out.
  struct BatchRun: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "batch",
      abstract: "Evaluate many initiatives: JSON Lines, YAML streams, folders of files or CSV exports.",
      discussion: """
        Every input record yields exactly one output record, in input order: its verdict, or an error
        with the record's file, line and column. Output is written to FILE.partial and renamed to FILE
        when complete; after Ctrl-C or a crash, --resume continues where the last checkpoint left off.
        Exit status: 0 when all records were evaluated, 2 when some failed, 1 when the run could not proceed.
        """
    )

    @Argument(help: "Input files or folders: .jsonl (one JSON object per line), .yaml/.yml/.json (one or more documents), .csv (with --mapping), or '-' for JSON Lines on standard input.")
    var inputs: [String]

    @Option(help: "A folder of rulebooks (like Rules/) or one rulebook folder. Default: the shipped Rules/.")
    var rules: String?

    @Option(help: "Use this rulebook for every record instead of the record's municipality.")
    var rulebook: String?

    @Option(name: .customLong("out"), help: "The output file; - writes standard output (a streaming mapper: no checkpoint, no --resume).")
    var output: String

    @Option(help: "Output format: jsonl or csv.")
    var format: String = "jsonl"

    @Option(help: "How a CSV export's columns map to facts (YAML).")
    var mapping: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Continue an interrupted run from its checkpoint.")
    var resume = false

    @Option(name: .customLong("as-of"), help: "Apply the rules in force on this date for every record.")
    var asOf: String?

    @Option(help: "Also write a report for the intake team: FILE.html (self-contained, with charts) or FILE.md.")
    var report: String?

    @Flag(help: "Add room to manoeuvre to every record: the smallest adjustments that give a better verdict, and the questions still to ask.")
    var room = false

    @Flag(help: "With --room: also search pairs of facts (slower).")
    var pairs = false

    @Option(help: "Language of the report: nl or en.")
    var lang = "nl"

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
      guard OutputFormat(rawValue: format) != nil else { throw ValidationError("--format must be jsonl or csv, not '\(format)'") }
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
      if let asOf, InputValueParser.date(asOf) == nil { throw ValidationError("--as-of must be a date like 2026-07-04") }
      if let report, !(report.hasSuffix(".html") || report.hasSuffix(".md")) {
        throw ValidationError("--report must name a .html or .md file, not '\(report)'")
      }
      guard ["nl", "en"].contains(lang) else { throw ValidationError("--lang must be nl or en") }
      if inputs.contains(where: { $0.hasSuffix(".csv") }) && mapping == nil {
        throw ValidationError("a CSV input needs --mapping FILE (which column holds which fact)")
      }
    }

    func run() throws {
      let engine = try LoadedRules.engine(rules)
      var context = BatchContext(
        library: engine.library, rulebook: rulebook, asOf: asOf.flatMap(InputValueParser.date), format: OutputFormat(rawValue: format)!)
      context.details = report != nil
      if room {
        var roomOptions = RoomAnalyzer.Options()
        roomOptions.pairs = pairs
        context.room = RoomAnalyzer(options: roomOptions)
      }
      // `-` is standard output, written directly like any pipe or device.
      let outputPath = output == "-" ? "/dev/stdout" : output
      var options = BatchOptions(output: outputPath)
      options.format = OutputFormat(rawValue: format)!
      options.jobs = jobs
      options.resume = resume
      let runner = BatchRunner(context: context, options: options)
      var source: ChainedSource
      do {
        source = ChainedSource(try BatchInputs.sources(inputs, mapping: mapping))
      } catch let error as BatchError {
        printError("error: \(error.description)\n")
        throw ExitCode.failure
      }
      let stop = StopOnInterrupt { runner.stopRequested.store(true, ordering: .relaxed) }
      defer { stop.cancel() }
      let meter = ProgressMeter(total: source.totalBytes, quiet: quiet)
      let summary: BatchSummary
      do {
        summary = try runner.run(&source, inputSignature: BatchInputs.signature(inputs)) { meter.update($0, inputBytes: $1) }
      } catch let error as BatchError {
        meter.clear()
        printError("error: \(error.description)\n")
        throw ExitCode.failure
      }
      meter.clear()
      printError(summary.text)
      if summary.interrupted {
        printError("stopped after \(summary.read + summary.resumed) records; '\(output).partial' holds them. Run again with --resume to continue.\n")
        throw ExitCode(130)
      }
      printError("written: \(output == "-" ? "standard output" : output)\n")
      if let report {
        let document = BatchReport(summary: summary, engine: engine, language: lang, inputs: inputs)
        try AtomicFile.write(report.hasSuffix(".html") ? document.html() : document.markdown(), to: report)
        printError("report: \(report)\n")
      }
      if summary.failed > 0 { throw ExitCode(2) }
    }
  }
}

/// Turns Ctrl-C into a request to stop after the chunk in hand.
final class StopOnInterrupt {
  private let source: any DispatchSourceSignal

  init(_ handler: @escaping @Sendable () -> Void) {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      printError("\nstopping after the records in hand...\n")
      handler()
    }
    source.resume()
  }

  func cancel() {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
