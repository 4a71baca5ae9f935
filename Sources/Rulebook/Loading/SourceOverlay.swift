import Foundation
import SourceDiagnostics
import YAMLTree

/// Texts that stand in for files on disk, by path: the open, unsaved documents of an editor.
/// Loading a rulebook through an overlay reads an overlaid file's text instead of the file.
public struct SourceOverlay: Sendable {
  /// The texts by standardized path.
  public private(set) var texts: [String: String] = [:]

  public init(_ texts: [String: String] = [:]) {
    for (path, text) in texts { self[path] = text }
  }

  /// The text that stands in for `path`, if any.
  public subscript(path: String) -> String? {
    get { texts[Self.key(path)] }
    set { texts[Self.key(path)] = newValue }
  }

  /// Reads `path` from the overlay, else from disk. Throws only for I/O.
  public func load(path: String) throws -> (file: SourceFile, diagnostics: [Diagnostic]) {
    guard let text = self[path] else { return try YAMLSource.load(path: path) }
    return YAMLSource.make(path: path, bytes: Array(text.utf8))
  }

  /// The names of the YAML files in `directory`, sorted: those on disk and overlaid ones not
  /// yet saved there.
  func yamlNames(in directory: String) throws -> [String] {
    let folder = Self.key(directory)
    let unsaved = texts.keys.filter { ($0 as NSString).deletingLastPathComponent == folder }.map { ($0 as NSString).lastPathComponent }
    let names = try FileManager.default.contentsOfDirectory(atPath: directory) + unsaved
    return Set(names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }).sorted()
  }

  static func key(_ path: String) -> String { (path as NSString).standardizingPath }
}
