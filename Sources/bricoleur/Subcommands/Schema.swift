import Analysis
import ArgumentParser
import Reports

extension Bricoleur {
  /// `bricoleur schema rulebook|initiative|tests|result|diff`: JSON Schemas for editors.
  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a JSON Schema for rule files, initiative files or rule-tests files (for an editor's YAML language server), or for answers.",
      discussion: "Example: bricoleur schema initiative --rulebook borne > initiative.schema.json"
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case rulebook, initiative, tests, result, diff }

    @Argument(help: "rulebook, initiative, tests (a rule-tests file), result (the JSON of check --format json and the API's evaluate), or diff (of diff --format json)")
    var kind: Kind

    @Option(help: "For an initiative schema: the rulebook whose facts it lists (default: any facts).")
    var rulebook: String?

    @Option(help: "A folder of rulebooks (default: the shipped Rules/).")
    var rules: String?

    func run() throws {
      switch kind {
      case .diff:
        printOut(ImpactReport.jsonSchema + "\n")
      case .result:
        printOut(JSONSchemas.result + "\n")
      case .rulebook:
        printOut(JSONSchemas.ruleFile().serialized(pretty: true) + "\n")
      case .tests:
        printOut(JSONSchemas.ruleTests().serialized(pretty: true) + "\n")
      case .initiative:
        guard let rulebook else { return printOut(JSONSchemas.initiative(for: nil).serialized(pretty: true) + "\n") }
        let engine = try LoadedRules.engine(rules)
        guard let compiled = engine.library.rulebook(for: rulebook) else {
          throw ValidationError("no rulebook '\(rulebook)'; known: \(engine.library.rulebooks.keys.sorted().joined(separator: ", "))")
        }
        printOut(JSONSchemas.initiative(for: compiled).serialized(pretty: true) + "\n")
      }
    }
  }
}
