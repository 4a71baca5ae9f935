import Foundation

extension RulebookLibrary {
  /// Loads only the rulebooks that can answer for `names` (rulebook ids or municipalities, as
  /// `select(_:)` takes them), with the rulebooks they extend: what `check` needs for a few
  /// initiatives among hundreds of rulebooks. `select(_:)` then answers for each of `names`
  /// exactly as it does on the whole library, because every rulebook that one of its rules can
  /// pick for a name is loaded: those with the name as id, with it as their municipality, or
  /// with a municipality of the same CBS code, and the model APV for the fallback.
  ///
  /// The whole library is loaded instead when a name selects nothing (its error lists and
  /// suggestions draw on every rulebook), and for one rulebook folder (see `load(path:)`).
  ///
  /// - Throws: only when a folder cannot be read.
  public static func load(path: String, answering names: Set<String>) throws -> RulebookLibrary {
    let directory = (path as NSString).standardizingPath
    guard !names.isEmpty, !isRulebookFolder(directory) else { return try load(path: path) }
    let catalog = try RulebookCatalog.read(rulesFolder: directory)
    let (register, problems) = try MunicipalityRegister.load(rulesFolder: directory)
    let chosen = candidates(for: names, in: catalog, register: register)
    let library = try load(folders: catalog.withChains(chosen).map(\.folder), compiling: chosen.map(\.folder))
      .with(register, problems: problems)
    guard names.allSatisfy({ library.select($0) != nil }) else { return try load(path: path) }
    return library
  }

  /// Every entry that `select(_:)` might answer with for one of `names`, in catalog order.
  static func candidates(for names: Set<String>, in catalog: RulebookCatalog, register: MunicipalityRegister) -> [RulebookCatalog.Entry] {
    let codes = Set(names.compactMap { register.municipality(for: $0)?.code })
    return catalog.entries.filter { entry in
      if names.contains(entry.id) { return true }
      if let layered = catalog.layeredMunicipality(of: entry), names.contains(layered) { return true }
      if let own = entry.municipality, let code = register.municipality(for: own)?.code, codes.contains(code) { return true }
      return !codes.isEmpty && entry.id == fallbackRulebookID
    }
  }
}
