import Analysis
import Engine
import Foundation
import Rulebook
import Testing
import TestSupport

/// `lint.foreign-link`: a link to another municipality's site is reported where it is written;
/// a municipality's links to its own site are not.
@Suite struct ForeignLinkTests {
  static func findings(_ rules: String) throws -> [String] {
    let library = try RulebookLibrary.load(path: rules)
    return Linter(budget: 10).lint(library, rulebooks: library.definitions.keys.sorted())
      .filter { $0.code == AnalysisDiagnostics.foreignLink }
      .map { "\($0.span.map { "\(($0.file.path as NSString).lastPathComponent):\($0.startLocation.line)" } ?? ""): \($0.message)" }
  }

  @Test func aNeighboursSiteIsReportedAndOnesOwnIsNot() throws {
    let rules = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: repositoryRoot().appendingPathComponent("Rules").path, toPath: rules)
    defer { try? FileManager.default.removeItem(atPath: rules) }
    let path = rules + "/borne/rulebook.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let planted = text.replacingOccurrences(of: "url: https://borne.nl/buurtfeest-ander-klein-evenement", with: "url: https://www.hengelo.nl/buurtfeest")
    #expect(planted != text)
    try planted.write(toFile: path, atomically: true, encoding: .utf8)
    let findings = try Self.findings(rules)
    #expect(findings.contains("rulebook.yaml:24: the link of parameter 'max_bezoekers_klein' points at the site of Hengelo, not Borne's source"), "\(findings)")
    #expect(findings.contains { $0.contains("weg.yaml:103: the link of rule 'tijdelijke-verkeersmaatregel' points at the site of Rijssen-Holten") })
    #expect(!findings.contains { $0.contains("eindhoven.nl") || $0.contains("of Eindhoven") || $0.contains("of Borne") })
  }
}
