import Foundation
import Reports
import Rulebook

/// The OpenAPI document as served: the document in the resources, with
/// - the schemas of the answer, `bricoleur schema result`'s `$defs` as `Result_*` components
///   (OpenAPI 3.1 schemas are JSON Schema 2020-12), so the document describes exactly what
///   `check --format json` and the API write;
/// - the names the loaded rules answer for as the enumeration of an initiative's
///   `municipality`, so a client generator knows which names the server accepts, and a
///   schema-valid request is never refused for naming a municipality it does not know.
enum OpenAPIDocument {
  /// The line of the resource document that declares `municipality`; the names go into it.
  static let municipalityDeclaration = "municipality: {type: string, minLength: 1,"

  /// The line after which the answer's schemas go.
  static let schemasDeclaration = "\n  schemas:\n"

  /// The document with the answer's schemas and `library`'s names in the `municipality` declaration.
  static func serving(_ document: String, for library: RulebookLibrary) -> String {
    let list = names(library).map(quoted).joined(separator: ", ")
    return document.replacingOccurrences(of: municipalityDeclaration, with: "municipality: {type: string, enum: [\(list)],")
      .replacingOccurrences(of: schemasDeclaration, with: schemasDeclaration + resultComponents)
  }

  /// `bricoleur schema result`'s definitions as components, one line each (JSON is YAML).
  static let resultComponents: String = {
    guard let schema = try? JSONSerialization.jsonObject(with: Data(JSONSchemas.result.utf8)) as? [String: Any],
      let definitions = schema["$defs"] as? [String: Any]
    else { preconditionFailure("the result schema is not JSON with $defs") }
    return definitions.keys.sorted().map { name in
      let data = try! JSONSerialization.data(withJSONObject: definitions[name]!, options: [.sortedKeys, .withoutEscapingSlashes])
      let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "#/$defs/", with: "#/components/schemas/Result_")
      return "    Result_\(name): \(json)\n"
    }.joined()
  }()

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
