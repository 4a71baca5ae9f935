/// What each key of a rule file means, and the shape its value takes where that is the same
/// wherever the key is written; `ruleFile()` describes every key with these.
extension JSONSchemas {
  static let sectionDocs = [
    "rulebook": "the rulebook's metadata: id, name, municipality, languages, the rulebook it extends",
    "enums": "named value lists that facts can take as their type",
    "facts": "the vocabulary: every fact an initiative can carry, with its type and the question put to a resident",
    "parameters": "every threshold a rule compares against, so that a municipality can override it and an explanation can quote it",
    "definitions": "named conditions and values (klein_evenement), replaced like a parameter",
    "constraints": "consistency between facts; an initiative that breaks one is an input error",
    "regulations": "the sources of rules with their legal strength",
    "rules": "the rules, each with its citation, scope, condition, outcome and explanation",
    "remove_rules": "ids of inherited rules this rulebook takes out",
  ]

  static let keyDocs = [
    // rulebook
    "name": "the rulebook's name, nl/en",
    "municipality": "the municipality it is for: a name, slug or CBS code",
    "languages": "the languages of its texts",
    "extends": "the id of the rulebook it builds on (model-apv)",
    "description": "what it is, nl/en",
    "notice": "shown first in every answer from the rulebook (an imported rulebook's source and licence), nl/en",
    "priority": "the order the interview asks in among questions that decide equally (lower first), as the source's priority",
    // facts
    "type": "bool, integer, decimal, text, date, time, duration, money, area, length, quantity (with unit), an enum name, enum (with values) or list (with of)",
    "unit": "the unit of a quantity: m2, m, cm, m3, kg, dB",
    "of": "the element type of a list",
    "values": "the cases of an enum: a list, or a mapping from case to its label nl/en",
    "min": "the smallest value a resident can give, in the fact's type",
    "max": "the largest value a resident can give, in the fact's type",
    "question": "the question put to a resident, nl/en",
    "label": "the fact's name in an answer, nl/en",
    "help": "help with the question, nl/en",
    "adjustable": "whether the resident can change it (visitors, end time: yes; the zone: no)",
    "step": "the step of the search for adjustments, in the fact's type (\"00:30\")",
    "judgement": "an open norm assessed by an official: {assessed_by, turns_on, presumed}",
    "after": "a time not after this fact's is on the next day",
    "default": "when missing, the value of this other fact",
    // parameters
    "value": "the value, read as a value of the type of the parameter it replaces",
    "versions": "values by period: [{value, valid_from, valid_until}]",
    "citation": "the article it rests on: {regulation, article, paragraph, url}; regulation must be declared",
    // regulations
    "title": "nl/en",
    "kind": "its legal strength",
    "authority": "who decides (burgemeester, college van burgemeester en wethouders)",
    "valid_from": "the first day it is in force",
    "valid_until": "the last day it is in force",
    "url": "the source page",
    "official": "the official publication's identifier: a CVDR id (lokaleregelgeving.overheid.nl) or a BWB id (wetten.overheid.nl)",
    "reliability": "official (default), secondary (law firm, news, residents' association) or guess (unverified)",
    "note": "a note, nl/en",
    "amount": "for a grant scheme: {asked, maximum}, each a fact, parameter or definition",
    // rules
    "id": "unique within the layered rulebook; the same id replaces an inherited rule",
    "scope": "when the rule is relevant at all (an expression); false: out of scope",
    "when": "the condition (an expression); true: the rule applies",
    "outcome": "the verdict level or scheme decision, or {level, name, authority, conditions}",
    "overrides": "ids of the rules this more specific rule sets aside when it applies",
    "procedure": "{deadline, decision_period, fee, note}: constants or parameters",
    "explanation": "why the rule applies, nl/en, quoting {fact}, {parameter} or {definition}",
    "explanation_not_applying": "why it does not apply, nl/en",
    "room": "declared room: [{kind, granted_by, description, deadline, citation}]",
    // citations
    "regulation": "the id of a regulation under 'regulations:'",
    "article": "the article (2:25); a section named by a word stays as written",
    "paragraph": "the paragraph (lid)",
    // outcomes, procedures, room, judgements, definitions, constraints
    "level": "the verdict level or scheme decision",
    "conditions": "conditions attached to the initiative, each nl/en",
    "deadline": "how long in advance (10 werkdagen, 8 weken), a constant or parameter",
    "decision_period": "how long the authority has to decide",
    "fee": "the fee (EUR 50), a constant or parameter",
    "granted_by": "who grants it",
    "assessed_by": "the official who assesses it",
    "turns_on": "what the assessment turns on, nl/en",
    "presumed": "the ordinary value until the official assesses it: {value, unless, citation}",
    "unless": "the caveat of a verdict given under the presumption, nl/en",
    "expr": "the expression",
    "check": "a condition every initiative must meet (an expression)",
    "message": "what is said when it is not met, nl/en",
  ]

  static let identifier: JSONValue = .object([("type", .string("string")), ("pattern", .string("^[A-Za-z_][A-Za-z0-9_-]*$"))])
  static let textOrNumber: JSONValue = .object([("type", .array(["string", "number"].map(JSONValue.string)))])

  /// Keys whose value has one shape wherever they are written.
  static let keyTypes: [String: JSONValue] = [
    "id": identifier, "extends": identifier, "priority": textOrNumber, "regulation": identifier, "municipality": text, "authority": text, "url": text,
    "article": text, "paragraph": text, "unit": text, "of": text, "after": identifier, "default": identifier,
    "scope": text, "when": text, "valid_from": dateText, "valid_until": dateText, "min": textOrNumber, "max": textOrNumber,
    "step": textOrNumber, "languages": .object([("type", .string("array")), ("items", .object([("enum", .array(["nl", "en"].map(JSONValue.string)))]))]),
    "amount": object([
      ("asked", described(identifier, "the fact, parameter or definition with the amount asked")),
      ("maximum", described(identifier, "the fact, parameter or definition with the largest amount that can be granted")),
    ]),
  ]

  /// The keys with their description and their shape: `special` first, then `keyTypes`, else a scalar.
  static func documented(_ keys: [String], _ special: [String: JSONValue]) -> [(String, JSONValue)] {
    keys.map { key in (key, described(special[key] ?? keyTypes[key] ?? scalar, keyDocs[key] ?? sectionDocs[key] ?? key)) }
  }
}
