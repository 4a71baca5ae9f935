import Analysis
import Foundation
import Rulebook
import SourceDiagnostics
import Testing
import TestSupport

/// `FolderLint`, which `lint` and the language server share: compiling only the rulebooks built
/// on the one linted finds what compiling every rulebook finds, and an overlaid text is linted
/// instead of its file.
@Suite struct FolderLintTests {
  static let rules = repositoryRoot().appendingPathComponent("Rules").path

  static func summary(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.path ?? ""):\($0.span?.start ?? -1) \($0.code) \($0.message)" }.sorted()
  }

  @Test(arguments: ["borne", "amsterdam", "national"])
  func compilingOnlyTheLintedFindsTheSame(_ id: String) throws {
    let folder = (Self.rules as NSString).appendingPathComponent(id)
    var whole = FolderLint()
    var family = FolderLint(compilesOnlyTheLinted: true)
    let expected = Self.summary(try whole.lint(folder, testFiles: []))
    #expect(Self.summary(try family.lint(folder, testFiles: [])) == expected)
    if id == "national" { #expect(!expected.isEmpty, "the national rules have findings to compare") }
  }

  @Test func anOverlaidTextIsLintedInsteadOfItsFile() throws {
    let path = (Self.rules as NSString).appendingPathComponent("borne/rulebook.yaml")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let typo = text.replacingOccurrences(of: "visitors <= max_bezoekers_klein\n", with: "visitor <= max_bezoekers_klein\n")
    var lint = FolderLint(shallow: true, overlay: SourceOverlay([path: typo]))
    let found = try lint.lint((path as NSString).deletingLastPathComponent, testFiles: [])
    let unknown = try #require(found.first { $0.code == "expr.unknown-fact" })
    #expect(unknown.message == "unknown fact 'visitor'")
    #expect(unknown.span?.text == "visitor")
    var onDisk = FolderLint(shallow: true)
    #expect(!(try onDisk.lint((path as NSString).deletingLastPathComponent, testFiles: [])).contains { $0.code == "expr.unknown-fact" })
  }
}
