/// The words of an answer, one type per language: a language the answers speak has every
/// message, or the project does not compile. The text, Markdown and HTML renderers and the
/// sentences of `Explanations` take their words from here; only the markup is theirs.
public protocol AnswerWords: Sendable {
  // Headings and labels.
  var verdict: String { get }
  var scheme: String { get }
  var rulebook: String { get }
  var date: String { get }
  /// The heading of what is required, on the terminal.
  var required: String { get }
  /// The heading of what is needed, in HTML.
  var needed: String { get }
  /// The heading of what is needed, in Markdown.
  var whatIsNeeded: String { get }
  var appliesHeading: String { get }
  var openHeading: String { get }
  var notApplyingHeading: String { get }
  /// The heading of the rules that apply, in Markdown.
  var why: String { get }
  /// The heading of the open rules, in Markdown.
  var stillOpen: String { get }
  /// The status of a rule that applies, in HTML.
  var appliesStatus: String { get }
  /// The status of an open rule, in HTML.
  var openStatus: String { get }
  var roomTitle: String { get }
  var nextQuestion: String { get }
  var stillToAsk: String { get }
  /// The label before a rule's scope in a condition tree.
  var scope: String { get }
  /// "decided by" before the rules that decide a verdict.
  var decidedBy: String { get }
  /// "(no more answers)" when an interview runs out of input.
  var noMoreAnswers: String { get }
  var yes: String { get }
  var no: String { get }
  /// The word before the last of a list of things that all count.
  var and: String { get }
  /// The word before the last of a list of choices.
  var or: String { get }

  // What is required, when a rule does not name it.
  var notification: String { get }
  var conversation: String { get }
  var permit: String { get }
  var informationDuty: String { get }
  var conditions: String { get }
  var prohibited: String { get }
  var allowed: String { get }

  /// " (burgemeester)" after a requirement, naming who grants it.
  func grantedBy(_ authority: String) -> String
  /// "… en nog 3 (--verbose toont ze)".
  func more(_ count: Int) -> String
  /// "3 andere regels kunnen nog gaan gelden als de vragen hieronder beantwoord zijn (--verbose
  /// toont ze)"; `others` after other open rules, `hint` with how to list them.
  func mayStillApply(_ count: Int, others: Bool, hint: Bool) -> String

  // The verdict.
  /// "nog niet te bepalen: " before the levels an open verdict can still reach.
  var openVerdict: String { get }
  /// " (bij benadering)" after levels that are approximate.
  var approximately: String { get }
  /// " (nog niet zeker: kan nog worden: melding nodig of vergunning nodig)".
  func canStillBecome(_ levels: String) -> String
  /// Who judges a presumed fact when the rulebook does not say: "de gemeente".
  var municipality: String { get }
  /// "tenzij de gemeente anders oordeelt: Wordt er overlast verwacht?"
  func unless(_ who: String, judgesOtherwise question: String) -> String
  /// "; dan: niet toegestaan".
  func then(_ level: String) -> String

  // Why a rule applies or not.
  /// "Opzij gezet door de specifiekere regel festival-groot."
  func setAside(by rules: String) -> String
  /// "Niet aan de orde: bezoekers > 500 is nee."
  func notRelevant(_ because: String) -> String
  /// "Niet van toepassing: bezoekers > 500 is nee."
  func notApplying(_ because: String) -> String
  /// "Hangt af van het aantal bezoekers."
  func dependsOn(_ facts: String) -> String
  /// "Hangt af van het aantal bezoekers. Als de regel van toepassing is: Een vergunning is nodig."
  func dependsOn(_ facts: String, ifApplying then: String) -> String

  // Citations.
  /// An article as the language writes it: "art. 2:25 lid 2", in English "art. 2:25(2)".
  func article(_ text: String) -> String
  var secondarySource: String { get }
  var unverified: String { get }
  /// "Voor Borne is nog geen eigen regelboek: getoetst aan de model-APV van de VNG …".
  func fallback(_ municipality: String) -> String

