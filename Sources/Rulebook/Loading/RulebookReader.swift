import Foundation
import SourceDiagnostics
import YAMLTree

/// Reads a rulebook folder (`Rules/<id>/*.yaml`) into a `RulebookDefinition`, reporting every
/// problem in one run.
public struct RulebookReader {
  public static let sections = ["rulebook", "enums", "facts", "parameters", "definitions", "constraints", "regulations", "rules", "remove_rules"]
  public static let metadataKeys = ["id", "name", "municipality", "languages", "extends", "description", "notice"]

  var schema = SchemaReader()
  var definition: RulebookDefinition

  init(directory: String) {
    definition = RulebookDefinition(
      id: (directory as NSString).lastPathComponent, name: LocalizedText(), municipality: nil, languages: ["nl", "en"],
      extends: nil, description: LocalizedText(), directory: directory)
  }

  /// Reads the rulebook in `directory`, an overlaid file's text instead of the file. Throws
  /// only when the folder cannot be listed.
  public static func read(directory: String, overlay: SourceOverlay = SourceOverlay()) throws -> (RulebookDefinition, [Diagnostic]) {
    let names = try overlay.yamlNames(in: directory)
    var reader = RulebookReader(directory: directory)
    var sawMetadata = false
    for name in names {
      let path = (directory as NSString).appendingPathComponent(name)
      let (file, sourceDiagnostics) = try overlay.load(path: path)
      reader.schema.diagnostics += sourceDiagnostics
      guard sourceDiagnostics.isEmpty else { continue }
      sawMetadata = reader.readFile(file) || sawMetadata
    }
    // A file that could not be read as YAML may well be the one with the block: its own error
    // says what to fix, and a missing block is not reported after it.
    let unreadable = reader.schema.diagnostics.contains { $0.severity == .error && $0.code.hasPrefix("yaml.") }
    if !sawMetadata && !unreadable {
      reader.schema.diagnostics.append(
        Diagnostic(
          .error, code: RulebookDiagnostics.noRulebook, "no file in this folder has a 'rulebook:' block", at: nil,
          help: "add rulebook.yaml with 'rulebook: {id: ..., name: ...}'", path: directory))
    }
    return (reader.definition, reader.schema.diagnostics)
  }

  /// Reads one file of the rulebook; returns whether it held the `rulebook:` block.
  mutating func readFile(_ file: SourceFile) -> Bool {
    let (root, diagnostics) = YAMLReader().readSingle(file)
    schema.diagnostics += diagnostics
    guard let root else {
      if !diagnostics.hasErrors {
        schema.error(YAMLDiagnostics.empty, "file is empty", at: file.span(0, 0), help: "a rule file holds sections such as 'rules:'")
      }
      return false
    }
    guard let sections = schema.mapping(root, allowed: Self.sections, what: "a rule file") else { return false }
    if let node = sections["rulebook"] { readMetadata(node) }
    if let node = sections["enums"] { readEnumerations(node) }
    if let node = sections["facts"] { readFacts(node) }
    if let node = sections["parameters"] { readParameters(node) }
    if let node = sections["definitions"] { readDefinitions(node) }
    if let node = sections["constraints"] { readConstraints(node) }
    if let node = sections["regulations"] { readRegulations(node) }
    if let node = sections["rules"] { readRules(node) }
    if let node = sections["remove_rules"] {
      definition.removedRules += schema.stringList(node, what: "remove_rules").map { Rule.Reference(id: $0.0, span: $0.1) }
    }
    return sections["rulebook"] != nil
  }

  mutating func readMetadata(_ node: YAMLNode) {
    guard let keys = schema.mapping(node, allowed: Self.metadataKeys, what: "the rulebook block") else { return }
    definition.span = node.span
    if let id = schema.string(schema.required(keys, "id", in: node, what: "the rulebook block"), what: "id") {
      definition.id = id
    }
    definition.name = schema.localized(keys["name"], what: "name")
    definition.municipality = schema.string(keys["municipality"], what: "municipality")
    definition.description = schema.localized(keys["description"], what: "description")
    definition.notice = schema.localized(keys["notice"], what: "notice")
    if let languages = keys["languages"] {
      definition.languages = schema.stringList(languages, what: "languages").map(\.0)
    }
    if let extends = keys["extends"] {
      definition.extends = schema.string(extends, what: "extends")
      definition.extendsSpan = extends.span
    }
  }
}
