import Foundation

/// Checks a JSON document against a JSON Schema (draft 2020-12), for the keywords the
/// project's schemas use: `type`, `enum`, `properties`, `required`, `additionalProperties`,
/// `items`, `oneOf`, `anyOf` and `$ref` to `#/$defs/…`. Formats and descriptions are not checked.
public struct JSONSchemaCheck: @unchecked Sendable {  // immutable after init
  let root: [String: Any]

  public init(schemaText: String) throws {
    guard let root = try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any] else {
      throw CocoaError(.coderReadCorrupt)
    }
    self.root = root
  }

  /// The problems of `document` (parsed JSON), each with its path; empty when it conforms.
  public func problems(_ document: Any) -> [String] {
    var found: [String] = []
    check(document, root, path: "$", into: &found)
    return found
  }

  /// The problems of a JSON text.
  public func problems(text: String) -> [String] {
    guard let document = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
      return ["$: not JSON"]
    }
    return problems(document)
  }

  func check(_ value: Any, _ schema: [String: Any], path: String, into found: inout [String]) {
    if let reference = schema["$ref"] as? String {
      let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
      guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
        found.append("\(path): unresolved \(reference)")
        return
      }
      check(value, target, path: path, into: &found)
    }
    for (keyword, exactlyOne) in [("oneOf", true), ("anyOf", false)] {
      guard let options = schema[keyword] as? [[String: Any]] else { continue }
      let matching = options.filter { option in
        var problems: [String] = []
        check(value, option, path: path, into: &problems)
        return problems.isEmpty
      }.count
      if exactlyOne ? matching != 1 : matching == 0 { found.append("\(path): matches \(matching) of the \(keyword) options") }
    }
    if let types = schema["type"] {
      let names = (types as? [String]) ?? [(types as? String) ?? ""]
      if !names.contains(where: { Self.isOfType(value, $0) }) { found.append("\(path): not of type \(names.joined(separator: "|"))") }
    }
    if let options = schema["enum"] as? [Any] {
      let text = "\(value)"
      if !options.contains(where: { "\($0)" == text }) { found.append("\(path): '\(text)' is not one of \(options)") }
    }
    if let object = value as? [String: Any] { checkObject(object, schema, path: path, into: &found) }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (index, item) in array.enumerated() { check(item, items, path: "\(path)[\(index)]", into: &found) }
    }
  }

  func checkObject(_ object: [String: Any], _ schema: [String: Any], path: String, into found: inout [String]) {
    let properties = schema["properties"] as? [String: Any] ?? [:]
    for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): missing '\(key)'") }
    for (key, member) in object.sorted(by: { $0.key < $1.key }) {
      if let property = properties[key] as? [String: Any] {
        check(member, property, path: "\(path).\(key)", into: &found)
      } else if let additional = schema["additionalProperties"] as? [String: Any] {
        check(member, additional, path: "\(path).\(key)", into: &found)
      } else if schema["additionalProperties"] as? Bool == false {
        found.append("\(path): unexpected '\(key)'")
      }
    }
  }

  static func isOfType(_ value: Any, _ type: String) -> Bool {
    switch type {
    case "null": return value is NSNull
    case "boolean": return (value as? NSNumber).map(isBool) ?? false
    case "integer": return (value as? NSNumber).map { !isBool($0) && $0.doubleValue == $0.doubleValue.rounded() } ?? false
    case "number": return (value as? NSNumber).map { !isBool($0) } ?? false
    case "string": return value is String
    case "array": return value is [Any]
    case "object": return value is [String: Any]
    default: return false
    }
  }

  /// JSON's true and false, which Foundation reads as numbers of a type of their own.
  static func isBool(_ number: NSNumber) -> Bool { String(describing: type(of: number)).contains("Boolean") }
}
