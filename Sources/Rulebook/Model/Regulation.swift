import SourceDiagnostics

/// A source of rules with its legal strength.
public struct Regulation: Sendable {
  /// How binding a regulation is.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A formal law (wet), e.g. the Alcoholwet.
    case law
    /// A general administrative order (AMvB), e.g. the Besluit bouwwerken leefomgeving.
    case order
    /// A bylaw (verordening), e.g. an APV.
    case bylaw
    /// A policy rule (beleidsregel): the authority must deviate where following it would be
    /// disproportionate (art. 4:84 Awb).
    case policyRule = "policy_rule"
    /// A guideline without binding force.
    case guideline
    /// A subsidy scheme (subsidieregeling).
    case subsidyScheme = "subsidy_scheme"
  }

  /// How far the encoded facts can be trusted.
  public enum Reliability: String, Sendable, Hashable, CaseIterable {
    /// Read in the municipality's or the state's own publication.
    case official
    /// Read in a secondary source (a law firm, news, a partner's site).
    case secondary
    /// Inferred, not read anywhere: to be verified.
    case guess
  }

  public var id: String
  public var title: LocalizedText
  public var kind: Kind
  /// The competent authority (`burgemeester`, `college`, `raad`, `minister`).
  public var authority: String?
  public var validity: Validity
  public var url: String?
  public var reliability: Reliability
  /// Remarks for the legal team (what is uncertain, what to verify).
  public var note: LocalizedText = LocalizedText()
  /// For a scheme that grants money: the names (fact, parameter or definition) of the amount
  /// asked and the most it grants.
  public var amount: SchemeAmount? = nil
  public var span: SourceSpan
}

/// The amount a grant scheme is asked for and the most it grants, by name.
public struct SchemeAmount: Sendable, Hashable {
  public var asked: String
  public var maximum: String
  public var span: SourceSpan

  public init(asked: String, maximum: String, span: SourceSpan) {
    self.asked = asked
    self.maximum = maximum
    self.span = span
  }
}

/// Where a rule rests in its regulation.
public struct Citation: Sendable, Hashable {
  public var regulation: String
  public var article: String
  public var paragraph: String?
  public var url: String?
  /// Where the regulation is named (`regulation: apv`), for messages; not part of the
  /// citation's identity.
  public var regulationSpan: SourceSpan?

  public init(regulation: String, article: String, paragraph: String? = nil, url: String? = nil, regulationSpan: SourceSpan? = nil) {
    self.regulation = regulation
    self.article = article
    self.paragraph = paragraph
    self.url = url
    self.regulationSpan = regulationSpan
  }

  public static func == (a: Citation, b: Citation) -> Bool {
    a.regulation == b.regulation && a.article == b.article && a.paragraph == b.paragraph && a.url == b.url
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(regulation)
    hasher.combine(article)
    hasher.combine(paragraph)
    hasher.combine(url)
  }

  /// `art. 2:25 lid 2`; a section named by a word (`kennisgevingsevenement`) stays as written.
  public var articleText: String {
    var text = article.first?.isNumber == true ? "art. \(article)" : article
    if let paragraph { text += " lid \(paragraph)" }
    return text
  }
}
