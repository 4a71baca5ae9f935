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
