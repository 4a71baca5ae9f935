import Engine
import Reports
import Room
import Rulebook
import RuleLanguage
import SourceDiagnostics

/// What became of one record. Small (its detail, kept only for a report, is boxed), since every
/// record's status is returned up through the batch's hot path.
public enum RecordStatus: Sendable {
  case evaluated(rulebook: String, Decision, RecordDetail.Box?)
  case failed(code: String, RecordDetail.Box?)
}

/// One record as the report shows it (collected only when a report is asked for).
public struct RecordDetail: Sendable {
  public var number: Int
  public var id: String?
  public var rulebook: String?
  public var decision: Decision?
  /// Rules that set the verdict level.
  public var decidedBy: [String] = []
  /// Rules whose notification, permit or exemption is required.
  public var required: [String] = []
  public var error: RecordError?
  /// What the record held, to explain it again (JSON text or an initiative).
  public var source: RecordSourceText?
  /// The adjustments found by `--room`, as labels (`visitors 200 → notification_required`).
  public var adjustments: [String] = []

  /// A detail on the heap.
  public final class Box: Sendable {
    public let detail: RecordDetail

    init(_ detail: RecordDetail) {
      self.detail = detail
    }
  }

  /// A label that groups the same adjustment across initiatives.
  static func label(_ adjustment: Adjustment) -> String {
    adjustment.changes.map { "\($0.fact) \($0.to)" }.joined(separator: " + ") + " → " + adjustment.verdictAfter.level.rawValue
  }
}

/// Why a record failed, and where.
public struct RecordError: Sendable {
  public var code: String
  public var message: String
  public var path: String
  public var line: Int
  public var column: Int
  public var help: String?
}

/// A record kept for its explanation in the report.
public enum RecordSourceText: Sendable {
  case json(String)
  case initiative(Initiative)
}

/// Evaluates records into output lines. One per worker: it keeps scratch buffers, so it is not
/// shared; the tables and rulebooks it reads are.
struct RecordProcessor {
  let context: BatchContext
  var members: [JSONMember] = []
  var factMembers: [JSONMember] = []
  /// The last record's decision with its rules; its storage is kept from record to record.
  var decided = RuleDecision.empty
  var facts = FactVector(count: 0)

  init(context: BatchContext) {
    self.context = context
  }

  /// Appends the record's output to `out` and says what became of it.
  mutating func process(_ item: RecordItem, number: Int, chunk: RecordChunk, into out: OutputBuffer) -> RecordStatus {
    switch item {
    case .jsonLine(let line, let start, let end):
      return chunk.bytes.withUnsafeBufferPointer { all in
        let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
        return processJSON(bytes, path: chunk.path, line: line, number: number, into: out)
      }
    case .read(let record):
      let (path, line, initiative, diagnostics) = (record.path, record.line, record.initiative, record.diagnostics)
      guard let initiative, !diagnostics.hasErrors else {
        let first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
        return fail(number: number, id: initiative?.id, path: path, line: first?.location?.line ?? line, column: first?.location?.column ?? 1,
          code: first?.code ?? "batch.record", message: first?.message ?? "the record could not be read", help: first?.help, into: out)
      }
      return processInitiative(initiative, path: path, line: line, number: number, into: out)
    }
  }

  mutating func processInitiative(_ initiative: Initiative, path: String, line: Int, number: Int, into out: OutputBuffer) -> RecordStatus {
    guard let (rulebook, fallback) = context.select(initiative.municipality) else {
      return fail(number: number, id: initiative.id, path: path, line: line, column: 1, code: "batch.no-rulebook",
        message: context.noRulebookMessage(initiative.municipality), help: context.rulebookHelp(initiative.municipality), into: out)
    }
    let (bound, diagnostics) = FactBinder.bind(initiative, to: rulebook.compiled)
    if let first = diagnostics.first(where: { $0.severity == .error }) {
      return fail(number: number, id: initiative.id, path: path, line: first.location?.line ?? line, column: first.location?.column ?? 1,
        code: first.code, message: first.message, help: first.help, into: out)
    }
    let source: RecordSourceText? = context.details ? .initiative(initiative) : nil
    return emit(
      number: number, id: .text(initiative.id), rulebook: rulebook, facts: bound, day: context.asOf ?? initiative.date, source: source,
      fallback: fallback, written: initiative, into: out)
  }

