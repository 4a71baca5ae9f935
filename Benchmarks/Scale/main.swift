// The scale benchmark's library: one municipal rulebook for every municipality in the
// register (342), each extending the model APV with its own local numbers, next to copies of
// the shipped national rules, model APV and register that they build on.
//
//   swift run -c release scale-library [OUTPUT_DIR]     (default: bench-data/library)
//
// Run from the repository root. The numbers vary with the municipality's place in the
// register, the same every run; they are invented, not any municipality's bylaw.
// `Benchmarks/run scale` writes the library and measures check, serve and reload against it.
import Foundation
import Rulebook

let output = CommandLine.arguments.dropFirst().first ?? "bench-data/library"
let shipped = "Rules"
let fileManager = FileManager.default

let (register, problems) = try MunicipalityRegister.load(rulesFolder: shipped)
guard problems.isEmpty, !register.isEmpty else {
  FileHandle.standardError.write(Data("scale-library: no readable register in \(shipped)/register (run from the repository root)\n".utf8))
  exit(1)
}

try? fileManager.removeItem(atPath: output)
try fileManager.createDirectory(atPath: output, withIntermediateDirectories: true)
for layer in ["national", RulebookLibrary.fallbackRulebookID, MunicipalityRegister.folder] {
  try fileManager.copyItem(atPath: "\(shipped)/\(layer)", toPath: "\(output)/\(layer)")
}

/// A YAML double-quoted scalar.
func quoted(_ text: String) -> String {
  "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// The model's parameters that every generated rulebook sets, with the local values they cycle
/// through (lengths are coprime, so neighbours differ in several numbers at once).
let overrides: [(name: String, values: [String], nl: String, en: String, article: String)] = [
  ("max_bezoekers_klein", stride(from: 100, through: 500, by: 25).map(String.init), "Hoogste aantal aanwezigen voor een klein evenement.",
   "Highest number of people for a small event.", "2:25"),
  ("muziek_einde_klein", ["\"22:00\"", "\"23:00\"", "\"23:30\"", "\"24:00\""], "Geen muziek na dit tijdstip bij een klein evenement.",
   "No music after this time at a small event.", "2:25"),
  ("max_object_klein", ["6 m2", "8 m2", "10 m2", "12 m2", "15 m2"], "Objecten bij een klein evenement zijn elk kleiner dan dit.",
   "Objects at a small event are each smaller than this.", "2:25"),
  ("meldtermijn_klein", ["5 werkdagen", "10 werkdagen", "15 werkdagen"], "Een klein evenement wordt zo lang van tevoren gemeld.",
   "A small event is notified this long in advance.", "2:25"),
  ("aanvraagtermijn_vergunning", ["4 weken", "6 weken", "8 weken", "10 weken", "12 weken", "13 weken", "16 weken"],
   "Een evenementenvergunning wordt zo lang van tevoren aangevraagd.", "An event permit is applied for this long in advance.", "2:25"),
  ("min_doorgang_trottoir", ["1.2 m", "1.5 m", "1.8 m", "2 m"], "Op het trottoir blijft minstens zoveel vrije doorgang over.",
   "At least this much free passage remains on the footpath.", "2:10"),
]

var written = 0
for (index, municipality) in register.municipalities.enumerated() {
  let id = municipality.slug
  var lines = [
    "rulebook:",
    "  id: \(id)",
    "  name: {nl: \(quoted("Gemeente \(municipality.name)")), en: \(quoted("Municipality of \(municipality.name)"))}",
    "  municipality: \(quoted(municipality.name))",
    "  extends: \(RulebookLibrary.fallbackRulebookID)",
    "  languages: [nl, en]",
    "  description:",
    "    nl: \(quoted("De model-APV met lokale getallen voor \(municipality.name), gemaakt voor de schaalbenchmark; geen echte APV."))",
    "    en: \(quoted("The model bylaw with local numbers for \(municipality.name), made for the scale benchmark; not a real bylaw."))",
    "",
    "regulations:",
    "  apv:",
    "    title: {nl: \(quoted("Algemene plaatselijke verordening \(municipality.name)")), en: \(quoted("General local bylaw of \(municipality.name)"))}",
    "    kind: bylaw",
    "    authority: burgemeester",
    "",
    "parameters:",
  ]
  for override in overrides {
    lines += [
      "  \(override.name):",
      "    value: \(override.values[index % override.values.count])",
      "    description:",
      "      nl: \(quoted(override.nl))",
      "      en: \(quoted(override.en))",
      "    citation: {regulation: apv, article: \(quoted(override.article))}",
    ]
  }
  let folder = "\(output)/\(id)"
  try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try (lines.joined(separator: "\n") + "\n").write(toFile: "\(folder)/rulebook.yaml", atomically: true, encoding: .utf8)
  written += 1
}
print("scale-library: \(written) municipal rulebooks extending the model APV, with national, model-apv and register, in \(output)")
