import Engine
import Foundation
import Rulebook
import SourceDiagnostics
import YAMLTree

/// Reads the initiatives an impact report runs over: a JSON Lines batch, YAML initiative files
/// (a file or a folder of them), or the rule tests of rulebook folders.
public enum InitiativeSources {
  /// The initiatives of a JSON Lines file (one initiative object per line; bad lines are diagnostics).
  public static func jsonLines(path: String) throws -> ([Initiative], [Diagnostic]) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var initiatives: [Initiative] = []
    var diagnostics: [Diagnostic] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      guard case .object(let object)? = try? JSONDecoder().decode(LooseJSON.self, from: Data(line.utf8)) else {
        diagnostics.append(Diagnostic(.error, code: "batch.bad-record", "line \(number + 1) is not a JSON object", at: nil, path: "\(path):\(number + 1)"))
        continue
      }
      initiatives.append(initiative(object, fallbackID: "\(path):\(number + 1)"))
    }
    return (initiatives, diagnostics)
  }

  static func initiative(_ object: [String: LooseJSON], fallbackID: String) -> Initiative {
    var facts: [RawFact] = []
    if case .object(let members)? = object["facts"] {
      facts = members.sorted { $0.key < $1.key }.map { name, value -> RawFact in
        if case .array(let items) = value { return RawFact(name: name, text: nil, items: items.map { ($0.text ?? "", nil) }) }
        return RawFact(name: name, text: value.text)
      }
    }
    return Initiative(
      id: object["id"]?.text ?? fallbackID, title: object["title"]?.text, municipality: object["municipality"]?.text,
      date: object["date"]?.text.flatMap(InputValueParser.date), language: object["language"]?.text, facts: facts)
  }
}

/// A JSON value read without losing booleans or turning numbers into floats.
enum LooseJSON: Decodable {
  case null, bool(Bool), number(String), string(String), array([LooseJSON]), object([String: LooseJSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() { self = .null }
    else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
    else if let int = try? container.decode(Int64.self) { self = .number(String(int)) }
    else if let double = try? container.decode(Double.self) { self = .number(String(double)) }
    else if let string = try? container.decode(String.self) { self = .string(string) }
    else if let array = try? container.decode([LooseJSON].self) { self = .array(array) }
    else { self = .object(try container.decode([String: LooseJSON].self)) }
  }

  /// The value as a resident's text (nil for null).
  var text: String? {
    switch self {
    case .null: nil
    case .bool(let b): b ? "true" : "false"
    case .number(let n), .string(let n): n
    case .array(let items): items.compactMap(\.text).joined(separator: ", ")
    case .object: nil
    }
  }
}

extension InitiativeSources {

  /// The initiatives in YAML (or JSON) initiative files.
  public static func documents(paths: [String]) throws -> ([Initiative], [Diagnostic]) {
    var initiatives: [Initiative] = []
    var diagnostics: [Diagnostic] = []
    for path in paths {
      let (file, problems) = try YAMLSource.load(path: path)
      diagnostics += problems
      guard problems.isEmpty else { continue }
      let (documents, readProblems) = YAMLReader().read(file)
      diagnostics += readProblems
      for (index, document) in documents.enumerated() {
        let (initiative, more) = InitiativeReader.read(document.root, in: file, index: index)
        diagnostics += more
        if let initiative, !more.hasErrors { initiatives.append(initiative) }
      }
    }
    return (initiatives, diagnostics)
  }

  /// The rule tests of a rulebook folder, as initiatives for `rulebook`.
  public static func ruleTests(rulebookDirectory: String, rulebook: String) throws -> ([Initiative], [Diagnostic]) {
    var initiatives: [Initiative] = []
    var diagnostics: [Diagnostic] = []
    for path in RuleTestRunner.testFiles(in: rulebookDirectory) {
      let (file, problems) = try YAMLSource.load(path: path)
      diagnostics += problems
      guard problems.isEmpty else { continue }
      let (cases, more) = RuleTestReader.read(file, rulebook: rulebook)
      diagnostics += more
      initiatives += cases.map(\.initiative)
    }
    return (initiatives, diagnostics)
  }
}
