/// Whether a resident could answer a question differently by changing the plan: the side of the
/// house, a flat roof, the height, pruning instead of felling. Such a fact is written
/// `adjustable: true`, so that the room to manoeuvre looks for a change to it ("aan de
/// achterkant is geen vergunning nodig"). The place and the building are not: whether it is a
/// monument, lies in a protected townscape, or where its sides face; nor the reason for the
/// work or what was there before.
///
/// The STTR source does not say which questions describe the plan, so this reads the question
/// (its last sentence): it opens with a verb of the plan (`Gaat u`, `Wordt`, `Krijgt`, `Komt`,
/// `Blijft`, `Steekt`, `Verandert`), asks which side or roof face, or asks a measurement; and it
/// names none of the words of the place or the reason (`monument`, `beschermd`, `gebied`,
/// `omdat`, ...). A question the original answers from the address (`autofill`) or a map
/// (`geo`) never is.
enum QuestionAdjustability {
  static func adjustable(_ question: STTRQuestion) -> Bool {
    if question.autofill != nil { return false }
    switch question.kind {
    case .geo, .fixed, .text, .date: return false
    case .boolean, .list, .number: break
    }
    let sentence = Naming.questionPart(question.text).lowercased()
    if placeAndReason.contains(where: sentence.contains) { return false }
    if case .number = question.kind { return true }
    return planOpenings.contains(where: sentence.hasPrefix) || planPhrases.contains(where: sentence.contains)
  }

  static let planOpenings = [
    "gaat u ", "wordt ", "worden ", "krijgt ", "komt ", "komen ", "blijft ", "blijven ", "steekt ", "verandert ",
    "veranderen ", "is de afstand", "is de hellinghoek", "is 75 procent", "waar gaat u ", "wat gaat u ",
  ]
  static let planPhrases = ["welke kant", "welk dakvlak"]
  static let placeAndReason = [
    "monument", "beschermd", "gebied", "gemeentegrens", "welstand", "omdat", "zodat", "of vernieuwen", "in het verleden",
    "nieuw te bouwen", "iepziekte", "herplantplicht",
  ]
}
