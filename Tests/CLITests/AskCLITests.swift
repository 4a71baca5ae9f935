import Foundation
import Testing
import TestSupport

/// `bricoleur ask` reads as a conversation: a question in words, choices numbered by their
/// labels, a number answering a choice, and no fact names.
@Suite struct AskCLITests {
  @Test func choicesAreNumberedLabelsAndANumberAnswersThem() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("ask-\(UUID().uuidString).yaml")
    try "id: a\nmunicipality: borne\ndate: 2026-06-20\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try bricoleur(["ask", file.path, "--today", "2026-01-01"], input: "3\nnee\n")
    #expect(result.status == 0, "\(result.err)")
    let first = try #require(result.out.components(separatedBy: "\n> ").first)
    #expect(first.contains("Wat voor activiteit organiseert u?"))
    #expect(first.contains("  3. buurtfeest") && first.contains("  5. markt of braderie"), "\(first)")
    #expect(!first.contains("[activity]") && !first.contains("beheer_voorziening"), "\(first)")
    // The number chose the neighbourhood party: the next question is one about an event.
    #expect(result.out.contains("Wordt er alcohol verkocht of tegen betaling geschonken?"), "\(result.out)")
    #expect(!result.out.contains("is not one of"), "\(result.out)")
  }
}