  // A scheme's decision.
  /// "u vraagt € 900,00".
  func asked(_ amount: String) -> String
  /// "het maximum is € 750,00".
  func maximum(_ amount: String) -> String
  /// "Reden: bedrag boven het maximum — Subsidieregeling, art. 4".
  func reason(_ name: String, citation: String) -> String
  /// "Voorwaarde: de activiteit is openbaar toegankelijk".
  func condition(_ text: String) -> String
  /// "Hangt af van: het bedrag, de datum".
  func schemeDependsOn(_ facts: String) -> String
  /// ", onder de voorwaarden" after a smaller request that fits with conditions.
  var underConditions: String { get }
  /// "Vraag € 750,00 in plaats van € 900,00, dan past de aanvraag in de regeling."
  func ask(_ smaller: String, insteadOf asked: String, conditions: String) -> String
  /// "Beslist door: college van burgemeester en wethouders".
  func decided(by authority: String) -> String
}

/// The words of an answer in Dutch.
struct DutchAnswerWords: AnswerWords {
  let verdict = "Oordeel"
  let scheme = "Regeling"
  let rulebook = "Regelboek"
  let date = "Datum"
  let required = "Nodig"
  let needed = "Nodig"
  let whatIsNeeded = "Wat is er nodig"
  let appliesHeading = "Van toepassing"
  let openHeading = "Nog niet te bepalen"
  let notApplyingHeading = "Niet van toepassing"
  let why = "Waarom"
  let stillOpen = "Nog open"
  let appliesStatus = "van toepassing"
  let openStatus = "nog open"
  let roomTitle = "Ruimte"
  let nextQuestion = "Volgende vraag"
  let stillToAsk = "Nog te vragen"
  let scope = "reikwijdte"
  let decidedBy = "bepaald door"
  let noMoreAnswers = "(geen antwoorden meer)"
  let yes = "ja"
  let no = "nee"
  let and = "en"
  let or = "of"

  let notification = "melding"
  let conversation = "een gesprek met de gemeente"
  let permit = "vergunning"
  let informationDuty = "informatieplicht"
  let conditions = "voorwaarden"
  let prohibited = "verboden"
  let allowed = "toegestaan"

  func grantedBy(_ authority: String) -> String { " (\(authority))" }
  func more(_ count: Int) -> String { "… en nog \(count) (--verbose toont ze)" }
  func mayStillApply(_ count: Int, others: Bool, hint: Bool) -> String {
    "\(count) \(others ? "andere " : "")\(count == 1 ? "regel" : "regels") kunnen nog gaan gelden als de vragen hieronder beantwoord zijn"
      + (hint ? " (--verbose toont ze)" : "")
  }

  let openVerdict = "nog niet te bepalen: "
  let approximately = " (bij benadering)"
  func canStillBecome(_ levels: String) -> String { " (nog niet zeker: kan nog worden: \(levels))" }
  let municipality = "de gemeente"
  func unless(_ who: String, judgesOtherwise question: String) -> String { "tenzij \(who) anders oordeelt: \(question)" }
  func then(_ level: String) -> String { "; dan: \(level)" }

  func setAside(by rules: String) -> String { "Opzij gezet door de specifiekere regel \(rules)." }
  func notRelevant(_ because: String) -> String { "Niet aan de orde: \(because)." }
  func notApplying(_ because: String) -> String { "Niet van toepassing: \(because)." }
  func dependsOn(_ facts: String) -> String { "Hangt af van \(facts)." }
  func dependsOn(_ facts: String, ifApplying then: String) -> String { "Hangt af van \(facts). Als de regel van toepassing is: \(then)" }

  func article(_ text: String) -> String { text }
  let secondarySource = "(uit een secundaire bron)"
  let unverified = "(niet geverifieerd: na te gaan)"
  func fallback(_ municipality: String) -> String {
    "Voor \(municipality) is nog geen eigen regelboek: getoetst aan de model-APV van de VNG en de landelijke regels; "
      + "de getallen van \(municipality) kunnen afwijken."
  }

