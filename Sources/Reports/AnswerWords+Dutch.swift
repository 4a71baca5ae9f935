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
