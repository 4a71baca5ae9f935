import Analysis
import ArgumentParser
import Foundation
import Rulebook
import SourceDiagnostics

extension Bricoleur {
  /// `bricoleur compare borne rotterdam … | --all`: where municipalities depart from the model
  /// APV and from each other.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare municipal rulebooks with the model APV and with each other, parameter by parameter and rule by rule.",
      discussion: """
        Lists each parameter and rule that some rulebook sets, rewrites, removes or adds: the model's value, and per \
        rulebook its own (· where it keeps the model's); * marks where the rulebooks also differ from each other. \
        Example: bricoleur compare borne amsterdam; bricoleur compare --all --format markdown
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, html, json }

    @Argument(help: "Rulebook ids (e.g. borne rotterdam); see 'bricoleur rulebooks'.")
    var rulebooks: [String] = []

    @Flag(help: "Compare every rulebook built on the model APV.")
    var all = false

    @Option(help: "Output format: text, markdown, html (a page) or json.")
    var format: Format = .text

    @Option(help: "A folder of rulebooks (default: the shipped Rules/).")
    var rules: String?

    func run() throws {
      let library = try LoadedRules.engine(rules).library
      let known = MunicipalComparison.municipalRulebooks(in: library)
      if all == !rulebooks.isEmpty { throw ValidationError("name the rulebooks to compare, or give --all") }
      for id in rulebooks where !known.contains(id) {
        let help = Suggestions.didYouMean(id, in: known) ?? "known: \(known.joined(separator: ", "))"
        throw ValidationError("no rulebook '\(id)' built on the model APV; \(help)")
      }
      guard let comparison = MunicipalComparison.compare(library, rulebooks: all ? known : rulebooks) else {
        throw ValidationError("no model APV ('\(RulebookLibrary.fallbackRulebookID)') to compare with")
      }
      switch format {
      case .text: printOut(comparison.text)
      case .markdown: printOut(comparison.markdown)
      case .html: printOut(comparison.html)
      case .json: printOut(try comparison.json() + "\n")
      }
    }
  }
}
