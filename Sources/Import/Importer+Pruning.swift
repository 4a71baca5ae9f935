import Analysis
import Foundation
import Rulebook
import SourceDiagnostics

extension Importer {
  /// The rulebook without the rules no answers can reach (a conclusion row that is never the
  /// first match, or "no conclusion" when the tables cover every answer), as the linter's exact
  /// search proves them; the written files are loaded back, so a generated file that does not
  /// load is an error here rather than at the user's.
  func pruned(_ book: ImportedRulebook, notice: SourceNotice) -> (ImportedRulebook, [Diagnostic]) {
    let scratch = NSTemporaryDirectory() + "bricoleur-import-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    var book = book
    var diagnostics: [Diagnostic] = []
    for _ in 0..<3 {
      let folder = "\(scratch)/\(book.id)"
      let library: RulebookLibrary
      do {
        try Self.writeFiles(RulebookYAML.files(book, source: notice), to: folder)
        library = try RulebookLibrary.load(path: folder)
      } catch {
        return (book, [.error(ImportDiagnostics.selfCheck, "the generated rulebook '\(book.id)' cannot be read back: \(error)", at: nil)])
      }
      let problems = library.diagnostics.filter { $0.severity == .error }
      guard problems.isEmpty, let compiled = library.rulebooks[book.id] else {
        let first = problems.first.map { "\($0.message) (\($0.path ?? ""):\($0.location?.description ?? ""))" } ?? "it does not compile"
        return (book, [.error(ImportDiagnostics.selfCheck, "the generated rulebook '\(book.id)' does not load: \(first)", at: nil)])
      }
      let findings = Linter().unsatisfiable(compiled).filter { $0.code == AnalysisDiagnostics.unsatisfiable && $0.severity == .error }
      let dead = Set(compiled.epochs.flatMap(\.rules).filter { rule in
        findings.contains { $0.span != nil && $0.span == rule.condition?.checked.span }
      }.map(\.rule.id))
      guard !dead.isEmpty else { break }
      for rule in book.rules where dead.contains(rule.id) && rule.id != "geen-conclusie" {
        book.notes.append("\(rule.title) past nooit als eerste rij en is weggelaten.")
        diagnostics.append(Diagnostic(.note, code: ImportDiagnostics.neverMatches,
          "\(rule.title) in '\(book.permitName)' is never the first matching row; it is left out", at: nil, path: book.sourcePath))
      }
      book.rules.removeAll { dead.contains($0.id) }
      book.removeUnreachable()
    }
    return (book, diagnostics)
  }

  static func writeFiles(_ files: [(name: String, text: String)], to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
  }
}

extension ImportedRulebook {
  /// Leaves out the definitions and facts no rule reads, directly or through definitions.
  mutating func removeUnreachable() {
    var reached = Set<String>()
    var pending = rules.flatMap { Self.names(in: $0.condition.text) }
    let byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    while let name = pending.popLast() {
      guard reached.insert(name).inserted, let definition = byName[name] else { continue }
      pending += Self.names(in: definition.condition.text)
    }
    definitions.removeAll { !reached.contains($0.name) }
    for fact in facts where !reached.contains(fact.name) {
      notes.append("De vraag \"\(fact.question.text)\" beslist in geen tabel iets en is weggelaten.")
    }
    facts.removeAll { !reached.contains($0.name) }
  }

  /// The identifiers in an expression.
  static func names(in text: String) -> [String] {
    text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
  }
}
