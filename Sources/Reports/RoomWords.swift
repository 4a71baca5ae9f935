/// The words of room to manoeuvre, one type per language: a language the answers speak has
/// every sentence, or the project does not compile. `RoomExplanations` fills them with the
/// rulebook's names and values.
protocol RoomWords: Sendable {
  // The kinds of room.
  var adjustment: String { get }
  var discretion: String { get }
  var openNorm: String { get }
  var alternative: String { get }
  var nearMiss: String { get }
  var decidingUnknown: String { get }
  var deadline: String { get }

  /// An authority with its article: "de burgemeester", "het college van burgemeester en
  /// wethouders"; in English "the mayor (burgemeester)".
  func authority(_ who: String) -> String
  /// An authority without article, as a requirement names it: "burgemeester"; in English
  /// "mayor (burgemeester)".
  func authorityName(_ who: String) -> String

  // An adjustment.
  /// "het aantal bezoekers 200 in plaats van 250".
  func change(_ fact: String, to value: String, from old: String) -> String
  /// "Met het aantal bezoekers 200 in plaats van 250 is het oordeel: melding nodig".
  func with(_ changes: String, verdict: String) -> String
  /// "; niet meer nodig: evenementenvergunning".
  func noLongerNeeded(_ rules: String) -> String
  /// "; dan nodig: melding klein evenement".
  func thenNeeded(_ rules: String) -> String
  var approximate: String { get }
  /// " (voor zover bekend: andere antwoorden kunnen dit nog veranderen)".
  var otherAnswersMayChangeIt: String { get }
  /// " (voor zover bekend: het hangt nog af van de eindtijd en de geluidsbelasting)".
  func stillDependsOn(_ facts: String) -> String

  // Discretion.
  /// Who decides when the rulebook does not say: "het bevoegd gezag".
  var competentAuthority: String { get }
  /// "Ontheffing door de burgemeester".
  func exemption(by who: String) -> String
  /// "Hardheidsclausule: de burgemeester kan afwijken".
  func hardship(_ who: String) -> String
  /// "Experimenteerbepaling: het college kan het toestaan".
  func experiment(_ who: String) -> String
  /// "Terrasvergunning rust op een beleidsregel: het college moet daarvan afwijken als … (art.
  /// 4:84 Awb)."
  func policyDeviation(_ rule: String, by who: String) -> String
  /// "; aanvragen uiterlijk 2026-06-01 (8 weken van tevoren)".
  func applyBy(_ day: String, inAdvance period: String) -> String

  // An open norm.
  /// Who assesses when the rulebook does not say: "een ambtenaar".
  var official: String { get }
  /// "De burgemeester beoordeelt de ernst van de overlast; tot dan gaat dit antwoord uit van: nee."
  func assesses(_ who: String, _ turnsOn: String, presuming value: String) -> String
  /// "De burgemeester beoordeelt de ernst van de overlast (volgens de aanvraag: nee)."
  func assesses(_ who: String, _ turnsOn: String, given value: String) -> String

  // A near miss.
  var below: String { get }
  var above: String { get }
  var before: String { get }
  var after: String { get }
  /// "3 dagen voor".
  func days(_ count: Int64, _ side: String) -> String
  /// "Het aantal bezoekers (250) ligt precies op de grens van 250; bij 251 wordt het oordeel:
  /// vergunning nodig." (`consequence` is `verdictBecomes` or `alsoNeeded`.)
  func atLimit(_ subject: String, value: String, limit: String, crossing: String, consequence: String) -> String
  /// "Het aantal bezoekers (240) ligt 10 onder de grens van 250; bij 251 wordt het oordeel:
  /// vergunning nodig."
  func near(_ subject: String, value: String, distance: String, limit: String, crossing: String, consequence: String) -> String
  /// "wordt het oordeel: vergunning nodig"
  func verdictBecomes(_ verdict: String) -> String
  /// "is ook nodig: evenementenvergunning": where another rule already sets the verdict.
  func alsoNeeded(_ names: String) -> String

  // A deciding unknown.
  /// "Komen er meer dan 250 bezoekers? Het antwoord bepaalt het oordeel: ja → vergunning nodig;
  /// nee → melding nodig."
  func answerDecides(_ question: String, _ sides: String) -> String
  /// "hoogstens 12": the answers up to a limit.
  func atMost(_ value: String) -> String
  /// "13 of meer": the answers from a limit on.
  func orMore(_ value: String) -> String
  /// "13 tot en met 150": the answers between two limits.
  func range(_ first: String, _ last: String) -> String

