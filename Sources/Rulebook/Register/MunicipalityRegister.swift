import Foundation
import SourceDiagnostics

/// The register of Dutch municipalities (CBS, "Gebieden in Nederland"): resolves a name, a
/// slug or a CBS code to a municipality, whatever its accents, case or punctuation, and
/// suggests the nearest name for a typo.
public struct MunicipalityRegister: Sendable {
  /// Every municipality, in the register's order.
  public let municipalities: [Municipality]
  /// Position in `municipalities` by CBS code.
  let byCode: [String: Int]
  /// Position in `municipalities` by folded name, slug and alias (see `MunicipalityName.key`).
  let byKey: [String: Int]
  /// Official names and aliases by folded name, for suggestions.
  let names: [String: String]

  /// A register of `municipalities`, with other names (`Den Haag`) for some of their codes.
  public init(municipalities: [Municipality] = [], aliases: [(code: String, alias: String)] = []) {
    self.municipalities = municipalities
    var byCode: [String: Int] = [:]
    var byKey: [String: Int] = [:]
    var names: [String: String] = [:]
    for (index, municipality) in municipalities.enumerated() {
      byCode[municipality.code] = index
      byKey[MunicipalityName.key(municipality.name)] = index
      names[MunicipalityName.key(municipality.name)] = municipality.name
    }
    for (code, alias) in aliases {
      guard let index = byCode[code] else { continue }
      let key = MunicipalityName.key(alias)
      if byKey[key] == nil { byKey[key] = index }
      if names[key] == nil { names[key] = alias }
    }
    self.byCode = byCode
    self.byKey = byKey
    self.names = names
  }

  /// Whether the register holds no municipality (a rules folder without one).
  public var isEmpty: Bool { municipalities.isEmpty }

  /// The municipality that `text` names: an official name or alias in any spelling of accents,
  /// case and punctuation (`Den Haag`, `s-gravenhage`, `Sudwest Fryslan`), or a CBS code
  /// (`GM0546`, `0546`).
  public func municipality(for text: String) -> Municipality? {
    if let code = MunicipalityName.code(text) { return byCode[code].map { municipalities[$0] } }
    let key = MunicipalityName.key(text)
    return key.isEmpty ? nil : byKey[key].map { municipalities[$0] }
  }

  /// The municipality with a CBS code (`GM0546`).
  public func municipality(code: String) -> Municipality? {
    byCode[code].map { municipalities[$0] }
  }

  /// The official name or alias nearest to `text`, when it is close enough to be a typo.
  ///
  /// - Complexity: O(*k* · *n* · *m*) for *k* names of length *m* and a text of length *n*.
  public func suggestion(for text: String) -> String? {
    Suggestions.closest(to: MunicipalityName.key(text), in: names.keys.sorted()).flatMap { names[$0] }
  }
}

extension MunicipalityRegister {
  /// The file names of the register inside a rules folder.
  public static let folder = "register"
  public static let municipalitiesFile = "municipalities.tsv"
  public static let aliasesFile = "aliases.tsv"

  /// Reads `register/municipalities.tsv` (and `aliases.tsv`) of a rules folder; an empty
  /// register when there is none. Lines that are not `code<TAB>name` are reported.
  ///
  /// - Throws: only when a file exists but cannot be read.
  public static func load(rulesFolder: String) throws -> (MunicipalityRegister, [Diagnostic]) {
    let directory = (rulesFolder as NSString).appendingPathComponent(folder)
    let municipalitiesPath = (directory as NSString).appendingPathComponent(municipalitiesFile)
    guard FileManager.default.fileExists(atPath: municipalitiesPath) else { return (MunicipalityRegister(), []) }
    var diagnostics: [Diagnostic] = []
    let municipalities = try rows(path: municipalitiesPath, header: "name", diagnostics: &diagnostics)
      .map { Municipality(code: $0.code, name: $0.text) }
    let aliasesPath = (directory as NSString).appendingPathComponent(aliasesFile)
    let aliases = FileManager.default.fileExists(atPath: aliasesPath)
      ? try rows(path: aliasesPath, header: "alias", diagnostics: &diagnostics).map { (code: $0.code, alias: $0.text) } : []
    return (MunicipalityRegister(municipalities: municipalities, aliases: aliases), diagnostics)
  }

  /// The `code<TAB>text` rows of a register file, skipping `#` comments, blank lines and the
  /// header line `cbs_code<TAB>header`.
  static func rows(path: String, header: String, diagnostics: inout [Diagnostic]) throws -> [(code: String, text: String)] {
    let file = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
    var rows: [(code: String, text: String)] = []
    var offset = 0
    for line in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
      defer { offset += line.utf8.count + 1 }
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "cbs_code\t\(header)" { continue }
      let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard fields.count == 2, let code = MunicipalityName.code(fields[0]), code == fields[0], !fields[1].isEmpty else {
        diagnostics.append(
          .error(
            RulebookDiagnostics.registerLine, "a register line must be a CBS code and a \(header), separated by a tab",
            at: file.span(offset, offset + line.utf8.count), help: "write it like 'GM0546<TAB>Leiden'"))
        continue
      }
      rows.append((code, fields[1]))
    }
    return rows
  }
}
