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