  // A deadline.
  /// "Evenementenvergunning: uiterlijk 2026-05-01 indienen (8 weken vóór 2026-06-26); ".
  func due(_ name: String, by day: String, period: String, before date: String) -> String
  /// "nog haalbaar (nog 12 werkdagen)".
  func stillPossible(_ workingDays: Int64) -> String
  var tooLate: String { get }
  /// ", als het aantal bezoekers 200 in plaats van 250".
  func afterChanging(_ changes: String) -> String
  var toApply: String { get }
}

/// The words of room to manoeuvre in Dutch.
struct DutchRoomWords: RoomWords {
  let adjustment = "Aanpassing"
  let discretion = "Beleidsruimte"
  let openNorm = "Open norm"
  let alternative = "Alternatief"
  let nearMiss = "Krap"
  let decidingUnknown = "Nog onbekend"
  let deadline = "Termijn"

  func authority(_ who: String) -> String {
    if who.hasPrefix("de ") || who.hasPrefix("het ") { return who }
    return (who.hasPrefix("college") ? "het " : "de ") + who
  }

  func authorityName(_ who: String) -> String { who }

  func change(_ fact: String, to value: String, from old: String) -> String { "\(fact) \(value) in plaats van \(old)" }
  func with(_ changes: String, verdict: String) -> String { "Met \(changes) is het oordeel: \(verdict)" }
  func noLongerNeeded(_ rules: String) -> String { "; niet meer nodig: \(rules)" }
  func thenNeeded(_ rules: String) -> String { "; dan nodig: \(rules)" }
  let approximate = " (benadering: de grens combineert feiten)"
  let otherAnswersMayChangeIt = " (voor zover bekend: andere antwoorden kunnen dit nog veranderen)"
  func stillDependsOn(_ facts: String) -> String { " (voor zover bekend: het hangt nog af van \(facts))" }

  let competentAuthority = "het bevoegd gezag"
  func exemption(by who: String) -> String { "Ontheffing door \(who)" }
  func hardship(_ who: String) -> String { "Hardheidsclausule: \(who) kan afwijken" }
  func experiment(_ who: String) -> String { "Experimenteerbepaling: \(who) kan het toestaan" }
  func policyDeviation(_ rule: String, by who: String) -> String {
    "\(rule) rust op een beleidsregel: \(who) moet daarvan afwijken als de gevolgen voor u wegens bijzondere omstandigheden "
      + "onevenredig zijn in verhouding tot het doel (art. 4:84 Awb)."
  }
  func applyBy(_ day: String, inAdvance period: String) -> String { "; aanvragen uiterlijk \(day) (\(period) van tevoren)" }

  let official = "een ambtenaar"
  func assesses(_ who: String, _ turnsOn: String, presuming value: String) -> String {
    "\(who) beoordeelt \(turnsOn); tot dan gaat dit antwoord uit van: \(value)."
  }
  func assesses(_ who: String, _ turnsOn: String, given value: String) -> String { "\(who) beoordeelt \(turnsOn) (volgens de aanvraag: \(value))." }

  let below = "onder"
  let above = "boven"
  let before = "voor"
  let after = "na"
  func days(_ count: Int64, _ side: String) -> String { "\(count) dag\(count == 1 ? "" : "en") \(side)" }
  func atLimit(_ subject: String, value: String, limit: String, crossing: String, consequence: String) -> String {
    "\(subject) (\(value)) ligt precies op de grens van \(limit); bij \(crossing) \(consequence)."
  }
  func near(_ subject: String, value: String, distance: String, limit: String, crossing: String, consequence: String) -> String {
    "\(subject) (\(value)) ligt \(distance) de grens van \(limit); bij \(crossing) \(consequence)."
  }
  func verdictBecomes(_ verdict: String) -> String { "wordt het oordeel: \(verdict)" }
  func alsoNeeded(_ names: String) -> String { "is ook nodig: \(names)" }

  func answerDecides(_ question: String, _ sides: String) -> String { "\(question) Het antwoord bepaalt het oordeel: \(sides)." }
  func atMost(_ value: String) -> String { "hoogstens \(value)" }
  func orMore(_ value: String) -> String { "\(value) of meer" }
  func range(_ first: String, _ last: String) -> String { "\(first) tot en met \(last)" }

  func due(_ name: String, by day: String, period: String, before date: String) -> String {
    "\(name): uiterlijk \(day) indienen (\(period) vóór \(date)); "
  }
  func stillPossible(_ workingDays: Int64) -> String { "nog haalbaar (nog \(workingDays) werkdag\(workingDays == 1 ? "" : "en"))" }
  let tooLate = "te laat: die dag is voorbij"
  func afterChanging(_ changes: String) -> String { ", als \(changes)" }
  let toApply = " (om het aan te vragen)"
}

