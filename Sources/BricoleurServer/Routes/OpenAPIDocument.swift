import Engine
import Foundation
import Reports
import Rulebook

/// The OpenAPI document as served: the document in the resources, with
/// - the schemas of the answer, `bricoleur schema result`'s `$defs` as `Result_*` components
///   (OpenAPI 3.1 schemas are JSON Schema 2020-12), so the document describes exactly what
///   `check --format json` and the API write;
/// - an initiative as one schema per loaded rulebook (`Initiative_<rulebook>`): the names of
///   the municipalities it answers for as the enumeration of `municipality`, and the facts it
///   asks, typed as the server reads them. A client generator learns which names and facts
///   the server accepts, and a schema-valid request is not refused for a municipality or a
///   fact the rules do not know.
enum OpenAPIDocument {
  /// The line of the resource document that declares an initiative; the rulebooks' go into it.
  static let initiativeDeclaration = "    Initiative: {oneOf: []}\n"

  /// The line after which the answer's schemas go.
  static let schemasDeclaration = "\n  schemas:\n"

  /// The document with the answer's schemas and an initiative schema per rulebook of `library`.
  static func serving(_ document: String, for library: RulebookLibrary) -> String {
    let (initiatives, facts) = initiativeComponents(library)
    let choices = initiatives.map { "{$ref: \"#/components/schemas/\($0.name)\"}" }.joined(separator: ", ")
    return document.replacingOccurrences(of: initiativeDeclaration, with: "    Initiative: {oneOf: [\(choices)]}\n")
      .replacingOccurrences(of: schemasDeclaration, with: schemasDeclaration + resultComponents + (initiatives + facts).map(\.line).joined())
  }

  /// A component of the document: its name and its line.
  typealias Component = (name: String, line: String)

  /// Per rulebook that answers for a name, the schema of an initiative for it, and the schemas
  /// of the facts they refer to (a fact the layers declare alike is said once); one line each.
  static func initiativeComponents(_ library: RulebookLibrary) -> (initiatives: [Component], facts: [Component]) {
    var namesByRulebook: [String: [String]] = [:]
    for name in names(library) {
      guard let rulebook = library.select(name)?.rulebook else { continue }
      namesByRulebook[rulebook.id, default: []].append(name)
    }
    var facts = FactComponents()
    let initiatives = namesByRulebook.keys.sorted().compactMap { id -> Component? in
      guard let rulebook = library.rulebooks[id], let names = namesByRulebook[id] else { return nil }
      let references = JSONSchemas.apiFactSchemas(for: rulebook).map { ($0.name, facts.reference(to: $0.schema, of: $0.name)) }
      let name = "Initiative_" + componentName(id)
      return (name, "    \(name): \(initiative(for: rulebook, names: names, facts: JSONSchemas.apiFacts(references)).serialized())\n")
    }
    return (initiatives, facts.lines.map { ($0.name, "    \($0.name): \($0.schema.serialized())\n") })
  }

  /// Letters, digits and `-` of `id`, anything else `_`.
  static func componentName(_ id: String) -> String {
    id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? String($0) : "_" }.joined()
  }

  /// The fact schemas said once each, as `Fact_<name>` components.
  struct FactComponents {
    var lines: [(name: String, schema: JSONValue)] = []
    var namesBySchema: [String: String] = [:]

    /// A reference to `schema`'s component, added when it is new.
    mutating func reference(to schema: JSONValue, of fact: String) -> JSONValue {
      let key = fact + "\u{1F}" + schema.serialized()
      let name: String
      if let known = namesBySchema[key] {
        name = known
      } else {
        let base = "Fact_" + OpenAPIDocument.componentName(fact)
        let taken = lines.filter { $0.name == base || $0.name.hasPrefix(base + "-") }.count
        name = taken == 0 ? base : "\(base)-\(taken + 1)"
        namesBySchema[key] = name
        lines.append((name, schema))
      }
      return .object([("$ref", .string("#/components/schemas/\(name)"))])
    }
  }

  /// An initiative for `rulebook`, named by one of `names`.
  static func initiative(for rulebook: CompiledRulebook, names: [String], facts: JSONValue) -> JSONValue {
    let anyScalar: JSONValue = .object([
      ("type", .array(["string", "number", "boolean", "null"].map(JSONValue.string))), ("description", .string("Any scalar; read as text")),
    ])
    let date: JSONValue = .object([("type", .string("string")), ("format", .string("date"))])
    let municipality: JSONValue = .object([
      ("type", .string("string")), ("enum", .array(names.map(JSONValue.string))),
      ("description", .string("A municipality this rulebook answers for (\(rulebook.id)), by name or CBS code; other spellings of these names (case, accents, a slug) are accepted too")),
    ])
    let period: JSONValue = .object([
      ("type", .string("object")), ("additionalProperties", .bool(false)),
      ("properties", .object([("from", date), ("until", date)])),
    ])
    let language: JSONValue = .object([("type", .string("string")), ("enum", .array([.string("nl"), .string("en")]))])
    let properties = InitiativeReader.keys.map { key -> (String, JSONValue) in
      switch key {
      case "municipality": (key, municipality)
      case "date", "end_date": (key, date)
      case "language": (key, language)
      case "period": (key, period)
      case "facts": (key, facts)
      default: (key, anyScalar)
      }
    }
    return .object([
      ("type", .string("object")), ("required", .array([.string("municipality")])), ("additionalProperties", .bool(false)),
      ("properties", .object(properties)),
    ])
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
}
