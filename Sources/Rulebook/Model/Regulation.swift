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
  /// The official identifier of its publication: a CVDR id for a municipal regulation on
  /// lokaleregelgeving.overheid.nl (`CVDR706282`), a BWB id for national law on
  /// wetten.overheid.nl (`BWBR0002458`).
  public var official: String? = nil
  public var reliability: Reliability
  /// Remarks for the legal team (what is uncertain, what to verify).
  public var note: LocalizedText = LocalizedText()
  /// For a scheme that grants money: the names (fact, parameter or definition) of the amount
  /// asked and the most it grants.
  public var amount: SchemeAmount? = nil
  public var span: SourceSpan

  /// What an official identifier looks like: `CVDR` and digits (with a version, `CVDR680530_1`),
  /// or `BWBR` and seven digits.
  public static func isOfficialIdentifier(_ text: String) -> Bool {
    text.range(of: #"^(CVDR[0-9]+(_[0-9]+)?|BWBR[0-9]{7})$"#, options: .regularExpression) != nil
  }

  /// The official publication: wetten.overheid.nl for national law, lokaleregelgeving.overheid.nl
  /// for a municipal regulation.
  public var officialURL: String? {
    guard let official else { return nil }
    if official.hasPrefix("BWBR") { return "https://wetten.overheid.nl/\(official)/" }
    return "https://lokaleregelgeving.overheid.nl/\(official.split(separator: "_").first ?? "")"
  }

  /// The link of a citation of this regulation: the article in the official publication where
  /// national law can be linked to by article (the juriconnect reference), else the regulation's
  /// own link, else its official publication.
  public func link(article: String, paragraph: String?) -> String? {
    if let official, official.hasPrefix("BWBR"), article.range(of: #"^[0-9][0-9.:a-z]*$"#, options: .regularExpression) != nil {
      let lid = paragraph.flatMap { $0.allSatisfy(\.isNumber) ? "&lid=\($0)" : nil } ?? ""
      return "https://wetten.overheid.nl/jci1.3:c:\(official)&artikel=\(article)\(lid)"
    }
    return url ?? officialURL
  }
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
