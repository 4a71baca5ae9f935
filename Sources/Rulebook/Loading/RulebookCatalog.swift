import Foundation
import SourceDiagnostics
import YAMLTree

/// What each rulebook folder of a `Rules/` folder says about itself (its id, municipality and
/// the rulebook it extends), read from the `rulebook:` block alone: enough to find the few
/// rulebooks a command needs among hundreds without reading or compiling the others.
public struct RulebookCatalog: Sendable {
  /// One rulebook folder and its `rulebook:` block.
  public struct Entry: Sendable, Hashable {
    public var folder: String
    public var id: String
    /// The municipality as its own block writes it (nil for national and model rulebooks).
    public var municipality: String?
    public var extends: String?
  }

  /// The rulebook folders, sorted by folder name (the order `RulebookLibrary.load` reads them in).
  public let entries: [Entry]

  /// Reads the `rulebook:` block of every rulebook folder directly inside `rulesFolder`.
  ///
  /// - Throws: only when a folder cannot be listed or a file cannot be read.
  public static func read(rulesFolder: String) throws -> RulebookCatalog {
    var entries: [Entry] = []
    // The folders that hold rule files directly, as `RulebookLibrary.rulebookFolders(in:)` finds them, each listed once.
    for name in try FileManager.default.contentsOfDirectory(atPath: rulesFolder).sorted() {
      let folder = (rulesFolder as NSString).appendingPathComponent(name)
      let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        .sorted()
      if !files.isEmpty { entries.append(try entry(folder: folder, files: files)) }
    }
    return RulebookCatalog(entries: entries)
  }

  /// The entries whose id is `id`.
  public func entries(id: String) -> [Entry] {
    entries.filter { $0.id == id }
  }

  /// The municipality an entry answers for once layered: its own, else the nearest one of the
  /// rulebooks it extends (as `RulebookLayering` inherits it).
  public func layeredMunicipality(of entry: Entry) -> String? {
    var current = entry
    var seen: Set<String> = [entry.id]
    while current.municipality == nil, let parent = current.extends, seen.insert(parent).inserted,
      let next = entries(id: parent).last
    {
      current = next
    }
    return current.municipality
  }

  /// The entries and every entry they extend, directly or not, in catalog order.
  public func withChains(_ chosen: [Entry]) -> [Entry] {
    var wanted = Set(chosen.map(\.folder))
    var pending = chosen
    while let entry = pending.popLast() {
      guard let parent = entry.extends else { continue }
      for next in entries(id: parent) where wanted.insert(next.folder).inserted { pending.append(next) }
    }
    return entries.filter { wanted.contains($0.folder) }
  }

  /// A folder's entry: from the top-level `rulebook:` block of each file, read on its own; the
  /// whole folder is read when a block cannot be cut out cleanly, so the entry is always what
  /// `RulebookReader.read(directory:)` would find.
  static func entry(folder: String, files names: [String]) throws -> Entry {
    var reader = RulebookReader(directory: folder)
    for name in names {
      let path = (folder as NSString).appendingPathComponent(name)
      // Read in one call (FileHandle and URL cost more than the file); what cannot be read this way gets the reader's own error.
      let (source, problems) = try FileManager.default.contents(atPath: path).map { YAMLSource.make(path: path, bytes: Array($0)) }
        ?? YAMLSource.load(path: path)
      if !problems.isEmpty { return try wholeFolder(folder) }
      switch metadataBlock(in: source.text) {
      case .none:
        continue
      case .some(nil):
        return try wholeFolder(folder)
      case .some(let block?):
        let file = SourceFile(path: path, text: block)
        _ = reader.readFile(file)
        if !reader.schema.diagnostics.isEmpty { return try wholeFolder(folder) }
      }
    }
    let definition = reader.definition
    return Entry(folder: folder, id: definition.id, municipality: definition.municipality, extends: definition.extends)
  }

  static func wholeFolder(_ folder: String) throws -> Entry {
    let definition = try RulebookReader.read(directory: folder).0
    return Entry(folder: folder, id: definition.id, municipality: definition.municipality, extends: definition.extends)
  }

  /// The text of a file's top-level `rulebook:` entry, from its line to the next line that
  /// starts a top-level key (the lines before it blank, so positions stay those of the file).
  /// `.none` when the file has no such block; `.some(nil)` when it may have one that cannot be
  /// cut out this way (a flow mapping, a quoted key, a second block, several documents).
  static func metadataBlock(in text: String) -> String?? {
    let bytes = Array(text.utf8)
    var lineStarts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
    func line(_ index: Int, startsWith prefix: String) -> Bool {
      bytes[lineStarts[index]...].starts(with: prefix.utf8)
    }
    guard let start = lineStarts.indices.first(where: { line($0, startsWith: "rulebook:") }) else {
      return text.range(of: #"rulebook["']?\s*:"#, options: .regularExpression) != nil ? .some(nil) : .none
    }
    // The block goes on over indented, comment and blank lines.
    let continuing: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "#"), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
    var end = start + 1
    while end < lineStarts.count, lineStarts[end] < bytes.count, continuing.contains(bytes[lineStarts[end]]) { end += 1 }
    if (0..<start).contains(where: { line($0, startsWith: "---") || line($0, startsWith: "%") })
      || (end..<lineStarts.count).contains(where: { line($0, startsWith: "rulebook:") || line($0, startsWith: "---") })
    {
      return .some(nil)
    }
    let stop = end < lineStarts.count ? lineStarts[end] : bytes.count
    return .some(String(repeating: "\n", count: start) + String(decoding: bytes[lineStarts[start]..<stop], as: UTF8.self))
  }
}
