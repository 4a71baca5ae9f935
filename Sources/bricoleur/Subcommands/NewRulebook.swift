import ArgumentParser
import Foundation
import Rulebook

extension Bricoleur {
  /// `bricoleur new-rulebook NAME`: a rulebook folder for a municipality, extending the model APV.
  struct NewRulebook: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "new-rulebook",
      abstract: "Start a municipal rulebook that extends the model APV, with its parameters listed to fill in.",
      discussion: """
        Writes rulebook.yaml, tests/<slug>.yaml and README.md. As generated the rulebook answers as the model APV \
        does, lints clean and passes its test; set the municipality's own numbers and cite its APV from there.
        """
    )

    @Argument(help: "The municipality: a name, slug or CBS code from the register (Leiden, s-hertogenbosch, GM0546).")
    var name: String

    @Option(help: "A folder of rulebooks (like Rules/) holding the model APV. Default: the shipped Rules/.")
    var rules: String?

    @Option(help: "The folder to write. Default: <rules>/<slug>.")
    var output: String?

    func run() throws {
      let rulesFolder = RulesLocation.resolve(rules)
      let library = try LoadedRules.engine(rulesFolder).library
      guard let municipality = library.register.municipality(for: name) else {
        throw ValidationError("no municipality '\(name)' in the register; \(library.unknownMunicipalityHelp(name))")
      }
      if let existing = library.coverage.first(where: { $0.municipality == municipality })?.rulebookID {
        throw ValidationError("\(municipality.name) already has a rulebook: '\(existing)'")
      }
      guard let model = library.definitions[RulebookLibrary.fallbackRulebookID] else {
        throw ValidationError("no model APV ('\(RulebookLibrary.fallbackRulebookID)') in '\(rulesFolder)' to extend")
      }
      // The model's main tests file (named after it) first, then the others.
      let tests = ((try? FileWalker.yamlFiles(in: [(model.directory as NSString).appendingPathComponent("tests")])) ?? [])
        .sorted { (($0 as NSString).lastPathComponent == "\(model.id).yaml" ? 0 : 1, $0) < (($1 as NSString).lastPathComponent == "\(model.id).yaml" ? 0 : 1, $1) }
      let firstTest = tests.lazy.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.compactMap(RulebookScaffold.firstTest).first
      let scaffold = RulebookScaffold(municipality: municipality, model: model, firstModelTest: firstTest)
      let folder = output ?? (rulesFolder as NSString).appendingPathComponent(scaffold.id)
      if let contents = try? FileManager.default.contentsOfDirectory(atPath: folder), !contents.isEmpty {
        throw ValidationError("'\(folder)' exists and is not empty")
      }
      for (file, text) in scaffold.files {
        let path = (folder as NSString).appendingPathComponent(file)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
      }
      printOut("wrote \(folder): rulebook.yaml, tests/\(scaffold.id).yaml, README.md\n")
      printOut("next: bricoleur lint \(folder) && bricoleur test \(folder)\n")
    }
  }
}
