import Foundation
import Testing
import TestSupport

/// `bricoleur test` on a failing test: each unmet expectation once, GNU-style, then the trace of
/// the rule that decided, each sub-condition at its `file:line`.
@Suite struct RuleTestCLITests {
  @Test func aFailureIsShownOnceWithTheDecidingRulesTraceAtItsFile() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("rule-test-\(UUID().uuidString)")
    let model = root.appendingPathComponent("model").path
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: repositoryRoot().appendingPathComponent("Tests/Fixtures/coverage/model").path, toPath: model)
    defer { try? FileManager.default.removeItem(at: root) }
    let tests = """
      base:
        date: 2026-06-20
        facts: {activity: feest, visitors: 200}
      tests:
        - name: een bezoeker meer
          facts: {visitors: 201}
          expect: {verdict: notification_required, applies: [small-notification]}

      """
    try tests.write(toFile: model + "/tests/model.yaml", atomically: true, encoding: .utf8)
    let result = try bricoleur(["test", model])
    #expect(result.status == 1)
    let lines = result.out.split(separator: "\n").map(String.init)
    let place = "\(model)/tests/model.yaml:5: test 'een bezoeker meer': "
    #expect(lines.filter { $0.hasPrefix(place) } == [
      place + "expected notification_required, got permit_required (decided by large-permit)",
      place + "expected rule 'small-notification' applies, got does_not_apply",
    ], "\(result.out)")
    #expect(!result.out.contains("verdict expected"), "the mismatch is said twice: \(result.out)")
    #expect(lines.contains { $0.hasPrefix("  rule 'large-permit' applies") && $0.hasSuffix("\(model)/rulebook.yaml:23") }, "\(result.out)")
    #expect(lines.contains { $0.contains("visitors > max_visitors") && $0.contains("[visitors = 201") && $0.hasSuffix("\(model)/rulebook.yaml:26") }, "\(result.out)")
    #expect(lines.last == "0 passed, 1 failed")
  }
}

/// A comma inside `{nl: …, en: …}` ends the text there: lint says so at the cut, instead of
/// losing the rest of the sentence.
@Suite struct LocalizedTextLintTests {
  @Test func aCommaInAFlowMappingIsReported() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flow-comma-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "rulebook:\n  id: x\n  name: {nl: Niet voor 09:00, ook geen muziek., en: Not before 09:00}\n"
      .write(to: folder.appendingPathComponent("rulebook.yaml"), atomically: true, encoding: .utf8)
    let result = try bricoleur(["lint", folder.path])
    #expect(result.status != 0)
    #expect(result.out.contains("rulebook.yaml:3:31: error: name has 'ook geen muziek.' where a language (nl, en) belongs"), "\(result.out)")
  }
}
