import Foundation
import RuleLanguage
import SourceDiagnostics
import Testing
import TestSupport
import YAMLTree

/// Every input a fuzz target once crashed or hung on (`Tests/Fixtures/fuzz-regressions/TARGET/`),
/// run again through what that target runs. Each must finish, with a diagnostic.
struct FuzzRegression: Sendable, CustomTestStringConvertible {
  let target: String
  let name: String
  var testDescription: String { "\(target)/\(name)" }

  static let folder = repositoryRoot().appendingPathComponent("Tests/Fixtures/fuzz-regressions")

  static let all: [FuzzRegression] = {
    let manager = FileManager.default
    let targets = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
    return targets.sorted().flatMap { target in
      ((try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []).sorted()
        .map { FuzzRegression(target: target, name: $0) }
    }
  }()

  var bytes: [UInt8] {
    Array((try? Data(contentsOf: Self.folder.appendingPathComponent(target).appendingPathComponent(name))) ?? Data())
  }
}

@Suite struct FuzzRegressionTests {
  @Test(.timeLimit(.minutes(1)), arguments: FuzzRegression.all)
  func fuzzFindingStaysFixed(_ c: FuzzRegression) throws {
    switch c.target {
    case "rule-language":
      var environment = Environment()
      _ = environment.declareFact("visitors", type: .integer)
      let (checked, diagnostics) = environment.checkCondition(EmbeddedSource(standalone: String(decoding: c.bytes, as: UTF8.self)))
      #expect(checked == nil)
      #expect(!diagnostics.isEmpty)
      #expect(diagnostics.count < 1000, "a cascade of \(diagnostics.count) diagnostics")
    case "yaml-reader":
      let (file, sourceDiagnostics) = YAMLSource.make(path: "fuzz.yaml", bytes: c.bytes)
      if sourceDiagnostics.isEmpty { _ = YAMLReader().read(file) }
    default:
      Issue.record("no harness for fuzz target '\(c.target)'")
    }
  }
}