/// The words of room to manoeuvre in English, naming each Dutch authority in English with its
/// Dutch name once in parentheses.
struct EnglishRoomWords: RoomWords {
  let adjustment = "Adjustment"
  let discretion = "Discretion"
  let openNorm = "Open norm"
  let alternative = "Alternative"
  let nearMiss = "Near miss"
  let decidingUnknown = "Deciding unknown"
  let deadline = "Deadline"

  /// The English name of each authority the rulebooks name.
  static let authorities = [
    "burgemeester": "mayor", "college van burgemeester en wethouders": "municipal executive", "gemeenteraad": "municipal council",
    "college": "municipal executive", "wijkraad": "district council", "stadsdeel": "city district",
    "stadsdeel West": "West city district", "bestuursorgaan": "administrative body",
    "college van burgemeester en wethouders (wijkraad)": "municipal executive, advised by the district council",
    "Opzoomer Mee (namens de gemeente Rotterdam)": "Opzoomer Mee, on behalf of the municipality of Rotterdam",
  ]

  func authority(_ who: String) -> String {
    // A body with a name of its own ("Opzoomer Mee") takes no article.
    Self.authorities[who].map { ($0.first?.isUppercase == true ? "" : "the ") + authorityName(who) } ?? who
  }

  func authorityName(_ who: String) -> String {
    // The Dutch name follows once, in parentheses, unless it holds parentheses of its own.
    Self.authorities[who].map { who.contains("(") ? $0 : "\($0) (\(who))" } ?? who
  }

  func change(_ fact: String, to value: String, from old: String) -> String { "\(fact) \(value) instead of \(old)" }
  func with(_ changes: String, verdict: String) -> String { "With \(changes) the verdict is: \(verdict)" }
  func noLongerNeeded(_ rules: String) -> String { "; no longer needed: \(rules)" }
  func thenNeeded(_ rules: String) -> String { "; then needed: \(rules)" }
  let approximate = " (approximate: the limit combines facts)"
  let otherAnswersMayChangeIt = " (as far as known: other answers can still change it)"
  func stillDependsOn(_ facts: String) -> String { " (as far as known: it still depends on \(facts))" }

  let competentAuthority = "the authority"
  func exemption(by who: String) -> String { "Exemption (ontheffing) by \(who)" }
  func hardship(_ who: String) -> String { "Hardship clause: \(who) may deviate" }
  func experiment(_ who: String) -> String { "Experiment clause: \(who) may allow it" }
  func policyDeviation(_ rule: String, by who: String) -> String {
    "\(rule) rests on a policy rule (beleidsregel): \(who) must deviate from it where its consequences for you would be "
      + "disproportionate to its purpose because of special circumstances (art. 4:84 Awb)."
  }
  func applyBy(_ day: String, inAdvance period: String) -> String { "; apply by \(day) (\(period) in advance)" }

  let official = "an official"
  func assesses(_ who: String, _ turnsOn: String, presuming value: String) -> String {
    "\(who) assesses \(turnsOn); until then the answer assumes: \(value)."
  }
  func assesses(_ who: String, _ turnsOn: String, given value: String) -> String { "\(who) assesses \(turnsOn) (as given: \(value))." }

  let below = "below"
  let above = "above"
  let before = "before"
  let after = "after"
  func days(_ count: Int64, _ side: String) -> String { "\(count) day\(count == 1 ? "" : "s") \(side)" }
  func atLimit(_ subject: String, value: String, limit: String, crossing: String, consequence: String) -> String {
    "\(subject) (\(value)) is right at the limit of \(limit); at \(crossing) \(consequence)."
  }
  func near(_ subject: String, value: String, distance: String, limit: String, crossing: String, consequence: String) -> String {
    "\(subject) (\(value)) is \(distance) the limit of \(limit); at \(crossing) \(consequence)."
  }
  func verdictBecomes(_ verdict: String) -> String { "the verdict would be: \(verdict)" }
  func alsoNeeded(_ names: String) -> String { "it would also need: \(names)" }

  func answerDecides(_ question: String, _ sides: String) -> String { "\(question) The answer decides the verdict: \(sides)." }
  func atMost(_ value: String) -> String { "at most \(value)" }
  func orMore(_ value: String) -> String { "\(value) or more" }
  func range(_ first: String, _ last: String) -> String { "\(first) to \(last)" }

  func due(_ name: String, by day: String, period: String, before date: String) -> String {
    "\(name): due by \(day) (\(period) before \(date)); "
  }
  func stillPossible(_ workingDays: Int64) -> String { "still possible (\(workingDays) working day\(workingDays == 1 ? "" : "s") left)" }
  let tooLate = "too late: that day has passed"
  func afterChanging(_ changes: String) -> String { ", if \(changes)" }
  let toApply = " (to apply for it)"
}
