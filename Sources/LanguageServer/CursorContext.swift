import Foundation
import SourceDiagnostics

/// What surrounds the cursor in a rule file, read from the text (a document being typed often
/// is not valid YAML): the key whose value the cursor is in, whether that value is an
/// expression, and what the expression asks for at the cursor.
struct CursorContext: Equatable {
  /// The YAML keys whose values are expressions.
  static let expressionKeys: Set<String> = ["when", "scope", "expr", "check", "deadline", "decision_period", "fee"]

  /// The key whose value holds the cursor, and the key above it.
  var key: String?
  var parentKey: String?
  /// The value's text from its start to the cursor.
  var textBefore: String

  /// Whether the cursor is inside an expression (`when:`, `scope:`, a definition …).
  var inExpression: Bool {
    guard let key else { return false }
    return Self.expressionKeys.contains(key) || parentKey == "definitions"
  }

  /// The fact before `==`, `!=` or `in [` (and earlier values of the list), whose enumeration
  /// values fit at the cursor.
  var comparedName: String? {
    let name = #"([\p{L}_][\p{L}\p{N}_]*)"#
    for pattern in [name + #"\s*(?:==|!=)\s*[\p{L}\p{N}_]*$"#, name + #"\s+(?:not\s+)?in\s*\[[^\]]*$"#] {
      if let match = textBefore.range(of: pattern, options: .regularExpression) {
        let matched = String(textBefore[match])
        return matched.range(of: #"^[\p{L}_][\p{L}\p{N}_]*"#, options: .regularExpression).map { String(matched[$0]) }
      }
    }
    return nil
  }

  /// The context at byte `offset` of `file`.
  init(at offset: Int, in file: SourceFile) {
    let line = file.location(of: offset).line
    let lineStart = file.lineStarts[line - 1]
    let before = String(decoding: file.bytes[lineStart..<max(lineStart, min(offset, file.bytes.count))], as: UTF8.self)
    if case let (indent, key, rest)? = Self.keyLine(before) {
      self.key = key
      parentKey = Self.enclosingKey(above: line, indentBelow: indent, in: file)?.key
      textBefore = rest
      return
    }
    // A continuation line: the key is the nearest line above that is less indented.
    let fullLine = file.lineText(line)
    let indent = fullLine.trimmingCharacters(in: .whitespaces).isEmpty ? before.count : Self.indentation(fullLine)
    guard let enclosing = Self.enclosingKey(above: line, indentBelow: indent, in: file) else {
      textBefore = before
      return
    }
    key = enclosing.key
    parentKey = Self.enclosingKey(above: enclosing.line, indentBelow: enclosing.indent, in: file)?.key
    let value = Self.keyLine(file.lineText(enclosing.line))?.rest ?? ""
    textBefore = ([value] + (enclosing.line + 1..<line).map(file.lineText) + [before]).joined(separator: "\n")
  }

  /// A line that starts with a key (`  - when: x`): its key's column, the key and what follows the colon.
  static func keyLine(_ text: String) -> (indent: Int, key: String, rest: String)? {
    guard let match = text.range(of: #"^\s*(?:-\s+)?[\p{L}_][\p{L}\p{N}_]*\s*:(?=\s|$)"#, options: .regularExpression) else {
      return nil
    }
    let head = text[match].dropLast()
    let key = head.drop { $0 == " " || $0 == "-" }.trimmingCharacters(in: .whitespaces)
    let indent = head.prefix { $0 == " " || $0 == "-" }.count
    return (indent, key, String(text[match.upperBound...]).trimmingCharacters(in: .whitespaces))
  }

  /// The nearest line above `line` (1-based) that holds a key at a column less than `indent`.
  static func enclosingKey(above line: Int, indentBelow indent: Int, in file: SourceFile) -> (line: Int, indent: Int, key: String)? {
    var current = line - 1
    while current >= 1 {
      if case let (keyIndent, key, _)? = keyLine(file.lineText(current)), keyIndent < indent { return (current, keyIndent, key) }
      current -= 1
    }
    return nil
  }

  static func indentation(_ text: String) -> Int {
    text.prefix { $0 == " " }.count
  }

  /// The name (letters, digits, `_`) at byte `offset` of `file`, with its span; nil off a name.
  static func name(at offset: Int, in file: SourceFile) -> SourceSpan? {
    let bytes = file.bytes
    func isNamePart(_ index: Int) -> Bool {
      guard index >= 0, index < bytes.count else { return false }
      var start = index
      while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
      var end = start + 1
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
      guard let scalar = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first else { return false }
      return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
    }
    var start = min(offset, bytes.count)
    var end = start
    while start > 0, isNamePart(start - 1) { start -= 1 }
    while end < bytes.count, isNamePart(end) { end += 1 }
    guard start < end else { return nil }
    return file.span(start, end)
  }
}
