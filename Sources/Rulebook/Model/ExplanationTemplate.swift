/// Explanation templates quote values as `{name}`; `{{` and `}}` are literal braces.
public enum ExplanationTemplate {
  /// A stretch of a parsed template: literal text, or the name of a value to fill in.
  public enum Piece: Sendable, Equatable {
    case text(String)
    case placeholder(String)
  }

  /// The names quoted in a template, in order.
  public static func placeholders(in template: String) -> [String] {
    pieces(of: template).compactMap { piece in
      if case .placeholder(let name) = piece { return name }
      return nil
    }
  }

  /// The template with each `{name}` replaced by `value(name)`.
  public static func render(_ template: String, value: (String) -> String) -> String {
    render(pieces(of: template), value: value)
  }

  /// The parsed template with each placeholder replaced by `value(name)`.
  public static func render(_ pieces: [Piece], value: (String) -> String) -> String {
    var out = ""
    for piece in pieces {
      switch piece {
      case .text(let text): out += text
      case .placeholder(let name): out += value(name)
      }
    }
    return out
  }

  /// The template as literal text and placeholders (names trimmed of spaces), to render
  /// many times without parsing it again.
  public static func pieces(of template: String) -> [Piece] {
    var pieces: [Piece] = []
    var text = ""
    func flush() {
      if !text.isEmpty { pieces.append(.text(text)) }
      text = ""
    }
    var index = template.startIndex
    while index < template.endIndex {
      let character = template[index]
      let next = template.index(after: index)
      if character == "{", next < template.endIndex, template[next] == "{" {
        text.append("{")
        index = template.index(after: next)
      } else if character == "}", next < template.endIndex, template[next] == "}" {
        text.append("}")
        index = template.index(after: next)
      } else if character == "{", let close = template[next...].firstIndex(of: "}") {
        flush()
        pieces.append(.placeholder(String(template[next..<close]).trimmingCharacters(in: " ")))
        index = template.index(after: close)
      } else {
        text.append(character)
        index = next
      }
    }
    flush()
    return pieces
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var text = Substring(self)
    while text.first == set { text.removeFirst() }
    while text.last == set { text.removeLast() }
    return String(text)
  }
}
