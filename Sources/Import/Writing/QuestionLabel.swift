import Foundation

/// A short name for a question's fact that reads inside a sentence ("Met de kant van het gebouw
/// Achterkant in plaats van Voorkant", "Hangt af van de dakkapel hoger dan 1,75 meter"): the
/// question without its introduction, its question mark and the words that only make it a
/// question. The question itself is kept whole as the fact's `question:`; a label is never cut.
///
/// | question | label |
/// | --- | --- |
/// | `Wordt de dakkapel hoger dan 1,75 meter?` | `de dakkapel hoger dan 1,75 meter` |
/// | `Gaat u de zonnepanelen plaatsen op een plat dak?` | `de zonnepanelen plaatsen op een plat dak` |
/// | `Aan welke kant van het gebouw gaat u de dakkapel plaatsen?` | `de kant van het gebouw` |
/// | `Wat is de hoogte gemeten vanaf de voet van de dakkapel (in cm)?` | `de hoogte gemeten vanaf de voet van de dakkapel (in cm)` |
/// | `Verandert de vorm van de boom?` | `een verandering van de vorm van de boom` |
/// | `Is er spoed of direct gevaar?` | `spoed of direct gevaar` |
enum QuestionLabel {
  /// The label of a question's text (introduction, if any, included).
  static func label(_ text: String) -> String {
    var sentence = Naming.questionPart(text).trimmingCharacters(in: .whitespaces)
    while sentence.hasSuffix("?") { sentence.removeLast() }
    sentence = sentence.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces)
    guard !sentence.isEmpty else { return text }
    let words = sentence.split(separator: " ").map(String.init)
    let label = framed(words) ?? lowercasedFirst(sentence)
    return namingTheSide(withoutPlacingClause(label), introduction: text)
  }

  /// `die kant aan een straat …` after `U gaat de dakkapel plaatsen aan de zijkant van het
  /// gebouw.` → `de zijkant aan een straat …`: the label is read without the introduction.
  static func namingTheSide(_ label: String, introduction: String) -> String {
    let words = label.split(separator: " ", maxSplits: 2)
    guard words.count == 3, words[0] == "die", ["kant", "gevel"].contains(words[1]) else { return label }
    for side in ["voorkant", "zijkant", "achterkant"] where introduction.contains("aan de \(side)") {
      return "de \(side) \(words[2])"
    }
    return label
  }

  /// The label when the question has a framing this knows, else nil.
  static func framed(_ words: [String]) -> String? {
    let lower = words.map { $0.lowercased() }
    func rest(from index: Int) -> String? {
      index < words.count ? words[index...].joined(separator: " ") : nil
    }
    // "Wat is X", "Wat zijn X": X.
    if lower.count > 2, lower[0] == "wat", ["is", "zijn"].contains(lower[1]) { return rest(from: 2) }
    // "(Aan) wat voor (een) X gaat u ...": het soort X.
    if let wat = lower.firstIndex(of: "wat"), wat <= 1, wat + 1 < lower.count, lower[wat + 1] == "voor" {
      var start = wat + 2
      if start < lower.count, lower[start] == "een" { start += 1 }
      if let end = lower[start...].firstIndex(where: finiteVerbs.contains), end > start {
        return "het soort " + words[start..<end].joined(separator: " ")
      }
    }
    // "(Aan/Op) welke X gaat u ...": de X; "welk X": het X.
    if let which = lower.firstIndex(where: { $0 == "welke" || $0 == "welk" }), which <= 1 {
      let start = which + 1
      if let end = lower[start...].firstIndex(where: finiteVerbs.contains), end > start {
        return (lower[which] == "welk" ? "het " : "de ") + words[start..<end].joined(separator: " ")
      }
    }
    // "Waar gaat u een dakraam plaatsen": waar u een dakraam gaat plaatsen.
    if lower.count > 2, ["waar", "wat", "hoe", "hoever", "wanneer"].contains(lower[0]), finiteVerbs.contains(lower[1]) {
      return subordinate(words)
    }
    guard lower.count > 2, finiteVerbs.contains(lower[0]) else { return nil }
    // "Betreft het X", "Gaat het om X", "Is er sprake van X".
    for framing in [["betreft", "het"], ["gaat", "het", "om"], ["is", "er", "sprake", "van"], ["gaat", "het", "over"]]
    where lower.starts(with: framing) {
      return rest(from: framing.count)
    }
    // "Verandert X": een verandering van X.
    if lower[0] == "verandert" || lower[0] == "veranderen" { return rest(from: 1).map { "een verandering van " + $0 } }
    // "Krijgt de dakkapel een plat dak": de dakkapel met een plat dak.
    if ["krijgt", "krijgen", "heeft"].contains(lower[0]), determiners.contains(lower[1]), lower.count > 3 {
      return ([words[1], words[2], "met"] + words[3...]).joined(separator: " ")
    }
    // "Gaat u X", "Hebt u X", "Is er X": X; "Verblijven 5 of meer personen": the rest.
    if lower[1].first?.isNumber == true { return rest(from: 1) }
    if ["u", "er"].contains(lower[1]) { return rest(from: 2) }
    // "Wordt de dakkapel hoger dan 1,75 meter": the subject and what is asked of it.
    if determiners.contains(lower[1]) { return rest(from: 1) }
    return nil
  }

  /// A question opening with a question word as a clause: the verb moves before the
  /// infinitive at the end (`waar u een dakraam gaat plaatsen`) or to the end (`hoever de
  /// bovenzijde onder de daknok ligt (in cm)`), before a closing remark in parentheses.
  static func subordinate(_ words: [String]) -> String {
    var body = Array(words.dropFirst(2))
    var remark: [String] = []
    if let open = body.lastIndex(where: { $0.hasPrefix("(") }), body.last?.hasSuffix(")") == true, open > 0 {
      remark = Array(body[open...])
      body.removeSubrange(open...)
    }
    let verb = words[1].lowercased()
    if body.count > 1, body.first?.lowercased() == "u", let last = body.last, last.hasSuffix("en") {
      body.insert(verb, at: body.count - 1)
    } else {
      body.append(verb)
    }
    return ([words[0].lowercased()] + body + remark).joined(separator: " ")
  }

  /// `het gebouw waarop u de dakkapel gaat plaatsen in een gebied …` → `het gebouw in een gebied …`:
  /// the clause only repeats what the check is about.
  static func withoutPlacingClause(_ label: String) -> String {
    guard let range = label.range(of: #" waarop u [^,]*? gaat [a-z]+\b"#, options: .regularExpression) else { return label }
    var result = label
    result.removeSubrange(range)
    return result
  }

  static func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    // An abbreviation or a name (`OD`, `Rijks`) keeps its capital only when the next letter is one too.
    let second = text.dropFirst().first
    if let second, second.isUppercase { return text }
    return first.lowercased() + text.dropFirst()
  }

  /// The finite verbs that open the questions of the checks (`Gaat u`, `Wordt de`, `Ligt het`).
  static let finiteVerbs: Set<String> = [
    "is", "zijn", "wordt", "worden", "gaat", "gaan", "krijgt", "krijgen", "komt", "komen", "ligt", "liggen", "staat",
    "staan", "heeft", "hebt", "hebben", "blijft", "blijven", "steekt", "steken", "verandert", "veranderen", "betreft",
    "wilt", "willen", "zit", "zitten", "meet", "bestaat", "biedt", "gelden", "geldt", "overnachten", "overnacht",
    "verblijven", "verblijft", "verhuurt", "voldoet", "voldoen", "doet", "doen", "mag", "moet", "kunt",
  ]

  /// The words that open a subject after the verb.
  static let determiners: Set<String> = ["de", "het", "een", "die", "dit", "dat", "deze", "uw", "hoofdgebouw", "dakkapel"]
}
