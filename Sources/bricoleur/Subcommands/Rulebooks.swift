import ArgumentParser
import Engine
import Foundation
import Reports
import Rulebook

extension Bricoleur {
  /// `bricoleur rulebooks`: which municipalities have a rulebook of their own, and which are
  /// checked against the model APV.
  struct Rulebooks: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the rulebooks and, for every municipality in the register, whether it has its own or falls back to the model APV."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "A folder of rulebooks (like Rules/). Default: the shipped Rules/.")
    var rules: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "List only the municipalities with a rulebook of their own.")
    var own = false

    func run() throws {
      let library = try LoadedRules.engine(rules).library
      switch format {
      case .text: printOut(text(library))
      case .json: printOut(json(library).serialized(pretty: true) + "\n")
      }
    }

    /// The coverage to list: every municipality, or with `--own` those with their own rulebook.
    func listed(_ library: RulebookLibrary) -> [MunicipalCoverage] {
      library.coverage.filter { !own || $0.rulebookID != nil }
    }

    func text(_ library: RulebookLibrary) -> String {
      let coverage = library.coverage
      let owned = coverage.filter { $0.rulebookID != nil }.count
      var lines = ["Rulebooks:"]
      // Ids are never cut: the column is as wide as the longest.
      let width = library.rulebooks.keys.map(\.count).max() ?? 16
      for rulebook in library.rulebooks.values.sorted(by: { $0.id < $1.id }) {
        let definition = rulebook.definition
        var line = "  \(rulebook.id.padding(toLength: width, withPad: " ", startingAt: 0)) \(definition.name.text("nl"))"
        if let municipality = definition.municipality.flatMap(library.register.municipality(for:)) {
          line += " [\(municipality.code)]"
        }
        if let parent = definition.extends { line += " (extends \(parent))" }
        lines.append(line)
      }
      lines.append("")
      lines.append(
        "Municipalities: \(coverage.count); \(owned) with a rulebook of their own, \(coverage.count - owned) checked against "
          + "the model APV (\(RulebookLibrary.fallbackRulebookID)) and the national rules")
      for entry in listed(library) {
        let covered = entry.rulebookID ?? "\(RulebookLibrary.fallbackRulebookID) (fallback)"
        lines.append("  \(entry.municipality.code)  \(entry.municipality.name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(covered)")
      }
      return lines.joined(separator: "\n") + "\n"
    }

    func json(_ library: RulebookLibrary) -> JSONValue {
      let coverage = library.coverage
      let owned = coverage.filter { $0.rulebookID != nil }.count
      let rulebooks: [JSONValue] = library.rulebooks.values.sorted(by: { $0.id < $1.id }).map { rulebook in
        let definition = rulebook.definition
        let municipality = definition.municipality.flatMap(library.register.municipality(for:))
        return .object([
          ("id", .string(rulebook.id)),
          ("name", .string(definition.name.text("nl"))),
          ("municipality", municipality.map(Self.municipality) ?? .null),
          ("extends", definition.extends.map(JSONValue.string) ?? .null),
        ])
      }
      let municipalities: [JSONValue] = listed(library).map { entry in
        .object([
          ("code", .string(entry.municipality.code)),
          ("name", .string(entry.municipality.name)),
          ("slug", .string(entry.municipality.slug)),
          ("rulebook", .string(entry.rulebookID ?? RulebookLibrary.fallbackRulebookID)),
          ("fallback", .bool(entry.rulebookID == nil)),
        ])
      }
      return .object([
        ("summary", .object([("municipalities", .int(coverage.count)), ("own", .int(owned)), ("fallback", .int(coverage.count - owned))])),
        ("rulebooks", .array(rulebooks)),
        ("municipalities", .array(municipalities)),
      ])
    }

    static func municipality(_ municipality: Municipality) -> JSONValue {
      .object([("code", .string(municipality.code)), ("name", .string(municipality.name))])
    }
  }
}
