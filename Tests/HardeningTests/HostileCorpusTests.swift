import Engine
import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics
import Testing
import TestSupport
import YAMLTree

/// One file of `Tests/Fixtures/hostile` and what must come of it (from its `expected.yaml`).
struct HostileFile: Sendable, CustomTestStringConvertible {
  let path: String
  let code: String?
  let line: Int?
  let fact: String?
  let value: String?
  var testDescription: String { path }

  static let folder = repositoryRoot().appendingPathComponent("Tests/Fixtures/hostile")

  /// Every entry of `expected.yaml`.
  static let all: [HostileFile] = {
    let (file, _) = try! YAMLSource.load(path: folder.appendingPathComponent("expected.yaml").path)
    let (root, diagnostics) = YAMLReader().readSingle(file)
    precondition(diagnostics.isEmpty, "expected.yaml: \(diagnostics)")
    return (root?.mapping ?? []).map { pair in
      let v = pair.value
      return HostileFile(
        path: pair.key.scalar ?? "", code: v["code"]?.scalar, line: v["line"]?.scalar.flatMap { Int($0) },
        fact: v["fact"]?.scalar, value: v["value"]?.scalar)
    }
  }()
}

@Suite struct HostileCorpusTests {
  static let engine = try! RuleEngine(rulesPath: HostileFile.folder.appendingPathComponent("rules/hostile").path)

  @Test(arguments: HostileFile.all)
  func hostileFileGivesItsDiagnostic(_ c: HostileFile) throws {
    let path = HostileFile.folder.appendingPathComponent(c.path).path
    var diagnostics: [Diagnostic] = []
    var value: Value?
    switch c.path.split(separator: "/").first {
    case "yaml":
      let (file, sourceDiagnostics) = try YAMLSource.load(path: path)
      diagnostics = sourceDiagnostics.isEmpty ? YAMLReader().read(file).diagnostics : sourceDiagnostics
    case "initiatives":
      let (file, sourceDiagnostics) = try YAMLSource.load(path: path)
      diagnostics = sourceDiagnostics
      if sourceDiagnostics.isEmpty {
        let results = Self.engine.check(file: file)
        diagnostics = results.flatMap(\.diagnostics)
        if let fact = c.fact, let evaluation = results.first?.evaluation, let slot = evaluation.rulebook.slotsByName[fact] {
          value = evaluation.facts[slot]
        }
      }
    case "rulebooks":
      diagnostics = try RulebookLibrary.load(path: path).diagnostics
    default:
      Issue.record("unknown kind of hostile file '\(c.path)'")
    }
    let errors = diagnostics.filter { $0.severity == .error }
    if let code = c.code {
      let first = try #require(errors.first, "no error for \(c.path)")
      #expect(first.code == code)
      #expect(first.span?.startLocation.line == c.line)
      // One problem, one diagnostic: nesting too deep must not cascade into 'unclosed' errors.
      if code == "expr.syntax" { #expect(errors.count == 1) }
    } else {
      #expect(errors.isEmpty, "\(errors.map { DiagnosticTextRenderer().render($0) })")
      #expect(value.map { "\($0)" } == c.value)
    }
  }

  @Test func everyHostileFileHasAnExpectation() throws {
    let listed = Set(HostileFile.all.map(\.path))
    let manager = FileManager.default
    var found: [String] = []
    for kind in ["yaml", "initiatives", "rulebooks"] {
      let names = try manager.contentsOfDirectory(atPath: HostileFile.folder.appendingPathComponent(kind).path)
      found += names.map { "\(kind)/\($0)" }
    }
    #expect(Set(found) == listed)
  }

  /// A file past the size limit (64 MiB) is refused after reading one byte more than the
  /// limit, before any parsing.
  @Test func hugeFileIsRefusedBeforeParsing() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).yaml").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: UInt64(YAMLLimits.default.maxFileBytes + 4096))  // sparse: no disk used
    try handle.close()
    let (_, diagnostics) = try YAMLSource.load(path: path)
    #expect(diagnostics.map(\.code) == [YAMLDiagnostics.fileTooLarge])
  }
}
