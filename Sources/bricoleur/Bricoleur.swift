import ArgumentParser

/// The `bricoleur` command: checks residents' initiatives against municipal rules.
@main
struct Bricoleur: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bricoleur",
    abstract: "Check residents' initiatives against municipal rules, with reasons and room to manoeuvre.",
    version: "0.1.0",
    subcommands: [
      Check.self, Ask.self, BatchRun.self, Lint.self, Test.self, Diff.self, Compare.self, Schema.self, Serve.self, Rulebooks.self,
      NewRulebook.self, Assistant.self, ImportCommand.self, LanguageServerCommand.self,
    ]
  )
}
