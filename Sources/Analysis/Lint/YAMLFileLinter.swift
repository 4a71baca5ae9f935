import Foundation
import Rulebook
import SourceDiagnostics
import YAMLTree

/// Checks a YAML file on its own: readable, well-formed, each document a mapping.
public enum YAMLFileLinter {
  /// The problems of the file at `path` (or of its text in `overlay`).
  public static func lint(path: String, overlay: SourceOverlay = SourceOverlay()) -> [Diagnostic] {
    let file: SourceFile
    var diagnostics: [Diagnostic]
    do {
      (file, diagnostics) = try overlay.load(path: path)
    } catch {
      return [Diagnostic(.error, code: "io.read", "cannot read file: \(error.localizedDescription)", at: nil, path: path)]
    }
    guard diagnostics.isEmpty else { return diagnostics }
    let (documents, readDiagnostics) = YAMLReader().read(file)
    diagnostics += readDiagnostics
    if documents.isEmpty, !readDiagnostics.hasErrors {
      diagnostics.append(
        .error(YAMLDiagnostics.empty, "file is empty", at: file.span(0, 0), help: "a rule or initiative file holds a mapping of keys"))
    }
    for document in documents {
      guard let root = document.root, root.mapping == nil, !root.isNull || documents.count == 1 else { continue }
      diagnostics.append(
        .error(
          YAMLDiagnostics.expectedKind, "expected a mapping, found a \(root.kindName)", at: root.span,
          help: "write keys and values, e.g. 'id: straatfeest-1'"))
    }
    return diagnostics
  }
}
