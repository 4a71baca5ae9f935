import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// The façade that the CLI, the server and whole-behaviour tests call: load rulebooks once,
/// then check initiatives against them.
public struct RuleEngine: Sendable {
  public let library: RulebookLibrary

  public init(library: RulebookLibrary) {
    self.library = library
  }

  /// Loads the rulebooks under `path` (a `Rules/` folder or one rulebook folder).
  public init(rulesPath: String) throws {
    library = try RulebookLibrary.load(path: rulesPath)
  }

  /// The result of checking one initiative: its evaluation, or why it could not be evaluated.
  public struct CheckResult: Sendable {
    /// The initiative's id (or its file and position when it has none).
    public var initiativeID: String
    public var evaluation: Evaluation?
    public var diagnostics: [Diagnostic]

    public init(initiativeID: String, evaluation: Evaluation?, diagnostics: [Diagnostic]) {
      self.initiativeID = initiativeID
      self.evaluation = evaluation
      self.diagnostics = diagnostics
    }
  }

  /// Options of a check.
  public struct CheckOptions: Sendable {
    /// Apply the rules in force on this day instead of the initiative's date.
    public var asOf: CalendarDay?
    /// Use this rulebook instead of the one the initiative's municipality selects.
    public var rulebook: String?
    public var traces: Bool

    public init(asOf: CalendarDay? = nil, rulebook: String? = nil, traces: Bool = true) {
      self.asOf = asOf
      self.rulebook = rulebook
      self.traces = traces
    }
  }

  /// Checks every initiative in a YAML or JSON file (a multi-document stream gives several).
  public func check(file: SourceFile, options: CheckOptions = CheckOptions()) -> [CheckResult] {
    let (documents, readDiagnostics) = YAMLReader().read(file)
    // A file with errors (a duplicate key, broken YAML) is not evaluated: its errors are the answer.
    if readDiagnostics.hasErrors {
      return [CheckResult(initiativeID: "\(file.path)#1", evaluation: nil, diagnostics: readDiagnostics)]
    }
    var results: [CheckResult] = documents.enumerated().map { index, document in
      let (initiative, diagnostics) = InitiativeReader.read(document.root, in: file, index: index)
      guard let initiative, !diagnostics.hasErrors else {
        return CheckResult(initiativeID: initiative?.id ?? "\(file.path)#\(index + 1)", evaluation: nil, diagnostics: diagnostics)
      }
      return check(initiative, options: options)
    }
    if documents.isEmpty {
      let diagnostics = [
        Diagnostic.error(YAMLDiagnostics.empty, "file holds no initiative", at: file.span(0, 0), help: "write 'id:', 'municipality:', 'date:' and 'facts:'")
      ]
      results.append(CheckResult(initiativeID: "\(file.path)#1", evaluation: nil, diagnostics: readDiagnostics + diagnostics))
    }
    return results
  }

  /// Checks one initiative.
  public func check(_ initiative: Initiative, options: CheckOptions = CheckOptions()) -> CheckResult {
    guard let (rulebook, selection) = selectRulebook(for: initiative, options: options) else {
      return CheckResult(initiativeID: initiative.id, evaluation: nil, diagnostics: [unknownRulebook(initiative, options: options)])
    }
    let (facts, diagnostics) = FactBinder.bind(initiative, to: rulebook)
    guard !diagnostics.hasErrors else { return CheckResult(initiativeID: initiative.id, evaluation: nil, diagnostics: diagnostics) }
    var evaluation = Evaluator(rulebook: rulebook).evaluate(initiative, facts: facts, asOf: options.asOf, traces: options.traces)
    evaluation.selection = selection
    return CheckResult(initiativeID: initiative.id, evaluation: evaluation, diagnostics: diagnostics)
  }

  func selectRulebook(for initiative: Initiative, options: CheckOptions) -> (CompiledRulebook, RulebookSelection?)? {
    if let name = options.rulebook { return library.rulebook(for: name).map { ($0, nil) } }
    if let municipality = initiative.municipality { return library.select(forInitiativeIn: municipality).map { ($0.rulebook, $0.selection) } }
    return library.rulebooks.count == 1 ? library.rulebooks.values.first.map { ($0, nil) } : nil
  }

  /// Why no rulebook answers: at the `municipality:` line when there is one, with did-you-mean.
  func unknownRulebook(_ initiative: Initiative, options: CheckOptions) -> Diagnostic {
    if let name = options.rulebook {
      let known = library.rulebooks.keys.sorted()
      let help = Suggestions.didYouMean(name, in: known) ?? "known rulebooks: \(known.joined(separator: ", "))"
      return .error(RulebookDiagnostics.unknownReference, "no rulebook '\(name)'", at: initiative.span, help: help)
    }
    guard let name = initiative.municipality, !name.isEmpty else {
      return .error(
        RulebookDiagnostics.unknownReference, "the initiative names no municipality", at: initiative.municipalitySpan ?? initiative.span,
        help: "add 'municipality: ...' or pass --rulebook")
    }
    return .error(
      RulebookDiagnostics.unknownReference, "no rulebook for municipality '\(name)'", at: initiative.municipalitySpan ?? initiative.span,
      help: library.unknownMunicipalityHelp(name))
  }
}
