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
