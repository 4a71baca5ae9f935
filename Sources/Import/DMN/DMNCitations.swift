/// The legal sources of a DMN permit (`dmn:knowledgeSource`, Akoma Ntoso identifiers such as
/// `akn/nl/act/gm0503/2019/reg456_gm0503_v1_chp_1_art001`) as regulations and citations.
enum DMNCitations {
  /// One regulation per act named by a legal source.
  static func regulations(_ permit: STTRPermit) -> [ImportedRegulation] {
    var seen: [String] = []
    var regulations: [ImportedRegulation] = []
    let names = permit.legalSources.map(\.name) + permit.decisions.flatMap { $0.rows.compactMap(\.annotation) }
    for name in names {
      guard let reference = parse(name), !seen.contains(reference.regulation) else { continue }
      seen.append(reference.regulation)
      regulations.append(ImportedRegulation(
        id: reference.regulation, title: "Regeling \(reference.act)", url: nil,
        note: "Akoma Ntoso-verwijzing uit de DMN (dmn:knowledgeSource); de tekst van de regeling is niet ingelezen."))
    }
    return regulations
  }

  /// The citation of a conclusion row: the source on the row, else the one of the conclusion.
  static func citation(_ row: STTRRow, permit: STTRPermit) -> (regulation: String, article: String)? {
    let conclusionSource = permit.legalSources.first { $0.decisionIDs.contains(permit.conclusionID) }?.name
    guard let name = row.annotation ?? conclusionSource, let reference = parse(name) else { return nil }
    return (reference.regulation, reference.article)
  }

  /// `akn/nl/act/gm0503/2019/reg456_gm0503_v1_chp_1_art001` → act `gm0503/2019/reg456`, article `1`.
  static func parse(_ name: String) -> (regulation: String, act: String, article: String)? {
    let parts = name.split(separator: "/").map(String.init)
    guard let start = parts.firstIndex(of: "akn"), parts.count >= start + 6 else { return nil }
    let work = parts[start + 5].split(separator: "_").map(String.init)
    guard let act = work.first else { return nil }
    let authority = parts[start + 3]
    let year = parts[start + 4]
    var article = "?"
    if let tag = work.last(where: { $0.hasPrefix("art") }) {
      let number = tag.dropFirst(3).drop { $0 == "0" }
      article = number.isEmpty ? String(tag.dropFirst(3)) : String(number)
    }
    let id = Naming.identifier("akn \(authority) \(year) \(act)", maxWords: 6, fallback: "regeling")
    return (id, "\(authority)/\(year)/\(act)", article)
  }
}
