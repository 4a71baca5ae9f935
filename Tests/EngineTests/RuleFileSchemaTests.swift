import Foundation
import Reports
import Testing
import TestSupport
import YAMLTree

/// Every shipped rule file is valid against `bricoleur schema rulebook`, read as an editor's YAML
/// language server reads it (YAML 1.2 core types: `true`, numbers; everything else text).
@Suite struct RuleFileSchemaTests {
  /// A node as the JSON a language server validates.
  static func json(_ node: YAMLNode) -> Any {
    switch node.content {
    case .mapping(let pairs):
      return Dictionary(pairs.map { ($0.key.scalar ?? "", json($0.value)) }, uniquingKeysWith: { first, _ in first })
    case .sequence(let items):
      return items.map(json)
    case .scalar(let text, let style):
      guard style == .plain else { return text }
      if node.isNull { return NSNull() }
      if text == "true" || text == "false" { return text == "true" }
      if text.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil { return Double(text) ?? text }
      return text
    }
  }

  static var ruleFiles: [String] {
    let rules = repositoryRoot().appendingPathComponent("Rules")
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? []
    return folders.sorted().flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: rules.appendingPathComponent(folder).path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }
  }

  @Test func everyShippedRuleFileValidates() throws {
    let check = try JSONSchemaCheck(schemaText: JSONSchemas.ruleFile().serialized(pretty: false))
    let files = Self.ruleFiles
    #expect(files.count == (try FileManager.default.subpathsOfDirectory(atPath: repositoryRoot().appendingPathComponent("Rules").path)).filter { $0.hasSuffix(".yaml") && !$0.contains("/tests/") }.count)
    for name in files {
      let (file, _) = try YAMLSource.load(path: repositoryRoot().appendingPathComponent("Rules/" + name).path)
      let root = try #require(YAMLReader().readSingle(file).root, "\(name) does not read")
      let problems = check.problems(Self.json(root))
      #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
    }
  }
}
