import Dispatch
import Foundation
import SourceDiagnostics

/// The rulebooks of a `Rules/` folder, read, layered and compiled.
public struct RulebookLibrary: Sendable {
  /// Compiled rulebooks by id.
  public let rulebooks: [String: CompiledRulebook]
  /// Every problem found while loading, in source order.
  public let diagnostics: [Diagnostic]
  /// The definitions as written, by id (for lint and diff).
  public let definitions: [String: RulebookDefinition]
  /// The municipalities of the Netherlands (`register/` of the rules folder; empty without it).
  public internal(set) var register = MunicipalityRegister()
  /// The municipal rulebooks' ids by the CBS code of their municipality.
  var rulebookIDsByCode: [String: String] = [:]

  /// The rulebook for a rulebook id or a municipality (see `select(_:)`).
  public func rulebook(for name: String) -> CompiledRulebook? {
    select(name)?.rulebook
  }

  /// Loads rulebooks. `path` is a folder of rulebook folders (`Rules/`) or one rulebook folder;
  /// for one folder, its siblings are read too so that `extends` resolves, but only the named
  /// rulebook (and what it extends) is compiled. An overlaid file's text is read instead of the file.
  ///
  /// - Throws: only when a folder cannot be read.
  public static func load(path: String, overlay: SourceOverlay = SourceOverlay()) throws -> RulebookLibrary {
    let directory = (path as NSString).standardizingPath
    var library: RulebookLibrary
    let rulesFolder: String
    if isRulebookFolder(directory) {
      library = try load(folders: try chainFolders(of: directory, overlay: overlay), compiling: [directory], overlay: overlay)
      rulesFolder = (directory as NSString).deletingLastPathComponent
    } else {
      let folders = try rulebookFolders(in: directory)
      library = try load(folders: folders, compiling: folders, overlay: overlay)
      rulesFolder = directory
    }
    let (register, problems) = try MunicipalityRegister.load(rulesFolder: rulesFolder)
    return library.with(register, problems: problems)
  }

  /// The library with a register of municipalities, its rulebooks mapped onto it.
  public func with(_ register: MunicipalityRegister, problems: [Diagnostic] = []) -> RulebookLibrary {
    var library = RulebookLibrary(rulebooks: rulebooks, diagnostics: problems + diagnostics, definitions: definitions)
    library.register = register
    library.rulebookIDsByCode = Self.rulebookIDs(byCode: definitions, in: register)
    return library
  }

  /// Reads every folder and compiles those in `compiling`.
  public static func load(folders: [String], compiling: [String], overlay: SourceOverlay = SourceOverlay()) throws -> RulebookLibrary {
    try load(folders: folders, overlay: overlay) { _ in compiling }
  }

  /// Loads the folder of rulebooks at `path`, compiling only the rulebooks built on one of
  /// `ids` (and those): what a lint of `ids` needs to see how they are used, without compiling
  /// the rest.
  public static func load(path: String, compilingFamilyOf ids: Set<String>, overlay: SourceOverlay = SourceOverlay()) throws -> RulebookLibrary {
    let directory = (path as NSString).standardizingPath
    let library = try load(folders: try rulebookFolders(in: directory), overlay: overlay) { definitions in
      definitions.values.filter { definition in
        var current: RulebookDefinition? = definition
        var seen: Set<String> = []
        while let rulebook = current, seen.insert(rulebook.id).inserted {
          if ids.contains(rulebook.id) { return true }
          current = rulebook.extends.flatMap { definitions[$0] }
        }
        return false
      }.map(\.directory).sorted()
    }
    let (register, problems) = try MunicipalityRegister.load(rulesFolder: directory)
    return library.with(register, problems: problems)
  }

