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
