import Rulebook

/// The OpenAPI document as served: the document in the resources, with the names the loaded
/// rules answer for as the enumeration of an initiative's `municipality`. A client generator
/// then knows which names the server accepts, and a schema-valid request is never refused for
/// naming a municipality it does not know.
enum OpenAPIDocument {
  /// The line of the resource document that declares `municipality`; the names go into it.
  static let municipalityDeclaration = "municipality: {type: string, minLength: 1,"

  /// The document with `library`'s names in the `municipality` declaration.
  static func serving(_ document: String, for library: RulebookLibrary) -> String {
    let list = names(library).map(quoted).joined(separator: ", ")
    return document.replacingOccurrences(of: municipalityDeclaration, with: "municipality: {type: string, enum: [\(list)],")
  }

  /// Every name `RulebookLibrary.select(_:)` answers for in its plainest spelling: the municipal
  /// rulebooks' ids and municipalities, and every municipality of the register by name and CBS
  /// code. Sorted, each once.
  static func names(_ library: RulebookLibrary) -> [String] {
    var names = Set<String>()
    for (id, rulebook) in library.rulebooks {
      guard let municipality = rulebook.definition.municipality else { continue }
      names.insert(id)
      names.insert(municipality)
    }
    for municipality in library.register.municipalities {
      names.insert(municipality.name)
      names.insert(municipality.code)
    }
    return names.filter { library.select($0) != nil }.sorted()
  }

  /// A YAML flow scalar in double quotes.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
