import ArgumentParser
import BricoleurMCP
import RuleLanguage
import Rulebook

extension Bricoleur {
  /// `bricoleur mcp`: the Model Context Protocol on standard input and output.
  struct Assistant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mcp",
      abstract: "Serve an assistant over the Model Context Protocol (standard input and output): list rulebooks, read a rulebook's questions, check an initiative with its room to manoeuvre, and ask the next question.",
      discussion: "Connect it as a stdio server, e.g. {\"command\": \"bricoleur\", \"args\": [\"mcp\"]}."
    )

    @Option(help: "A folder of rulebooks (like Rules/). Default: the shipped Rules/.")
    var rules: String?

    @Option(help: "Count deadlines from this date (YYYY-MM-DD) instead of today.")
    var today: String?

    func validate() throws {
      if let today, InputValueParser.date(today) == nil { throw ValidationError("--today must be a date like 2026-07-04, not '\(today)'") }
    }

    func run() async throws {
      let engine = try LoadedRules.engine(rules)
      let day = today.flatMap(InputValueParser.date) ?? CalendarDay.today
      try await AssistantServer.run(AssistantTools(engine: engine, today: day), version: Bricoleur.configuration.version)
    }
  }
}
