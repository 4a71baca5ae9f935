/// Where imported rules come from and under which licence: said in every rulebook's README and
/// in its `notice`, which every answer from it shows first.
public struct SourceNotice: Sendable {
  /// The source file's name (`dakkapel-plaatsen.json`).
  public var file: String
  /// Who published it (`de vergunningcheck van de gemeente Amsterdam`).
  public var publisher: String
  /// The licence and the copyright (`MPL-2.0, © Gemeente Amsterdam`).
  public var licence: String
  public var url: String?

  public init(file: String, publisher: String, licence: String, url: String?) {
    self.file = file
    self.publisher = publisher
    self.licence = licence
    self.url = url
  }

  /// The sentence each answer opens with.
  public var notice: String {
    "Regels ingelezen uit \(publisher) (\(file)\(url.map { ", \($0)" } ?? "")); licentie \(licence)."
  }
}

/// The README of an imported rulebook: what it is, where it comes from, what was not imported.
enum ImportReadme {
  static func text(_ book: ImportedRulebook, source: SourceNotice) -> String {
    var out = "# \(book.permitName) (`\(book.id)`)\n\n"
    out += "Ingelezen met `bricoleur import` uit `\(source.file)`\(book.version.map { ", versie \($0)" } ?? "")"
    out += ", gepubliceerd door \(source.publisher)\(source.url.map { " (\($0))" } ?? "").\n\n"
    out += "**Licentie:** \(source.licence). De vraagteksten, toelichtingen en conclusies zijn die van de bron; "
    out += "deze map is daaruit gemaakt en wordt niet in `Rules/` opgenomen.\n\n"
    out += "## Wat er in staat\n\n"
    out += "- `vragen.yaml`: \(book.facts.count) vragen als feiten, in de volgorde van de bron (`priority`).\n"
    out += "- `beslissingen.yaml`: per beslistabel en uitkomst een definitie: waar als de eerste passende rij die uitkomst geeft.\n"
    out += "- `conclusies.yaml`: \(book.rules.count) regels, één per rij van de conclusietabel. Een rij geldt als zij past en geen eerdere rij past; "
    out += "`NeemContactOpMet` gaat altijd voor. "
    out += book.rules.contains { $0.id == "geen-conclusie" }
      ? "Past geen rij, dan geldt `geen-conclusie` (neem contact op met de gemeente).\n\n"
      : "Voor elke combinatie van antwoorden past een rij.\n\n"
    out += "Zie `Documentation/sttr-import.md` voor de betekenis van de tabellen.\n"
    if !book.notes.isEmpty {
      out += "\n## Niet of anders ingelezen\n\n"
      for note in book.notes { out += "- \(note)\n" }
    }
    return out
  }
}
