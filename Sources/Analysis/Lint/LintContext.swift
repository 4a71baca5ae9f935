import Engine
import Rulebook
import RuleLanguage
import SourceDiagnostics

/// What the semantic checks share for one epoch of one compiled rulebook.
struct LintContext {
  let rulebook: CompiledRulebook
  let epoch: Epoch
  let truths: RuleTruths
  let search: WitnessSearch

  init(rulebook: CompiledRulebook, epoch: Epoch, budget: Int) {
    self.rulebook = rulebook
    self.epoch = epoch
    truths = RuleTruths(rulebook: rulebook, epoch: epoch)
    search = WitnessSearch(truths: truths, budget: budget)
  }

  var rules: [CompiledRule] { epoch.rules }

  /// A finding with the witness in a note and in the diagnostic's data.
  func finding(
    _ severity: Severity, _ code: String, _ message: String, at span: SourceSpan?, witness: Witness?,
    notes: [DiagnosticNote] = [], help: String? = nil
  ) -> Diagnostic {
    var allNotes = notes
    if let witness {
      allNotes.append(DiagnosticNote("witness (rulebook '\(rulebook.id)'): \(witness.summary)"))
    }
    var diagnostic = Diagnostic(severity, code: code, message, at: span, notes: allNotes, help: help)
    diagnostic.witness = witness?.entries ?? []
    return diagnostic
  }

  /// The rule's outcome as a word (`permit`).
  func outcome(_ index: Int) -> String { rules[index].rule.outcome.kind.rawValue }
}
