import Engine
import RuleLanguage

/// A trace as an indented tree with values:
///
///     └─ visitors <= max_bezoekers_klein   = true   (visitors = 180, max_bezoekers_klein = 200)
struct TraceText {
  let formatter: ValueFormatter

  /// The trace's lines; `label` starts the first line (`scope: `).
  func lines(_ node: TraceNode, indent: String = "", label: String = "") -> [String] {
    lines(node, prefix: indent + label, childIndent: indent)
  }

  private func lines(_ node: TraceNode, prefix: String, childIndent: String) -> [String] {
    var line = "\(prefix)\(node.text) = \(node.value.map(formatter.format) ?? (formatter.dutch ? "niet bekeken" : "not evaluated"))"
    let inputs = node.inputs.filter { $0.name != node.text }
    if !inputs.isEmpty {
      line += "  (" + inputs.map { "\($0.name) = \(formatter.format($0.value))" }.joined(separator: ", ") + ")"
    }
    var result = [line]
    for (index, child) in node.children.enumerated() {
      let last = index == node.children.count - 1
      result += lines(child, prefix: childIndent + (last ? "└─ " : "├─ "), childIndent: childIndent + (last ? "   " : "│  "))
    }
    return result
  }
}
