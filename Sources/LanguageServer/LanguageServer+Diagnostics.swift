import Analysis
import Foundation
import Rulebook
import SourceDiagnostics

extension LanguageServer {
  /// Lints every folder with a document changed since the last call and returns the
  /// `textDocument/publishDiagnostics` notifications: one for each file with problems, each
  /// open document of the folder (an empty list clears it) and each file that had problems.
  /// The transport calls it once the messages that have arrived are handled, so a burst of
  /// changes is linted once.
  public func publishPendingDiagnostics() -> [Data] {
    let folders = pendingFolders.sorted()
    pendingFolders.removeAll()
    return folders.flatMap { folder in publish(folder, lint(folder)) }
  }

  /// What `bricoleur lint` reports for the folder, by file; a folder that holds no rulebook
  /// has its open documents checked as YAML files.
  func lint(_ folder: String) -> [String: [Diagnostic]] {
    let overlay = overlay
    let open = documents.keys.filter { Self.rulebookFolder(of: $0) == folder }
    var diagnostics: [Diagnostic]
    if Self.holdsRulebook(folder, overlay: overlay) {
      var lint = FolderLint(overlay: overlay, compilesOnlyTheLinted: true)
      do {
        diagnostics = try lint.lint(folder, testFiles: Self.testFiles(of: folder, open: open))
      } catch {
        diagnostics = [Diagnostic(.error, code: "io.read", "cannot read the rulebook: \(error)", at: nil, path: folder)]
      }
    } else {
      diagnostics = open.flatMap { YAMLFileLinter.lint(path: $0, overlay: overlay) }
    }
    var byFile: [String: [Diagnostic]] = [:]
    for diagnostic in FolderLint.withoutRepeats(diagnostics) {
      if let span = diagnostic.span {
        byFile[(span.file.path as NSString).standardizingPath, default: []].append(diagnostic)
      } else if let path = diagnostic.path.map({ ($0 as NSString).standardizingPath }), !Self.isFolder(path) {
        byFile[path, default: []].append(diagnostic)
      } else {
        // A problem of the whole folder: shown at the top of each of its open documents.
        for path in open { byFile[path, default: []].append(diagnostic) }
      }
    }
    return byFile
  }

  /// The notifications for a folder's diagnostics.
  func publish(_ folder: String, _ byFile: [String: [Diagnostic]]) -> [Data] {
    let open = documents.keys.filter { Self.rulebookFolder(of: $0) == folder }
    let paths = Set(byFile.keys).union(open).union(published[folder] ?? [])
    published[folder] = Set(byFile.keys)
    return paths.sorted().map { path in
      let top = TextRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
      let diagnostics = (byFile[path] ?? []).map { diagnostic in
        LSPDiagnostic(diagnostic, range: diagnostic.span.map { $0.file.range(of: $0) } ?? top)
      }
      let params = PublishDiagnosticsParams(uri: documents[path]?.uri ?? DocumentURI.uri(of: path), version: documents[path]?.version, diagnostics: diagnostics)
      return Self.notification("textDocument/publishDiagnostics", params)
    }
  }

  /// Whether a file of the folder (as open or on disk) has a `rulebook:` block.
  static func holdsRulebook(_ folder: String, overlay: SourceOverlay) -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let paths = Set(names.map { (folder as NSString).appendingPathComponent($0) } + overlay.texts.keys.filter { ($0 as NSString).deletingLastPathComponent == folder })
    return paths.contains { path in
      guard path.hasSuffix(".yaml") || path.hasSuffix(".yml"), let text = try? overlay.load(path: path).file.text else { return false }
      return text.hasPrefix("rulebook:") || text.contains("\nrulebook:")
    }
  }

  /// The rule tests of a folder: the YAML files under its `tests/` (on disk or open).
  static func testFiles(of folder: String, open: [String]) -> [String] {
    let tests = (folder as NSString).appendingPathComponent("tests")
    var files = Set(open.filter { $0.hasPrefix(tests + "/") })
    let enumerator = FileManager.default.enumerator(atPath: tests)
    while let relative = enumerator?.nextObject() as? String {
      if ["yaml", "yml"].contains((relative as NSString).pathExtension.lowercased()) {
        files.insert((tests as NSString).appendingPathComponent(relative))
      }
    }
    return files.sorted()
  }

  static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}
