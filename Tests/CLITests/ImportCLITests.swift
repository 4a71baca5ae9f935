import Foundation
import Testing
import TestSupport

/// `bricoleur import` end to end: a checker file becomes rulebook folders that `check` answers
/// from, naming the source; hostile XML is refused with a positioned error and exit status 1.
@Suite struct ImportCLITests {
  @Test func importThenCheck() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try bricoleur(["import", "Tests/Fixtures/vergunningcheck/json/dakkapel-plaatsen.json", "--out", out, "--color", "never"])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.hasPrefix("imported 2 rulebooks into \(out) (0 skipped): 0 errors"), "\(run.out)")
    let initiative = out + "/monument.yaml"
    try "id: monument\ndate: 2026-06-01\nfacts:\n  gebouw_monument: rijksmonument\n  dakkapel_plaatsen_vernieuwen: nieuwe_dakkapel_plaatsen_plek\n"
      .write(toFile: initiative, atomically: true, encoding: .utf8)
    let check = try bricoleur(["check", initiative, "--rules", out + "/dakkapel-monument", "--no-room"])
    #expect(check.status == 0, "\(check.err)")
    #expect(check.out.contains("licentie MPL-2.0, © Gemeente Amsterdam"), "\(check.out)")
    #expect(check.out.contains("Oordeel: vergunning nodig"), "\(check.out)")
  }

  @Test func hostileXMLIsRefused() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("lol-\(UUID().uuidString).dmn").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    try "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY a \"aaaa\">]>\n<definitions>&a;</definitions>\n".write(toFile: file, atomically: true, encoding: .utf8)
    let run = try bricoleur(["import", file, "--out", NSTemporaryDirectory(), "--color", "never"])
    #expect(run.status == 1)
    #expect(run.err.contains("\(file):2:1: error: a DTD or entity declaration is refused [import.entity]"), "\(run.err)")
  }
}
