import Foundation
import Logging
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
