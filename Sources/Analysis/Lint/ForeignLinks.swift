import Foundation
import Rulebook
import SourceDiagnostics

/// Links to another municipality's site: a rule, parameter or regulation of a municipal rulebook
/// that points at a neighbour's web site (its working method, its permit page), or a rulebook
/// for no municipality (the model APV) that points at one municipality's site, cites what
/// another authority says, not the rule that binds here.
enum ForeignLinks {
  static func check(_ definition: RulebookDefinition, register: MunicipalityRegister) -> [Diagnostic] {
    let own = definition.municipality.flatMap(register.municipality(for:))
    // A municipality's site by the name it is known by on the web: its slug, with and without hyphens.
    var bySiteName: [String: Municipality] = [:]
    for municipality in register.municipalities {
      bySiteName[municipality.slug] = municipality
      bySiteName[municipality.slug.replacingOccurrences(of: "-", with: "")] = municipality
    }
    var links: [(url: String, span: SourceSpan, what: String)] = []
    for regulation in definition.regulations {
      if let url = regulation.url { links.append((url, regulation.span, "regulation '\(regulation.id)'")) }
    }
    for rule in definition.rules {
      if let url = rule.citation?.url { links.append((url, rule.citation?.regulationSpan ?? rule.idSpan, "rule '\(rule.id)'")) }
    }
    for parameter in definition.parameters {
      if let url = parameter.citation?.url { links.append((url, parameter.citation?.regulationSpan ?? parameter.span, "parameter '\(parameter.name)'")) }
    }
    return links.compactMap { link in
      guard let site = siteName(link.url), let other = bySiteName[site], other != own else { return nil }
      let whose = own.map { "\($0.name)'s" } ?? "this rulebook's"
      return .warning(
        AnalysisDiagnostics.foreignLink, "the link of \(link.what) points at the site of \(other.name), not \(whose) source",
        at: link.span, help: "cite the regulation that binds here (its official publication), or mark the source 'reliability: secondary'")
    }
  }

  /// Regulations that do not name their official publication (`official:` with a CVDR or BWB
  /// identifier), so no citation of them can link to the text that binds.
  static func unofficial(_ definition: RulebookDefinition) -> [Diagnostic] {
    definition.regulations.filter { $0.official == nil }.map { regulation in
      .warning(
        AnalysisDiagnostics.noOfficialSource, "regulation '\(regulation.id)' names no official publication", at: regulation.span,
        help: "add 'official:' with its CVDR id (lokaleregelgeving.overheid.nl) or BWB id (wetten.overheid.nl)")
    }
  }

  /// The name a Dutch site is registered under: `rijssen-holten` for `https://www.rijssen-holten.nl/...`.
  static func siteName(_ url: String) -> String? {
    guard let host = URL(string: url)?.host?.lowercased(), host.hasSuffix(".nl") else { return nil }
    let labels = host.split(separator: ".")
    return labels.count >= 2 ? String(labels[labels.count - 2]) : nil
  }
}
