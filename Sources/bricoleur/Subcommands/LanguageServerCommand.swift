import ArgumentParser
import LanguageServer

extension Bricoleur {
  /// `bricoleur lsp`: the Language Server Protocol on standard input and output.
  struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lsp",
      abstract: "Serve an editor over the Language Server Protocol (standard input and output): lint diagnostics as you type, completion in expressions, hover and go to definition for rule files.",
      discussion: "Configure your editor to start 'bricoleur lsp' for YAML files under Rules/; see Documentation/language-server.md."
    )

    func run() throws {
      let status = LanguageServer(version: Bricoleur.configuration.version).serveStandardIO()
      if status != 0 { throw ExitCode(status) }
    }
  }
}
