import Batch
import Engine
import Foundation
import Rulebook
import SourceDiagnostics
import Testing
import TestSupport
import YAMLTree

/// One intake: every example initiative, read as a YAML file, as a JSON object, as a flat JSON
/// Lines record and through the batch's byte parser, gives the same facts and diagnostics.
@Suite struct IntakeAgreementTests {
  static let root = repositoryRoot()

  static var examples: [String] {
    let folder = root.appendingPathComponent("Examples")
    let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
    return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("batches/") }.sorted()
  }

  /// A scalar as JSON: numbers and booleans bare, everything else a string.
  static func json(_ node: YAMLNode) -> String {
    if let pairs = node.mapping {
      return "{" + pairs.map { "\(json(YAMLNode(.scalar($0.key.scalar ?? "", .doubleQuoted), span: $0.key.span))): \(json($0.value))" }
        .joined(separator: ", ") + "}"
    }
    if let items = node.sequence { return "[" + items.map(json).joined(separator: ", ") + "]" }
    let text = node.scalar ?? ""
    if node.scalarStyle == .plain, text.range(of: #"^-?[0-9]+(\.[0-9]+)?$|^(true|false)$"#, options: .regularExpression) != nil {
      return text
    }
    let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
    return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
  }

  /// The example's top level as one flat JSON object: its own keys and its facts side by side.
  static func flatRecord(_ root: YAMLNode) -> String {
    var members: [String] = []
    for pair in root.mapping ?? [] {
      if pair.key.scalar == "facts", let facts = pair.value.mapping {
        members += facts.map { "\(json(YAMLNode(.scalar($0.key.scalar ?? "", .doubleQuoted), span: $0.key.span))): \(json($0.value))" }
      } else {
        members.append("\(json(YAMLNode(.scalar(pair.key.scalar ?? "", .doubleQuoted), span: pair.key.span))): \(json(pair.value))")
      }
    }
    return "{" + members.joined(separator: ", ") + "}"
  }

  struct Reading: Equatable, CustomStringConvertible {
    var facts: [String]
    var codes: [String]
    var description: String { "facts \(facts), diagnostics \(codes)" }
  }

  static func reading(_ root: YAMLNode?, file: SourceFile, layout: InitiativeReader.Layout, engine: RuleEngine) -> Reading {
    let (initiative, diagnostics) = InitiativeReader.read(root, in: file, layout: layout)
    guard let initiative, let rulebook = initiative.municipality.flatMap(engine.library.rulebook(for:)) else {
      return Reading(facts: [], codes: diagnostics.map(\.code))
    }
    let (facts, bindDiagnostics) = FactBinder.bind(initiative, to: rulebook)
    return Reading(facts: facts.values.map { "\($0)" }, codes: (diagnostics + bindDiagnostics).map(\.code))
  }

  @Test(arguments: examples) func everyWayInReadsTheSameFacts(_ example: String) throws {
    let engine = try RuleEngine(rulesPath: Self.root.appendingPathComponent("Rules").path)
    let (file, _) = try YAMLSource.load(path: Self.root.appendingPathComponent("Examples/\(example)").path)
    let root = try #require(YAMLReader().readSingle(file).root)
    let fromYAML = Self.reading(root, file: file, layout: .nested, engine: engine)
    #expect(!fromYAML.facts.isEmpty)

    let jsonFile = SourceFile(path: "x.json", text: Self.json(root))
    let fromJSON = Self.reading(YAMLReader().readSingle(jsonFile).root, file: jsonFile, layout: .nested, engine: engine)
    #expect(fromJSON == fromYAML, "JSON object")

    let recordFile = SourceFile(path: "x.jsonl", text: Self.flatRecord(root))
    let fromRecord = Self.reading(YAMLReader().readSingle(recordFile).root, file: recordFile, layout: .nestedOrFlat, engine: engine)
    #expect(fromRecord == fromYAML, "flat JSON Lines record")

    // The batch's byte parser reads the same record to the same verdict as `check`.
    let path = try jsonLines([Self.flatRecord(root)])
    var source = try JSONLinesSource(path: path)
    let (records, _, _) = try runBatch(&source, rules: "Rules")
    let record = try #require(records.first)
    let evaluation = try #require(engine.check(file: file).first?.evaluation?.withExactOutcomes())
    #expect(record["verdict"] as? String == evaluation.verdict.level.rawValue, "\(record)")
    #expect(record["determined"] as? Bool == evaluation.verdict.determined)
  }

  /// An amount written as the JSON answer writes it (`{"number": 900, "unit": "EUR"}`) reads as
  /// the amount, in a JSON object, a flat record and the batch; another mapping is an error.
  @Test func aTypedAmountReadsAsTheAmountInEveryWayIn() throws {
    let engine = try RuleEngine(rulesPath: Self.root.appendingPathComponent("Rules").path)
    let typed = #"{"number": 900, "unit": "EUR"}"#
    let nested = SourceFile(path: "x.json", text: #"{"id": "a", "municipality": "den-haag", "facts": {"subsidy_amount": \#(typed)}}"#)
    let written = SourceFile(path: "y.json", text: #"{"id": "a", "municipality": "den-haag", "facts": {"subsidy_amount": "EUR 900"}}"#)
    let fromTyped = Self.reading(YAMLReader().readSingle(nested).root, file: nested, layout: .nested, engine: engine)
    let fromText = Self.reading(YAMLReader().readSingle(written).root, file: written, layout: .nested, engine: engine)
    #expect(fromTyped == fromText)
    #expect(fromTyped.facts.contains("EUR 900.00"), "\(fromTyped)")
    let flat = #"{"id": "a", "municipality": "den-haag", "subsidy_amount": \#(typed)}"#
    let record = SourceFile(path: "x.jsonl", text: flat)
    #expect(Self.reading(YAMLReader().readSingle(record).root, file: record, layout: .nestedOrFlat, engine: engine) == fromText)
    var source = try JSONLinesSource(path: try jsonLines([flat, #"{"id": "b", "municipality": "den-haag", "subsidy_amount": "EUR 900"}"#]))
    let (records, _, _) = try runBatch(&source, rules: "Rules")
    #expect(records.count == 2 && records[0]["error"] == nil, "\(records)")
    #expect(records.first?["verdict"] as? String == records.last?["verdict"] as? String)
    let other = SourceFile(path: "z.json", text: #"{"id": "a", "municipality": "den-haag", "facts": {"subsidy_amount": {"number": 9, "unit": "parsec"}}}"#)
    #expect(InitiativeReader.read(YAMLReader().readSingle(other).root, in: other).1.map(\.code) == [RulebookDiagnostics.badFactValue])
  }

  /// An answer is given in Dutch or English; another language is an error at its place, in every
  /// way in.
  @Test func aLanguageTheAnswerIsNotGivenInIsAnErrorInEveryWayIn() throws {
    let flat = #"{"id": "a", "municipality": "borne", "language": "fr", "visitors": 50}"#
    let record = SourceFile(path: "x.jsonl", text: flat)
    let (_, diagnostics) = InitiativeReader.read(YAMLReader().readSingle(record).root, in: record, layout: .nestedOrFlat)
    #expect(diagnostics.map(\.code) == [RulebookDiagnostics.badFactValue])
    #expect(diagnostics.first?.span?.startLocation.column == 50)
    let yaml = SourceFile(path: "x.yaml", text: "id: a\nmunicipality: borne\nlanguage: AAA\n")
    #expect(InitiativeReader.read(YAMLReader().readSingle(yaml).root, in: yaml).1.first?.span?.startLocation.line == 3)
    var source = try JSONLinesSource(path: try jsonLines([flat, #"{"id": "b", "municipality": "borne", "language": "en", "visitors": 50}"#]))
    let (records, _, _) = try runBatch(&source, rules: "Rules")
    let error = records.first?["error"] as? [String: Any]
    #expect(error?["code"] as? String == RulebookDiagnostics.badFactValue, "\(records)")
    #expect(records.last?["error"] == nil)
  }

  @Test func aMappingAsAFactValueIsAnErrorInEveryWayIn() throws {
    let record = SourceFile(path: "x.jsonl", text: #"{"id": "a", "municipality": "borne", "visitors": {"n": 3}}"#)
    let (_, flat) = InitiativeReader.read(YAMLReader().readSingle(record).root, in: record, layout: .nestedOrFlat)
    #expect(flat.map(\.code) == [RulebookDiagnostics.badFactValue])
    #expect(flat.first?.span?.startLocation.column == 50)
    let nested = SourceFile(path: "x.json", text: #"{"id": "a", "municipality": "borne", "facts": {"visitors": {"n": 3}}}"#)
    let (_, diagnostics) = InitiativeReader.read(YAMLReader().readSingle(nested).root, in: nested)
    #expect(diagnostics.map(\.code) == [RulebookDiagnostics.badFactValue])
  }
}