  /// Reads every folder and compiles the folders `compiling` picks from the definitions read.
  static func load(
    folders: [String], overlay: SourceOverlay, compiling pick: ([String: RulebookDefinition]) -> [String]
  ) throws -> RulebookLibrary {
    var definitions: [String: RulebookDefinition] = [:]
    var diagnosticsByFolder: [String: [Diagnostic]] = [:]
    var idByFolder: [String: String] = [:]
    for folder in folders {
      let (definition, diagnostics) = try RulebookReader.read(directory: folder, overlay: overlay)
      definitions[definition.id] = definition
      diagnosticsByFolder[folder] = diagnostics + duplicateNames(definition)
      idByFolder[folder] = definition.id
    }
    // Each rulebook compiles on its own, on every core; the results are taken in order.
    let units = concurrentMap(pick(definitions)) { folder -> (id: String, compiled: CompiledRulebook?, diagnostics: [Diagnostic])? in
      guard let id = idByFolder[folder] else { return nil }
      var own = diagnosticsByFolder[folder] ?? []
      var result: CompiledRulebook?
      if let (layered, chain) = RulebookLayering.layer(id, in: definitions, diagnostics: &own) {
        // Problems of the rulebooks it extends are theirs; report them only once, with their folder.
        let inherited = chain.dropLast().compactMap { parentID in folders.first { idByFolder[$0] == parentID } }
        // Compile even after loading errors, so a legal team sees every problem in one run; but
        // not after a file that could not be read at all: what it declares is missing, and the
        // errors that follow from that in the other files are not the legal team's to fix.
        let unreadable = own.contains { $0.severity == .error && $0.code.hasPrefix("yaml.") }
        if !unreadable, inherited.allSatisfy({ !(diagnosticsByFolder[$0] ?? []).hasErrors }),
          let compiled = RulebookCompiler.compile(layered, chain: chain, diagnostics: &own)
        {
          if !own.hasErrors { result = compiled }
        }
      }
      return (id, result, own)
    }
    var diagnostics: [Diagnostic] = []
    var rulebooks: [String: CompiledRulebook] = [:]
    for case let (id, compiled, own)? in units {
      if let compiled { rulebooks[id] = compiled }
      diagnostics += own.filter { new in !diagnostics.contains(new) }
    }
    var collector = DiagnosticCollector(limit: 500)
    collector.add(contentsOf: diagnostics)
    return RulebookLibrary(rulebooks: rulebooks, diagnostics: collector.sorted(), definitions: definitions)
  }

  /// The folder and the sibling folders of the rulebooks it extends (found by folder name, or
  /// by reading the siblings' ids when the names differ).
  static func chainFolders(of directory: String, overlay: SourceOverlay = SourceOverlay()) throws -> [String] {
    let parent = (directory as NSString).deletingLastPathComponent
    var folders = [directory]
    var current = try RulebookReader.read(directory: directory, overlay: overlay).0
    var seen: Set<String> = [current.id]
    var siblings: [String: String]?
    while let parentID = current.extends, seen.insert(parentID).inserted {
      var folder = (parent as NSString).appendingPathComponent(parentID)
      if !isRulebookFolder(folder) {
        if siblings == nil {
          siblings = [:]
          for sibling in try rulebookFolders(in: parent) { siblings?[try RulebookReader.read(directory: sibling, overlay: overlay).0.id] = sibling }
        }
        guard let found = siblings?[parentID] else { break }
        folder = found
      }
      let definition = try RulebookReader.read(directory: folder, overlay: overlay).0
      guard definition.id == parentID || siblings != nil else { break }
      folders.append(folder)
      current = definition
    }
    return folders
  }

  /// `transform` of each item, computed on every core, in the items' order.
  static func concurrentMap<T>(_ items: [String], _ transform: (String) -> T) -> [T] {
    var results = [T?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
      // Each iteration writes only its own slot; `transform` reads values that nothing changes meanwhile.
      nonisolated(unsafe) let slots = buffer
      nonisolated(unsafe) let transform = transform
      DispatchQueue.concurrentPerform(iterations: items.count) { index in slots[index] = transform(items[index]) }
    }
    return results.map { $0! }
  }

  /// Whether a folder holds rule files directly.
  public static func isRulebookFolder(_ path: String) -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
  }

  /// The rulebook folders directly inside `path`, sorted.
  static func rulebookFolders(in path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
      .map { (path as NSString).appendingPathComponent($0) }
      .filter { isRulebookFolder($0) }
  }

  /// Two entries with one name in one rulebook.
  static func duplicateNames(_ definition: RulebookDefinition) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func check(_ entries: [(String, SourceSpan)], what: String) {
      var first: [String: SourceSpan] = [:]
      for (name, span) in entries {
        if let earlier = first[name] {
          diagnostics.append(
            .error(
              RulebookDiagnostics.duplicateID, "\(what) '\(name)' is defined twice", at: span,
              notes: [DiagnosticNote("first defined here", at: earlier)], help: "rename or remove one of them"))
        } else {
          first[name] = span
        }
      }
    }
    check(definition.rules.map { ($0.id, $0.idSpan) }, what: "rule")
    check(definition.facts.map { ($0.name, $0.span) }, what: "fact")
    check(definition.parameters.map { ($0.name, $0.span) }, what: "parameter")
    check(definition.definitions.map { ($0.name, $0.span) }, what: "definition")
    check(definition.regulations.map { ($0.id, $0.span) }, what: "regulation")
    return diagnostics
  }
}
