import Foundation
import Rulebook
import Testing

/// The two rule-file keys the import needs: a fact's `priority` (a whole number) and the
/// rulebook's `notice`.
@Suite struct VocabularyExtensionTests {
  static func load(_ text: String) throws -> RulebookLibrary {
    let folder = NSTemporaryDirectory() + "bricoleur-vocabulary-\(UUID().uuidString)/proef"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try text.write(toFile: folder + "/rulebook.yaml", atomically: true, encoding: .utf8)
    return try RulebookLibrary.load(path: folder)
  }

  static let rulebook = """
    rulebook:
      id: proef
      languages: [nl]
      notice: "Regels van een ander, licentie MPL-2.0."
    facts:
      plat_dak:
        type: bool
        question: Krijgt de dakkapel een plat dak?
        priority: PRIORITY
    """

  @Test func priorityAndNoticeAreRead() throws {
    let library = try Self.load(Self.rulebook.replacingOccurrences(of: "PRIORITY", with: "10150"))
    let rulebook = try #require(library.rulebooks["proef"], "\(library.diagnostics.map(\.message))")
    #expect(rulebook.facts.first { $0.name == "plat_dak" }?.priority == 10150)
    #expect(rulebook.definition.notice.text("nl") == "Regels van een ander, licentie MPL-2.0.")
  }

  @Test func aPriorityMustBeAWholeNumber() throws {
    let library = try Self.load(Self.rulebook.replacingOccurrences(of: "PRIORITY", with: "eerst"))
    let problem = try #require(library.diagnostics.first { $0.message.contains("priority") })
    #expect(problem.message == "priority must be a whole number, found 'eerst'")
    #expect(problem.span?.text == "eerst")
  }
}
