import Engine
import Foundation
import Logging
import Rulebook
import SourceDiagnostics
import Synchronization

/// The rulebooks being served. Requests read the current engine; a reload swaps it only when
/// the new library lints clean, so the last good rulebooks keep serving.
public final class RulesStore: Sendable {
  /// One loaded library and what it was loaded from.
  public struct Snapshot: Sendable {
    public var engine: RuleEngine
    /// The rule files' paths, sizes and modification times when last looked at (a refused
    /// change too, so that it is not tried again every poll).
    public var fingerprint: RulesFingerprint
    /// The fingerprint of the files the engine was loaded from.
    var loaded: RulesFingerprint
    /// Counts successful loads, from 1.
    public var generation: Int
    public var loadedAt: Date
    /// The answer of `GET /healthz` while these rulebooks serve (see `HealthV1`), written once.
    var health: [UInt8]

    init(engine: RuleEngine, fingerprint: RulesFingerprint, generation: Int, loadedAt: Date) throws {
      (self.engine, self.fingerprint, self.loaded, self.generation, self.loadedAt) = (engine, fingerprint, fingerprint, generation, loadedAt)
      health = Array(try WireJSON.encode(
        HealthV1(status: "ok", rulebooks: engine.library.rulebooks.count, generation: generation, loadedAt: loadedAt.formatted(.iso8601))))
    }
  }

  /// Why a load was refused.
  public struct RefusedLoad: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public var description: String {
      "the rulebooks have errors; fix them first ('bricoleur lint')\n" + DiagnosticTextRenderer(color: false).render(diagnostics)
    }
  }

  public let rulesPath: String
  private let current: Mutex<Snapshot>
  private let logger: Logger

  /// Loads the rulebooks under `rulesPath`; throws when they cannot be read or have errors.
  public init(rulesPath: String, logger: Logger) throws {
    self.rulesPath = rulesPath
    self.logger = logger
    current = Mutex(try Self.load(rulesPath, generation: 1))
  }

  /// The engine to answer a request with.
  public var engine: RuleEngine { current.withLock { $0.engine } }

  public var snapshot: Snapshot { current.withLock { $0 } }

  /// The answer of `GET /healthz` for the rulebooks now serving.
  var health: [UInt8] { current.withLock { $0.health } }

  /// Reloads when the files changed (or always, with `force`); keeps the old rulebooks when
  /// the new ones have errors. Returns whether new rulebooks are now served. A change inside
  /// rulebook folders compiles again only the rulebooks built on them; `force` without a
  /// change that the files show loads them all.
  @discardableResult
  public func reload(force: Bool = false) -> Bool {
    let old = snapshot
    if !force, (try? RulesFingerprint.take(rulesPath)) == old.fingerprint { return false }
    do {
      let new = try Self.load(rulesPath, generation: old.generation + 1, after: old, force: force)
      current.withLock { $0 = new }
      logger.info(
        "rulebooks reloaded",
        metadata: ["generation": "\(new.generation)", "rulebooks": "\(new.engine.library.rulebooks.count)"])
      return true
    } catch let refused as RefusedLoad {
      let errors = refused.diagnostics.filter { $0.severity == .error }
      logger.error(
        "rulebooks refused: they have errors; the last good ones keep serving",
        metadata: ["errors": "\(errors.count)", "first": "\(errors.first.map(Self.oneLine) ?? "")"])
      // Remember the fingerprint, so the same broken files are not reloaded every poll.
      if let fingerprint = try? RulesFingerprint.take(rulesPath) { current.withLock { $0.fingerprint = fingerprint } }
    } catch {
      logger.error("rulebooks could not be read; the last good ones keep serving", metadata: ["error": "\(error)"])
    }
    return false
  }

  /// Gives the memory of rulebooks no longer served back to the system: glibc's allocator keeps
  /// what was freed for itself, after a full reload as much as a whole library.
  static func returnFreedMemory() {
    #if os(Linux)
    // malloc_trim(3) is glibc's own, not in the Glibc module: found at run time.
    guard let symbol = dlsym(nil, "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
    #endif
  }

  /// `path:line:column: message [code]`, for a log line.
  static func oneLine(_ diagnostic: Diagnostic) -> String {
    let place = [diagnostic.path, diagnostic.location.map(\.description)].compactMap { $0 }.joined(separator: ":")
    return "\(place): \(diagnostic.message) [\(diagnostic.code)]"
  }

  /// Loads the rulebooks under `path`: after `old`, only those its files' changes reach when
  /// they are all inside rulebook folders; else (and when `force` finds no change) all of them.
  static func load(_ path: String, generation: Int, after old: Snapshot? = nil, force: Bool = false) throws -> Snapshot {
    let fingerprint = try RulesFingerprint.take(path)
    let folder = (path as NSString).standardizingPath
    var changed = old.flatMap { fingerprint.changedFolders(since: $0.loaded, in: folder) }
    if force, changed?.isEmpty == true { changed = nil }
    let reloaded = try changed.flatMap { try old?.engine.library.reloading(folders: $0, in: folder) }
    let engine = try reloaded.map(RuleEngine.init(library:)) ?? RuleEngine(rulesPath: path)
    let diagnostics = engine.library.diagnostics
    guard !diagnostics.hasErrors, !engine.library.rulebooks.isEmpty else { throw RefusedLoad(diagnostics: diagnostics) }
    return try Snapshot(engine: engine, fingerprint: fingerprint, generation: generation, loadedAt: Date())
  }
}

/// The rule files under a folder with their sizes and modification times: when it changes,
/// the rulebooks are reloaded.
public struct RulesFingerprint: Sendable, Hashable {
  public var files: [String: [Double]]

  /// Reads the fingerprint of the `.yaml` and `.yml` files under `path`.
  public static func take(_ path: String) throws -> RulesFingerprint {
    let manager = FileManager.default
    var files: [String: [Double]] = [:]
    guard let walker = manager.enumerator(atPath: path) else { return RulesFingerprint(files: [:]) }
    while let relative = walker.nextObject() as? String {
      guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
      let attributes = try manager.attributesOfItem(atPath: (path as NSString).appendingPathComponent(relative))
      let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      let size = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
      files[relative] = [modified, size]
    }
    return RulesFingerprint(files: files)
  }
}

extension RulesFingerprint {
  /// The rulebook folders (under `folder`) whose files changed since `earlier`; nil when files
  /// came or went, or a file outside a rulebook folder changed.
  func changedFolders(since earlier: RulesFingerprint, in folder: String) -> Set<String>? {
    guard Set(files.keys) == Set(earlier.files.keys) else { return nil }
    var folders: Set<String> = []
    for (relative, stamp) in files where earlier.files[relative] != stamp {
      let components = relative.split(separator: "/")
      guard components.count > 1 else { return nil }
      folders.insert((folder as NSString).appendingPathComponent(String(components[0])))
    }
    return folders
  }
}
