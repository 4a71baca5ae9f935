extension RulebookChanges {
  /// The changes as a reader follows them: the rulebooks added and removed, then per rulebook
  /// the changes written in it, each with its fields before and after and the rulebooks it
  /// reaches; for a terminal, or as Markdown.
  public static func story(_ changes: [RulebookChange], markdown: Bool = false) -> String {
    guard !changes.isEmpty else { return markdown ? "None.\n" : "  none\n" }
    let (indent, item) = markdown ? ("", "- ") : ("  ", "")
    var out = ""
    for kind in [RulebookChange.Kind.rulebookAdded, .rulebookRemoved] {
      let ids = changes.filter { $0.kind == kind }.map(\.rulebook)
      guard !ids.isEmpty else { continue }
      let word = kind == .rulebookAdded ? "added" : "removed"
      out += "\(indent)\(item)rulebooks \(word) (\(ids.count)): \(ids.joined(separator: ", "))\n"
    }
    let entries = changes.filter { $0.entity != .rulebook }
    var sources: [String] = []
    for change in entries where !sources.contains(change.rulebook) { sources.append(change.rulebook) }
    for source in sources {
      out += markdown ? "\n### \(source)\n\n" : "\(indent)\(source)\n"
      for change in entries where change.rulebook == source {
        let citation = change.citation.map { " (\($0))" } ?? ""
        out += "\(indent)\(markdown ? "- " : "  ")\(change.entity.rawValue) '\(change.name)' \(change.kind.rawValue)\(citation)\n"
        let sub = markdown ? "  - " : indent + "    "
        for field in change.fields where change.kind == .changed || field.name == "value" {
          out += "\(sub)\(field.name): \(quoted(field.before)) → \(quoted(field.after))\n"
        }
        if !change.reaches.isEmpty { out += "\(sub)reaches \(change.reaches.count): \(change.reaches.joined(separator: ", "))\n" }
      }
    }
    return out
  }

  static func quoted(_ text: String?) -> String {
    text.map { "'\($0)'" } ?? "(none)"
  }
}