  /// The result of evaluating bound facts, as one output record; `fallback` when the model
  /// answers for a municipality without a rulebook of its own. `written` is the initiative as
  /// written, where the record was read as one: the room then knows which facts were given
  /// (without it, a fact equal to the one it defaults to counts as following it).
  mutating func emit(
    number: Int, id: OutputBuffer.ID, rulebook: BatchContext.Book, facts: FactVector, day: CalendarDay?, source: RecordSourceText?,
    fallback: RulebookSelection? = nil, written: Initiative? = nil, into out: OutputBuffer
  ) -> RecordStatus {
    rulebook.evaluator.decide(facts, on: day, rulesInto: &decided)
    var decision = decided.decision
    if !decision.determined {
      // An open verdict names only the levels some completion of the facts reaches.
      let initiative = Initiative(id: id.text ?? String(number), municipality: rulebook.compiled.definition.municipality, date: day)
      decision = decision.exact(facts: facts, initiative: initiative, rulebook: rulebook.compiled, asOf: day, evaluator: rulebook.evaluator).decision
    }
    var room: RoomAnalysis?
    var roomMembers: RoomMembers?
    if let analyzer = context.room {
      // A batch reports the adjustments and questions, which need no full evaluation; their
      // words are those of check, from the record's facts and the rulebook.
      var initiative = Initiative(id: id.text ?? String(number), municipality: rulebook.compiled.definition.municipality, date: day)
      if let written { initiative.facts = written.facts }
      let analysis = analyzer.adjustmentsAndQuestions(initiative, facts: facts, rulebook: rulebook.compiled, asOf: day, evaluator: rulebook.evaluator)
      if analysis.adjustments.isEmpty {
        roomMembers = .questionsOnly(analysis.questions)
      } else {
        // The deciding unknowns found on the way rank the questions; the batch reports the
        // questions, not the items (their outcomes are refined only by a full analysis).
        var adjustments = analysis
        adjustments.decidingUnknowns = []
        let evaluation = Evaluation.words(of: initiative, facts: facts, rulebook: rulebook.compiled, asOf: day)
        roomMembers = .rendered(RoomJSONRenderer(language: rulebook.compiled.definition.languages.first ?? "nl").memberBytes(adjustments, in: evaluation))
      }
      room = analysis
    }
    switch context.format {
    case .jsonl:
      out.writeResult(
        number: number, id: id, fragments: rulebook.fragments, epoch: rulebook.epochIndex(on: day), decision: decision, applying: decided.applying,
        undetermined: decided.undetermined, room: roomMembers, fallback: fallback)
    case .csv:
      out.writeCSVResult(
        number: number, id: id, rulebook: rulebook.compiled.id, decision: decision, rules: rulebook.compiled.epoch(on: day).rules,
        applying: decided.applying, undetermined: decided.undetermined)
    }
    guard context.details else { return .evaluated(rulebook: rulebook.compiled.id, decision, nil) }
    let rules = rulebook.compiled.epoch(on: day).rules
    var detail = RecordDetail(number: number, id: id.text, rulebook: rulebook.compiled.id, decision: decision, source: source)
    detail.adjustments = room?.adjustments.map(RecordDetail.label) ?? []
    for index in decided.applying {
      let compiled = rules[index]
      if compiled.level == decision.level, decision.level != .allowed { detail.decidedBy.append(compiled.rule.id) }
      if [.notification, .permit].contains(compiled.rule.outcome.kind) { detail.required.append(compiled.rule.id) }
    }
    return .evaluated(rulebook: rulebook.compiled.id, decision, RecordDetail.Box(detail))
  }

  mutating func fail(
    number: Int, id: String?, path: String, line: Int, column: Int, code: String, message: String, help: String?, into out: OutputBuffer
  ) -> RecordStatus {
    out.writeFailure(number: number, id: id, path: path, line: line, column: column, code: code, message: message, help: help, format: context.format)
    guard context.details else { return .failed(code: code, nil) }
    let error = RecordError(code: code, message: message, path: path, line: line, column: column, help: help)
    return .failed(code: code, RecordDetail.Box(RecordDetail(number: number, id: id, error: error)))
  }
}
