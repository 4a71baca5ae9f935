/// Explanation templates quote values as `{name}`; `{{` and `}}` are literal braces.
public enum ExplanationTemplate {
  /// The names quoted in a template, in order.
  public static func placeholders(in template: String) -> [String] {
    var names: [String] = []
    _ = render(template) { name in
      names.append(name)
      return ""
    }
    return names
  }

  /// The template with each `{name}` replaced by `value(name)`.
  public static func render(_ template: String, value: (String) -> String) -> String {
    var out = ""
    var index = template.startIndex
    while index < template.endIndex {
      let character = template[index]
      let next = template.index(after: index)
      if character == "{", next < template.endIndex, template[next] == "{" {
        out.append("{")
        index = template.index(after: next)
      } else if character == "}", next < template.endIndex, template[next] == "}" {
        out.append("}")
        index = template.index(after: next)
      } else if character == "{", let close = template[next...].firstIndex(of: "}") {
        out += value(String(template[next..<close]).trimmingCharacters(in: " "))
        index = template.index(after: close)
      } else {
        out.append(character)
        index = next
      }
    }
    return out
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
