import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// Reads YAML nodes against the rule-file schema, collecting positioned diagnostics instead
/// of failing: unknown keys with did-you-mean, wrong node kinds, missing required keys.
public struct SchemaReader {
  public var diagnostics: [Diagnostic] = []

  public init() {}

  public mutating func error(_ code: String, _ message: String, at span: SourceSpan, help: String? = nil, notes: [DiagnosticNote] = []) {
    diagnostics.append(.error(code, message, at: span, notes: notes, help: help))
  }

  /// The keys of a mapping, checked against `allowed`; nil (with a diagnostic) if not a mapping.
  public mutating func mapping(_ node: YAMLNode, allowed: [String], what: String) -> [String: YAMLNode]? {
    guard let pairs = node.mapping else {
      error(
        RulebookDiagnostics.wrongKind, "\(what) must be a mapping, found a \(node.kindName)", at: node.span,
        help: "write it as keys and values: \(allowed.prefix(3).map { "'\($0): ...'" }.joined(separator: ", "))")
      return nil
    }
    var result: [String: YAMLNode] = [:]
    for pair in pairs {
      guard let key = pair.key.scalar else {
        error(RulebookDiagnostics.wrongKind, "keys must be plain text", at: pair.key.span)
        continue
      }
      guard allowed.contains(key) else {
        let help = Suggestions.didYouMean(key, in: allowed) ?? "known keys: \(allowed.joined(separator: ", "))"
        error(RulebookDiagnostics.unknownKey, "unknown key '\(key)' in \(what)", at: pair.key.span, help: help)
        continue
      }
      result[key] = pair.value
    }
    return result
  }

  /// The entries of a mapping as ordered (name, name span, value) triples.
  /// With `identifiers`, names must be usable in expressions (letters, digits, `_`); otherwise
  /// any text is a name (ids such as `music-within-event`, CSV column headers).
  public mutating func namedEntries(
    _ node: YAMLNode, what: String, identifiers: Bool = true
  ) -> [(name: String, span: SourceSpan, value: YAMLNode)] {
    guard let pairs = node.mapping else {
      error(RulebookDiagnostics.wrongKind, "\(what) must be a mapping of names, found a \(node.kindName)", at: node.span)
      return []
    }
    return pairs.compactMap { pair in
      guard let name = pair.key.scalar else { return nil }
      if identifiers, !Self.isIdentifier(name) {
        error(
          RulebookDiagnostics.badName, "'\(name)' is not a valid name", at: pair.key.span,
          help: "use letters, digits and '_', starting with a letter (e.g. 'max_bezoekers')")
      }
      return (name, pair.key.span, pair.value)
    }
  }

  /// A required key's value, or a diagnostic at the mapping.
  public mutating func required(_ keys: [String: YAMLNode], _ key: String, in node: YAMLNode, what: String) -> YAMLNode? {
    if let value = keys[key] { return value }
    error(RulebookDiagnostics.missingKey, "\(what) has no '\(key)'", at: keySpan(node), help: "add '\(key): ...'")
    return nil
  }

  /// The span of a mapping's first key (a smaller place to point at than the whole mapping).
  public func keySpan(_ node: YAMLNode) -> SourceSpan {
    node.mapping?.first?.key.span ?? node.span
  }

  /// A scalar's text.
  public mutating func string(_ node: YAMLNode?, what: String) -> String? {
    guard let node else { return nil }
    guard let text = node.scalar else {
      error(RulebookDiagnostics.wrongKind, "\(what) must be text, found a \(node.kindName)", at: node.span)
      return nil
    }
    return text
  }

  /// `true`/`false` (also `ja`/`nee`, `yes`/`no`).
  public mutating func bool(_ node: YAMLNode?, what: String) -> Bool? {
    guard let node, let text = string(node, what: what) else { return nil }
    if let value = InputValueParser.bool(text) { return value }
    error(RulebookDiagnostics.badValue, "\(what) must be true or false, found '\(text)'", at: node.span)
    return nil
  }

  /// A date `YYYY-MM-DD`.
  public mutating func date(_ node: YAMLNode?, what: String) -> CalendarDay? {
    guard let node, let text = string(node, what: what) else { return nil }
    if let day = InputValueParser.date(text) { return day }
    error(
      RulebookDiagnostics.badValue, "\(what) must be a date like 2026-07-04, found '\(text)'", at: node.span,
      help: InputValueParser.dateAdvice(text) ?? "write the date as year-month-day, like 2026-07-04 (04-07-2026 is read too)")
    return nil
  }

  /// Text in several languages: a scalar is Dutch; a mapping gives each language.
  public mutating func localized(_ node: YAMLNode?, what: String) -> LocalizedText {
    guard let node else { return LocalizedText() }
    if let text = node.scalar { return LocalizedText(["nl": text.trimmingTrailingNewlines]) }
    var texts: [String: String] = [:]
    for (language, span, value) in namedEntries(node, what: what, identifiers: false) {
      // A language is a short code: anything else is text cut by a comma in a flow mapping
      // (`{nl: Niet voor 09:00, ook geen muziek., en: …}`), which would be lost silently.
      guard language.count <= 3, language.allSatisfy(\.isLetter), !value.isNull else {
        error(
          RulebookDiagnostics.badValue, "\(what) has '\(language)' where a language (nl, en) belongs", at: span,
          help: "a comma inside {nl: …, en: …} ends the text there; put the text in quotes: {nl: \"…, …\", en: \"…\"}")
        continue
      }
      if let text = string(value, what: "\(what) (\(language))") { texts[language] = text.trimmingTrailingNewlines }
    }
    return LocalizedText(texts)
  }

  /// A list of scalars; a single scalar counts as a list of one.
  public mutating func stringList(_ node: YAMLNode?, what: String) -> [(String, SourceSpan)] {
    guard let node else { return [] }
    if let text = node.scalar { return [(text, node.span)] }
    guard let items = node.sequence else {
      error(RulebookDiagnostics.wrongKind, "\(what) must be a list, found a \(node.kindName)", at: node.span)
      return []
    }
    return items.compactMap { item in string(item, what: what).map { ($0, item.span) } }
  }

  /// An expression held in a scalar, with its place in the file.
  public mutating func expression(_ node: YAMLNode?, what: String) -> EmbeddedSource? {
    guard let node else { return nil }
    guard let source = node.embeddedSource else {
      error(
        RulebookDiagnostics.wrongKind, "\(what) must be an expression in text, found a \(node.kindName)", at: node.span,
        help: "write the condition on one line, or as a block scalar after '|'")
      return nil
    }
    return source
  }

  /// A validity period from `valid_from` and `valid_until`.
  public mutating func validity(_ keys: [String: YAMLNode]) -> Validity {
    let validity = Validity(from: date(keys["valid_from"], what: "valid_from"), until: date(keys["valid_until"], what: "valid_until"))
    if let from = validity.from, let until = validity.until, until < from, let node = keys["valid_until"] {
      error(RulebookDiagnostics.badValue, "valid_until \(until) is before valid_from \(from)", at: node.span)
    }
    return validity
  }

  /// Letters, digits, `_` and `-`, starting with a letter.
  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
    return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
  }
}

extension String {
  var trimmingTrailingNewlines: String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
