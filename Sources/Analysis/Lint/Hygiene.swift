import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics

/// Housekeeping of a rulebook's own declarations: unused facts and parameters, facts without
/// a question, rules without a citation or without text in one of the rulebook's languages,
/// and entries that replace an inherited one with the same content.
enum Hygiene {
  /// `definition` as written; `family` the compiled rulebooks built on it (itself included);
  /// `ancestors` the definitions it extends, nearest first.
  static func check(_ definition: RulebookDefinition, languages: [String], family: [CompiledRulebook], ancestors: [RulebookDefinition]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if !family.isEmpty {
      let used = family.reduce(into: Set<String>()) { $0.formUnion(names(usedIn: $1.definition)) }
      for fact in definition.facts where !used.contains(fact.name) && fact.name != "date" {
        diagnostics.append(
          .warning(
            AnalysisDiagnostics.unusedFact, "fact '\(fact.name)' is read by no rule, definition or constraint", at: fact.span,
            help: "remove it, or use it in a rule"))
      }
      for parameter in definition.parameters where !used.contains(parameter.name) {
        diagnostics.append(
          .warning(
            AnalysisDiagnostics.unusedParameter, "parameter '\(parameter.name)' is used by no rule, definition or explanation",
            at: parameter.span, help: "remove it, or use it in a rule"))
      }
    }
    for fact in definition.facts where fact.name != "date" {
      if fact.question.isEmpty {
        diagnostics.append(
          .warning(
            AnalysisDiagnostics.noQuestion, "fact '\(fact.name)' has no question for the resident", at: fact.span,
            help: "add 'question: {nl: ..., en: ...}'"))
      } else if let missing = missingLanguages(fact.question, languages) {
        diagnostics.append(missingText("the question of fact '\(fact.name)'", missing, at: fact.span))
      }
    }
    for fact in definition.facts {
      guard let judgement = fact.judgement else { continue }
      if judgement.presumed == nil {
        diagnostics.append(
          .warning(
            AnalysisDiagnostics.noPresumption, "judgement fact '\(fact.name)' has no presumed value", at: fact.span,
            help: "add 'presumed: {value: ..., unless: {nl: ..., en: ...}, citation: {regulation: ..., article: ...}}' under 'judgement:', so that a verdict is given under the official's ordinary judgement instead of left open"))
      } else if judgement.presumed?.citation == nil {
        diagnostics.append(
          .warning(
            AnalysisDiagnostics.noPresumption, "the presumption of '\(fact.name)' cites no article", at: judgement.presumed!.span,
            help: "add 'citation: {regulation: ..., article: ...}': the article that leaves the judgement to the official"))
      }
    }
    for rule in definition.rules {
      if rule.citation == nil {
        diagnostics.append(
          .warning(
            AnalysisDiagnostics.noCitation, "rule '\(rule.id)' cites no article", at: rule.idSpan,
            help: "add 'citation: {regulation: ..., article: ...}' so that every verdict rests on an article"))
      }
      for (what, text) in [("title", rule.title), ("explanation", rule.explanation)] {
        if let missing = missingLanguages(text, languages) {
          diagnostics.append(missingText("the \(what) of rule '\(rule.id)'", missing, at: rule.idSpan))
        }
      }
    }
    diagnostics += sameAsInherited(definition, ancestors: ancestors)
    return diagnostics
  }

  static func missingLanguages(_ text: LocalizedText, _ languages: [String]) -> [String]? {
    let missing = languages.filter { (text.texts[$0] ?? "").isEmpty }
    return missing.isEmpty ? nil : missing
  }

  static func missingText(_ what: String, _ missing: [String], at span: SourceSpan) -> Diagnostic {
    .warning(
      AnalysisDiagnostics.missingText, "\(what) has no text in \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: span,
      help: "the rulebook declares these languages; write the text in each")
  }

  /// Rules and parameters written exactly as the inherited ones they replace.
  static func sameAsInherited(_ definition: RulebookDefinition, ancestors: [RulebookDefinition]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for rule in definition.rules {
      guard let inherited = ancestors.lazy.compactMap({ $0.rules.first { $0.id == rule.id } }).first,
        fingerprint(rule) == fingerprint(inherited)
      else { continue }
      diagnostics.append(
        .warning(
          AnalysisDiagnostics.overrideNoEffect, "rule '\(rule.id)' replaces the inherited rule with the same content", at: rule.idSpan,
          notes: [DiagnosticNote("the inherited rule is here", at: inherited.idSpan)], help: "remove it: the inherited rule applies anyway"))
    }
    for parameter in definition.parameters {
      guard let inherited = ancestors.lazy.compactMap({ $0.parameters.first { $0.name == parameter.name } }).first,
        parameter.versions.map({ "\($0.source.text)|\($0.validity)" }) == inherited.versions.map({ "\($0.source.text)|\($0.validity)" }),
        parameter.citation == inherited.citation || parameter.citation == nil,
        parameter.description == inherited.description || parameter.description.isEmpty
      else { continue }
      diagnostics.append(
        .warning(
          AnalysisDiagnostics.overrideNoEffect, "parameter '\(parameter.name)' replaces the inherited one with the same value", at: parameter.span,
          notes: [DiagnosticNote("the inherited parameter is here", at: inherited.span)], help: "remove it: the inherited value applies anyway"))
    }
    return diagnostics
  }

  /// What decides a rule's meaning: scope, condition, outcome, exceptions, validity, citation, texts.
  static func fingerprint(_ rule: Rule) -> String {
    [
      rule.scope?.text ?? "", rule.condition?.text ?? "", "\(rule.outcome)", rule.overrides.map(\.id).joined(separator: ","),
      "\(rule.validity)", rule.citation.map { "\($0.regulation) \($0.articleText) \($0.url ?? "")" } ?? "", "\(rule.explanation.texts.sorted { $0.key < $1.key })",
      "\(rule.title.texts.sorted { $0.key < $1.key })",
    ].joined(separator: "\u{1F}")
  }

  /// Every name an expression, template or fact link of a layered rulebook mentions.
  static func names(usedIn definition: RulebookDefinition) -> Set<String> {
    var texts: [String] = []
    for rule in definition.rules {
      texts += [rule.scope?.text, rule.condition?.text, rule.procedure?.deadline?.text, rule.procedure?.decisionPeriod?.text,
        rule.procedure?.fee?.text].compactMap { $0 }
      texts += rule.room.compactMap { $0.deadline?.text }
      for text in [rule.explanation, rule.explanationNotApplying] {
        for template in text.texts.values { texts += ExplanationTemplate.placeholders(in: template) }
      }
    }
    texts += definition.definitions.map(\.source.text)
    texts += definition.constraints.map(\.check.text)
    texts += definition.parameters.flatMap { $0.versions.map(\.source.text) }
    texts += definition.facts.flatMap { [$0.after, $0.defaultFact].compactMap { $0 } }
    var names = Set<String>()
    for text in texts { names.formUnion(identifiers(in: text)) }
    return names
  }

  static func identifiers(in text: String) -> [String] {
    var result: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
      if scalar == "_" || CharacterSet.alphanumerics.contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else {
        if !current.isEmpty { result.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}
