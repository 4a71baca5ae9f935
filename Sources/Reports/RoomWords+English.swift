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
