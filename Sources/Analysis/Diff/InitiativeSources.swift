import Engine
import Foundation
import Rulebook
import SourceDiagnostics
import YAMLTree

/// Reads the initiatives an impact report runs over: a JSON Lines batch, YAML initiative files
/// (a file or a folder of them), or the rule tests of rulebook folders.
public enum InitiativeSources {
  /// The initiatives of a JSON Lines file: one initiative object per line, its facts nested
  /// under `facts` or flat beside its own keys, as `batch` reads them. Each record goes through
  /// the one decoder (`InitiativeReader`); bad records are diagnostics at their line and column.
  ///
  /// - Complexity: O(*n*²) in the number of lines at worst: each record is read from a file
  ///   that keeps its line number (preceded by empty lines).
  public static func jsonLines(path: String) throws -> ([Initiative], [Diagnostic]) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var initiatives: [Initiative] = []
    var diagnostics: [Diagnostic] = []
    let reader = YAMLReader()
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      let file = SourceFile(path: path, text: String(repeating: "\n", count: number) + line)
      let (root, readDiagnostics) = reader.readSingle(file)
      diagnostics += readDiagnostics
      guard !readDiagnostics.hasErrors else { continue }
      let (initiative, more) = InitiativeReader.read(root, in: file, index: number, layout: .nestedOrFlat)
      diagnostics += more
      guard var initiative, !more.hasErrors else { continue }
      if initiative.id.hasSuffix("#\(number + 1)") { initiative.id = "\(path):\(number + 1)" }
      initiatives.append(initiative)
    }
    return (initiatives, diagnostics)
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
