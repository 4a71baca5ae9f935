import Analysis
import Engine
import Foundation
import Import
import Rulebook
import RuleLanguage
import SourceDiagnostics
import TestSupport

/// The vergunningcheck files in Tests/Fixtures/vergunningcheck (a copy of the City of
/// Amsterdam's files, MPL-2.0), imported once into a temporary folder for every test.
enum ImportFixtures {
  static let folder = repositoryRoot().appendingPathComponent("Tests/Fixtures/vergunningcheck")

  static func files(_ kind: String) -> [String] {
    let path = folder.appendingPathComponent(kind).path
    return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
  }

  /// One imported permit: the source tables, the rulebook made of them, and what the import said.
  struct Imported: @unchecked Sendable {
    var file: String
    var tables: SourceTables
    var rulebook: CompiledRulebook?
    var library: RulebookLibrary
    var diagnostics: [Diagnostic]
  }

  /// Every permit of every JSON fixture that is not skipped, imported into its own folder.
  /// Where the fixtures are imported: a folder per source file, a rulebook folder per permit in it.
  static let root = NSTemporaryDirectory() + "bricoleur-import-\(ProcessInfo.processInfo.processIdentifier)"

  static let imported: [Imported] = {
    var result: [Imported] = []
    for file in files("json") {
      let data = try! Data(contentsOf: URL(fileURLWithPath: file))
      let output = Importer().importData(data, path: file)
      let tables = try! SourceTables.permits(of: data).filter { Importer.skipReason($0.name) == nil }
      let folder = "\(root)/\((file as NSString).lastPathComponent)"
      _ = try! Importer.write(output, to: folder)
      let library = try! RulebookLibrary.load(path: folder)
      for (tables, book) in zip(tables, output.rulebooks) {
        result.append(Imported(
          file: (file as NSString).lastPathComponent, tables: tables, rulebook: library.rulebooks[book.id], library: library,
          diagnostics: output.diagnostics.filter { $0.severity != .note }))
      }
    }
    return result
  }()
}
