import Foundation
import SourceDiagnostics

extension RulebookLibrary {
  /// The library after the files of some rulebook folders of `rulesFolder` changed: those
  /// folders and the register are read again, and only the rulebooks built on the folders (the
  /// folder's own and every rulebook that extends it) are compiled again; the others are kept as
  /// they were. What a server needs to take a change to one of hundreds of rulebooks in a moment.
  ///
  /// Nil when the change is more than that (a folder that is not one of this library's
  /// rulebooks, or whose rulebook now has another id): then load the whole library again.
  /// The problems are those of the rulebooks compiled again, with the earlier ones of the others.
  ///
  /// - Throws: only when a folder cannot be read.
  public func reloading(folders changed: Set<String>, in rulesFolder: String) throws -> RulebookLibrary? {
    let idByFolder = Dictionary(definitions.values.map { ($0.directory, $0.id) }, uniquingKeysWith: { first, _ in first })
    var definitions = self.definitions
    for folder in changed {
      guard let id = idByFolder[folder] else { return nil }
      let definition = try RulebookReader.read(directory: folder).0
      guard definition.id == id else { return nil }
      definitions[id] = definition
    }
    let changedIDs = Set(changed.compactMap { idByFolder[$0] })
    let affected = definitions.values.filter { Self.chain(of: $0.id, in: definitions).contains(where: changedIDs.contains) }
    let affectedIDs = Set(affected.map(\.id))
    let folders = Set(affected.flatMap { Self.chain(of: $0.id, in: definitions) }.compactMap { definitions[$0]?.directory })
    let partial = try Self.load(folders: folders.sorted(), compiling: affected.map(\.directory).sorted())
    var rulebooks = self.rulebooks
    for id in affectedIDs { rulebooks[id] = partial.rulebooks[id] }
    let (register, problems) = try MunicipalityRegister.load(rulesFolder: rulesFolder)
    let affectedFolders = Set(affected.map(\.directory)).union([(rulesFolder as NSString).appendingPathComponent(MunicipalityRegister.folder)])
    let kept = diagnostics.filter { diagnostic in
      !affectedFolders.contains { folder in diagnostic.path.map { $0 == folder || $0.hasPrefix(folder + "/") } ?? false }
    }
    var collector = DiagnosticCollector(limit: 500)
    collector.add(contentsOf: kept.filter { !partial.diagnostics.contains($0) } + partial.diagnostics)
    return RulebookLibrary(rulebooks: rulebooks, diagnostics: collector.sorted(), definitions: definitions).with(register, problems: problems)
  }

  /// The ids of a rulebook and the rulebooks it extends, stopping at a cycle or an unknown id.
  static func chain(of id: String, in definitions: [String: RulebookDefinition]) -> [String] {
    var chain: [String] = []
    var current: String? = id
    while let next = current, !chain.contains(next), let definition = definitions[next] {
      chain.append(next)
      current = definition.extends
    }
    return chain
  }
}
