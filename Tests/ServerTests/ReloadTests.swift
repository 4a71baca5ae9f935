import Foundation
import Logging
import Engine
import Testing
@testable import BricoleurServer

@Suite struct ReloadTests {
  /// A copy of the shipped rulebooks to change.
  static func copyOfRules() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bricoleur-rules-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: Fixture.rules, toPath: folder.path)
    return folder.path
  }

  static var quiet: Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
  }

  @Test func reloadsChangedFilesAndRefusesBrokenOnes() throws {
    let rules = try Self.copyOfRules()
    defer { try? FileManager.default.removeItem(atPath: rules) }
    let store = try RulesStore(rulesPath: rules, logger: Self.quiet)
    #expect(store.reload() == false)  // nothing changed
    let file = rules + "/borne/rulebook.yaml"
    let original = try String(contentsOfFile: file, encoding: .utf8)

    // A broken rulebook is refused; the last good one keeps serving.
    try (original + "\nrules: [this is: not valid\n").write(toFile: file, atomically: true, encoding: .utf8)
    #expect(store.reload(force: true) == false)
    #expect(store.snapshot.generation == 1)
    #expect(try Self.health(store).generation == 1)
    #expect(store.engine.library.rulebooks["borne"] != nil)
    #expect(store.reload() == false)  // the same broken files are not retried every poll

    // A good change is picked up by comparing modification times.
    try (original + "\n# amended\n").write(toFile: file, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: file)
    #expect(store.reload() == true)
    #expect(store.snapshot.generation == 2)
    // The health answer, written once per load, follows the reload.
    let health = try Self.health(store)
    #expect(health.generation == 2)
    #expect(health.loadedAt == store.snapshot.loadedAt.formatted(.iso8601))
    #expect(health.rulebooks == store.engine.library.rulebooks.count)
  }

  /// A change inside one rulebook folder compiles again only the rulebooks built on it; the
  /// result is what loading everything again gives.
  @Test func aChangeToOneRulebookCompilesOnlyWhatIsBuiltOnIt() throws {
    let rules = try Self.copyOfRules()
    defer { try? FileManager.default.removeItem(atPath: rules) }
    let store = try RulesStore(rulesPath: rules, logger: Self.quiet)
    let before = store.engine.library.rulebooks
    func amend(_ file: String, _ old: String, _ new: String) throws {
      let path = rules + "/" + file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(text.contains(old))
      try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: path)
    }
    func value(_ id: String, _ name: String) -> String? {
      store.engine.library.rulebooks[id]?.epochs.first?.parameterValues[name]?.description
    }

    try amend("borne/rulebook.yaml", "max_bezoekers_klein:\n    value: 200", "max_bezoekers_klein:\n    value: 250")
    #expect(store.reload() == true)
    #expect(value("borne", "max_bezoekers_klein") == "250")
    let after = store.engine.library.rulebooks
    #expect(Set(after.keys) == Set(before.keys))
    #expect(after.filter { $0.key != "borne" }.allSatisfy { before[$0.key] === $0.value })
    #expect(after["borne"] !== before["borne"])

    // The model APV reaches every rulebook that extends it, and none of the national rules.
    try amend("model-apv/rulebook.yaml", "max_bezoekers_klein:\n    value: 150", "max_bezoekers_klein:\n    value: 140")
    #expect(store.reload() == true)
    #expect(value("model-apv", "max_bezoekers_klein") == "140")
    #expect(store.engine.library.rulebooks["national"] === before["national"])
    #expect(store.engine.library.rulebooks["borne"] !== after["borne"])
    let whole = try RuleEngine(rulesPath: rules).library
    #expect(Set(whole.rulebooks.keys) == Set(store.engine.library.rulebooks.keys))
    for (id, rulebook) in whole.rulebooks {
      #expect(rulebook.epochs.first?.parameterValues.mapValues(\.description) == store.engine.library.rulebooks[id]?.epochs.first?.parameterValues.mapValues(\.description), "\(id)")
    }
    #expect(store.engine.library.diagnostics.count == whole.diagnostics.count)
    #expect(store.snapshot.generation == 3)

    // Forced without a change (SIGHUP), everything is compiled again.
    let served = store.engine.library.rulebooks
    #expect(store.reload(force: true) == true)
    #expect(store.engine.library.rulebooks.allSatisfy { served[$0.key] !== $0.value })
  }

  static func health(_ store: RulesStore) throws -> HealthV1 {
    try JSONDecoder().decode(HealthV1.self, from: Data(store.health))
  }

  @Test func startingWithBrokenRulebooksFails() throws {
    let rules = try Self.copyOfRules()
    defer { try? FileManager.default.removeItem(atPath: rules) }
    try "id: [broken\n".write(toFile: rules + "/borne/rulebook.yaml", atomically: true, encoding: .utf8)
    #expect(throws: RulesStore.RefusedLoad.self) { try RulesStore(rulesPath: rules, logger: Self.quiet) }
  }
}