  func asked(_ amount: String) -> String { "u vraagt \(amount)" }
  func maximum(_ amount: String) -> String { "het maximum is \(amount)" }
  func reason(_ name: String, citation: String) -> String { "Reden: \(name) — \(citation)" }
  func condition(_ text: String) -> String { "Voorwaarde: \(text)" }
  func schemeDependsOn(_ facts: String) -> String { "Hangt af van: \(facts)" }
  let underConditions = ", onder de voorwaarden"
  func ask(_ smaller: String, insteadOf asked: String, conditions: String) -> String {
    "Vraag \(smaller) in plaats van \(asked), dan past de aanvraag in de regeling\(conditions)."
  }
  func decided(by authority: String) -> String { "Beslist door: \(authority)" }
}

/// The words of an answer in English.
struct EnglishAnswerWords: AnswerWords {
  let verdict = "Verdict"
  let scheme = "Scheme"
  let rulebook = "Rulebook"
  let date = "Date"
  let required = "Required"
  let needed = "Needed"
  let whatIsNeeded = "What is needed"
  let appliesHeading = "Applies"
  let openHeading = "Not yet determined"
  let notApplyingHeading = "Does not apply"
  let why = "Why"
  let stillOpen = "Still open"
  let appliesStatus = "applies"
  let openStatus = "open"
  let roomTitle = "Room to manoeuvre"
  let nextQuestion = "Next question"
  let stillToAsk = "Still to ask"
  let scope = "scope"
  let decidedBy = "decided by"
  let noMoreAnswers = "(no more answers)"
  let yes = "yes"
  let no = "no"
  let and = "and"
  let or = "or"

  let notification = "notification"
  let conversation = "a conversation with the municipality"
  let permit = "permit"
  let informationDuty = "information duty"
  let conditions = "conditions"
  let prohibited = "prohibited"
  let allowed = "allowed"

  func grantedBy(_ authority: String) -> String { " — \(authority)" }
  func more(_ count: Int) -> String { "… and \(count) more (--verbose lists them)" }
  func mayStillApply(_ count: Int, others: Bool, hint: Bool) -> String {
    "\(count) \(others ? "other " : "")\(count == 1 ? "rule" : "rules") may apply once the questions below are answered"
      + (hint ? " (--verbose lists them)" : "")
  }

  let openVerdict = "not yet determined: "
  let approximately = " (approximately)"
  func canStillBecome(_ levels: String) -> String { " (not yet determined: can still become \(levels))" }
  let municipality = "the municipality"
  func unless(_ who: String, judgesOtherwise question: String) -> String { "unless \(who) answers otherwise: \(question)" }
  func then(_ level: String) -> String { "; then: \(level)" }

  func setAside(by rules: String) -> String { "Set aside by the more specific rule \(rules)." }
  func notRelevant(_ because: String) -> String { "Not relevant here: \(because)." }
  func notApplying(_ because: String) -> String { "Does not apply: \(because)." }
  func dependsOn(_ facts: String) -> String { "Depends on \(facts)." }
  func dependsOn(_ facts: String, ifApplying then: String) -> String { "Depends on \(facts). If it applies: \(then)" }

  func article(_ text: String) -> String { text.replacingLid }
  let secondarySource = "(from a secondary source)"
  let unverified = "(unverified: to be checked)"
  func fallback(_ municipality: String) -> String {
    "\(municipality) has no rulebook of its own yet: checked against the VNG model APV and the national rules; "
      + "\(municipality)'s own numbers may differ."
  }

  func asked(_ amount: String) -> String { "you ask \(amount)" }
  func maximum(_ amount: String) -> String { "the maximum is \(amount)" }
  func reason(_ name: String, citation: String) -> String { "Reason: \(name) — \(citation)" }
  func condition(_ text: String) -> String { "Condition: \(text)" }
  func schemeDependsOn(_ facts: String) -> String { "Depends on: \(facts)" }
  let underConditions = ", under its conditions"
  func ask(_ smaller: String, insteadOf asked: String, conditions: String) -> String {
    "Ask \(smaller) instead of \(asked) and the request fits the scheme\(conditions)."
  }
  func decided(by authority: String) -> String { "Decided by: \(authority)" }
}
