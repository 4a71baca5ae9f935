import ArgumentParser
import BricoleurServer
import Engine
import Foundation
import Reports
import Room
import Rulebook
import RuleLanguage
import SourceDiagnostics
import YAMLTree

extension Bricoleur {
  /// `bricoleur check FILE...`: what the rules say about each initiative, with reasons.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check initiatives against the rules: a verdict per rule with its article and reasons.",
      discussion: """
        A municipality without a rulebook of its own is checked against the VNG model APV and the national rules, \
        and the output says so first. Exit status: 0 when every initiative was evaluated (whatever the verdict), \
        1 on input errors (and, with --strict, on such a fallback), 64 on a usage error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "Initiative files (YAML or JSON; a multi-document YAML file holds several).")
    var files: [String]

    @Option(help: "A folder of rulebooks (like Rules/) or one rulebook folder. Default: the shipped Rules/.")
    var rules: String?

    @Option(help: "Use this rulebook instead of the initiative's municipality.")
    var rulebook: String?

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(help: "Language of the explanations: nl or en. Default: the initiative's, else nl.")
    var lang: String?

    @Option(name: .customLong("as-of"), help: "Apply the rules in force on this date (YYYY-MM-DD) instead of the initiative's date.")
    var asOf: String?

    @Flag(name: .customLong("no-room"), help: "Leave out the room to manoeuvre (adjustments, discretion, open norms, near misses, deadlines).")
    var noRoom = false

    @Option(help: "Count deadlines from this date (YYYY-MM-DD) instead of today.")
    var today: String?

    @Flag(help: "Show every rule, also those that do not apply, with full traces.")
    var verbose = false

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Refuse to fall back to the model APV for a municipality without a rulebook of its own.")
    var strict = false

    func validate() throws {
      if let lang, !["nl", "en"].contains(lang) { throw ValidationError("--lang must be nl or en, not '\(lang)'") }
      if let asOf, InputValueParser.date(asOf) == nil { throw ValidationError("--as-of must be a date like 2026-07-04, not '\(asOf)'") }
      if let today, InputValueParser.date(today) == nil { throw ValidationError("--today must be a date like 2026-07-04, not '\(today)'") }
    }

    func run() throws {
      let engine = try LoadedRules.engine(rules, answering: rulebook.map { [$0] } ?? LoadedRules.municipalities(in: files))
      let options = RuleEngine.CheckOptions(asOf: asOf.flatMap(InputValueParser.date), rulebook: rulebook)
      var failed = false
      var outputs: [String] = []
      for path in files {
        let (file, sourceDiagnostics) = try YAMLSource.load(path: path)
        let results = sourceDiagnostics.isEmpty
          ? engine.check(file: file, options: options)
          : [RuleEngine.CheckResult(initiativeID: path, evaluation: nil, diagnostics: sourceDiagnostics)]
        for var result in results {
          if strict, let evaluation = result.evaluation, let refusal = Self.strictRefusal(evaluation) {
            result.evaluation = nil
            result.diagnostics.append(refusal)
          }
          if !result.diagnostics.isEmpty {
            printError(DiagnosticTextRenderer(color: color.enabled(for: STDERR_FILENO)).render(result.diagnostics))
          }
          guard let evaluation = result.evaluation else {
            failed = true
            if format == .json { outputs.append(errorEntry(result)) }
            continue
          }
          outputs.append(render(evaluation.withExactOutcomes()))
        }
      }
      switch format {
      // Always an array, one entry per initiative in input order, whatever the number of files.
      case .json: printOut(outputs.isEmpty ? "[]\n" : "[\n" + outputs.joined(separator: ",\n") + "\n]\n")
      case .markdown: printOut(outputs.joined(separator: "\n---\n\n"))
      case .text: printOut(outputs.joined(separator: "\n"))
      }
      if failed { throw ExitCode.failure }
    }

    /// The JSON entry of an initiative that could not be evaluated: its id and an `ErrorV1`,
    /// the same error body the API answers with.
    func errorEntry(_ result: RuleEngine.CheckResult) -> String {
      struct Entry: Encodable {
        var initiative: String
        var error: ErrorV1
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
      let data = (try? encoder.encode(Entry(initiative: result.initiativeID, error: ErrorV1(result.diagnostics)))) ?? Data("{}".utf8)
      return String(decoding: data, as: UTF8.self)
    }

    /// The error `--strict` gives for an evaluation against the model in place of a municipality's own rulebook.
    static func strictRefusal(_ evaluation: Evaluation) -> Diagnostic? {
      guard let selection = evaluation.selection, selection.fallback else { return nil }
      let name = selection.municipality?.name ?? evaluation.initiative.municipality ?? ""
      let code = selection.municipality.map { " (\($0.code))" } ?? ""
      return .error(
        RulebookDiagnostics.fallback, "'\(name)'\(code) has no rulebook of its own; --strict refuses the model APV in its place",
        at: evaluation.initiative.municipalitySpan ?? evaluation.initiative.span,
        help: "leave out --strict to check against the model APV, or start one with 'bricoleur new-rulebook \(name)'")
    }

    func render(_ evaluation: Evaluation) -> String {
      let language = lang ?? evaluation.initiative.language ?? "nl"
      let room = noRoom ? nil : RoomAnalyzer().analyze(evaluation, today: today.flatMap(InputValueParser.date) ?? CalendarDay.today)
      switch format {
      case .text: return EvaluationTextRenderer(language: language, verbose: verbose, color: color.enabled()).render(evaluation, room: room)
      case .markdown: return EvaluationMarkdownRenderer(language: language).render(evaluation, room: room)
      case .json: return String(decoding: EvaluationJSONRenderer(language: language).serializedBytes(evaluation, room: room, pretty: true), as: UTF8.self)
      }
    }
  }
}

/// Loads the rulebooks for a command, printing their problems; refuses to go on with errors.
enum LoadedRules {
  /// The rulebooks under `path` (the shipped ones when nil); with `names`, only those that can
  /// answer for these municipalities or rulebook ids (see `RulebookLibrary.load(path:answering:)`).
  static func engine(_ path: String?, answering names: Set<String>? = nil) throws -> RuleEngine {
    let location = RulesLocation.resolve(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError("no rulebook folder at '\(location)'")
    }
    let engine = RuleEngine(library: try names.map { try RulebookLibrary.load(path: location, answering: $0) } ?? RulebookLibrary.load(path: location))
    let diagnostics = engine.library.diagnostics
    if !diagnostics.isEmpty { printError(DiagnosticTextRenderer(color: ColorChoice.auto.enabled(for: STDERR_FILENO)).render(diagnostics)) }
    if diagnostics.hasErrors && engine.library.rulebooks.isEmpty {
      printError("error: the rulebooks have errors; fix them first ('bricoleur lint \(location)')\n")
      throw ExitCode.failure
    }
    return engine
  }
}

extension LoadedRules {
  /// The municipalities the initiatives in `files` name, to load only their rulebooks; nil when
  /// an initiative names none (then the sole rulebook of a folder answers, so all are loaded).
  /// Files that cannot be read as YAML name nothing: their errors are reported when they are checked.
  static func municipalities(in files: [String]) -> Set<String>? {
    var names: Set<String> = []
    for path in files {
      guard let (file, problems) = try? YAMLSource.load(path: path), problems.isEmpty else { continue }
      let (documents, diagnostics) = YAMLReader().read(file)
      guard !diagnostics.hasErrors else { continue }
      for document in documents {
        guard let name = document.root?["municipality"]?.scalar else { return nil }
        names.insert(name)
      }
    }
    return names
  }
}
