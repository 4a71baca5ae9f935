import Engine
import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics

/// The deep lint of rulebooks: contradictions, unsatisfiable conditions and scopes, shadowed
/// rules, exceptions that never apply, gaps (each with a witness where there is one),
/// overlapping or missing periods of validity, and hygiene.
public struct Linter: Sendable {
  /// Goal evaluations allowed per witness search.
  public var budget: Int
  /// Whether regulations without their official identifier are reported (`lint --strict`):
  /// filling them in from the registers is the legal team's work list, not a fault of the rules.
  public var officialSources: Bool

  public init(budget: Int = WitnessSearch.defaultBudget, officialSources: Bool = false) {
    self.budget = budget
    self.officialSources = officialSources
  }

  /// The findings for the rulebooks `ids` of `library`, in which every rulebook should be
  /// compiled (its siblings too, so that a fact is unused only when no rulebook built on it reads it).
  /// A finding about an inherited rule is reported once, at the rule's own file.
  public func lint(_ library: RulebookLibrary, rulebooks ids: [String]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for id in ids {
      guard let definition = library.definitions[id] else { continue }
      let compiled = library.rulebooks[id]
      let family = library.rulebooks.values.filter { $0.chain.contains(id) }.sorted { $0.id < $1.id }
      var ancestors: [RulebookDefinition] = []
      var parent = definition.extends
      while let name = parent, let next = library.definitions[name], !ancestors.contains(where: { $0.id == name }) {
        ancestors.append(next)
        parent = next.extends
      }
      let languages = compiled?.definition.languages ?? definition.languages
      diagnostics += ValidityCheck.check(definition)
      diagnostics += Hygiene.check(definition, languages: languages, family: compiled == nil ? [] : family, ancestors: ancestors)
      diagnostics += ForeignLinks.check(definition, register: library.register)
      if officialSources { diagnostics += ForeignLinks.unofficial(definition) }
      if let compiled { diagnostics += semantic(compiled) }
    }
    var seen = Set<String>()
    return diagnostics.filter { diagnostic in
      let location = diagnostic.span.map { "\($0.file.path):\($0.start)" } ?? ""
      return seen.insert("\(diagnostic.code)|\(location)|\(diagnostic.message)").inserted
    }.sorted(by: Self.sourceOrder)
  }

  /// The checks that search for witnesses, in each epoch of the rulebook.
  public func semantic(_ rulebook: CompiledRulebook) -> [Diagnostic] {
    rulebook.epochs.flatMap { epoch in
      let context = LintContext(rulebook: rulebook, epoch: epoch, budget: budget)
      return Unsatisfiable.check(context) + Contradictions.check(context) + Gaps.check(context)
    }
  }

  /// Only the search for scopes and conditions no initiative satisfies (and shadowed rules).
  public func unsatisfiable(_ rulebook: CompiledRulebook) -> [Diagnostic] {
    rulebook.epochs.flatMap { epoch in
      Unsatisfiable.check(LintContext(rulebook: rulebook, epoch: epoch, budget: budget))
    }
  }

  static func sourceOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    let pa = a.span?.file.path ?? a.path ?? ""
    let pb = b.span?.file.path ?? b.path ?? ""
    if pa != pb { return pa < pb }
    return (a.span?.start ?? 0) < (b.span?.start ?? 0)
  }
}
