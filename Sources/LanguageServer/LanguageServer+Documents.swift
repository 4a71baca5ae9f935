import Foundation
import Rulebook

extension LanguageServer {
  /// The open documents' texts, standing in for their files.
  var overlay: SourceOverlay {
    SourceOverlay(documents.mapValues(\.text))
  }

  func open(_ uri: String, version: Int?, text: String) {
    guard let path = DocumentURI.path(of: uri) else { return }
    documents[path] = OpenDocument(uri: uri, version: version, text: text)
    changed(path)
  }

  func change(_ uri: String, version: Int?, text: String) {
    guard let path = DocumentURI.path(of: uri), documents[path] != nil else { return }
    documents[path]?.text = text
    documents[path]?.version = version
    changed(path)
  }

  func saved(_ uri: String, text: String?) {
    guard let path = DocumentURI.path(of: uri) else { return }
    if let text { documents[path]?.text = text }
    changed(path)
  }

  func close(_ uri: String) {
    guard let path = DocumentURI.path(of: uri), documents.removeValue(forKey: path) != nil else { return }
    changed(path)
  }

  /// A document changed: every folder's names may have changed (a rulebook extends others),
  /// and its folder's diagnostics are out of date.
  func changed(_ path: String) {
    indexes.removeAll()
    pendingFolders.insert(Self.rulebookFolder(of: path))
  }

  /// The rulebook folder a file belongs to: its folder, or for a rule test the folder above `tests/`.
  static func rulebookFolder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return (folder as NSString).lastPathComponent == "tests" ? (folder as NSString).deletingLastPathComponent : folder
  }

  /// The names of the rulebook in `folder`.
  func index(of folder: String) -> RulebookIndex? {
    if let index = indexes[folder] { return index }
    guard let library = try? RulebookLibrary.load(path: folder, overlay: overlay) else { return nil }
    let unreadable = library.diagnostics.contains { $0.severity == .error && $0.code.hasPrefix("yaml.") }
    guard let index = unreadable ? readableIndexes[folder] : RulebookIndex(library: library, folder: folder) else { return nil }
    indexes[folder] = index
    if !unreadable { readableIndexes[folder] = index }
    return index
  }
}
