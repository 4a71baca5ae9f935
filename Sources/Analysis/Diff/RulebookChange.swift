/// One change between two versions of rulebooks, reported once where it is written: a rulebook
/// added or removed, or a rule or parameter added, removed or changed, with the rulebooks built
/// on that one that it reaches (they inherit it unchanged).
public struct RulebookChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case rulebookAdded = "rulebook_added"
    case rulebookRemoved = "rulebook_removed"
    case added, removed, changed
  }

  public enum Entity: String, Sendable, Hashable { case rulebook, rule, parameter }

  /// One field of a rule or parameter with its value before and after (nil: not there).
  public struct Field: Sendable, Hashable {
    public var name: String
    public var before: String?
    public var after: String?
  }

  /// The rulebook the change is written in.
  public var rulebook: String
  public var kind: Kind
  public var entity: Entity
  /// The rule's id or the parameter's name (the rulebook's id for a rulebook).
  public var name: String
  /// For a change, the fields that differ; for an addition or removal, the fields it has.
  public var fields: [Field]
  /// The citation of the rule or parameter (`apv art. 2:25 lid 2`), when it has one.
  public var citation: String?
  /// Other rulebooks that inherit the change, sorted.
  public var reaches: [String] = []

  /// One line: `model-apv: parameter 'max_bezoekers_klein' changed: value '150' → '175' (apv art. 2:25);
  /// reaches borne, rotterdam`.
  public var text: String {
    switch kind {
    case .rulebookAdded: return "rulebook '\(rulebook)' added"
    case .rulebookRemoved: return "rulebook '\(rulebook)' removed"
    case .added, .removed, .changed: break
    }
    var line = "\(rulebook): \(entity.rawValue) '\(name)' \(kind.rawValue)"
    let details = fields.compactMap { field -> String? in
      switch kind {
      case .changed: "\(field.name) '\(field.before ?? "")' → '\(field.after ?? "")'"
      case .added where field.name == "value": "value '\(field.after ?? "")'"
      default: nil
      }
    }
    if !details.isEmpty { line += ": " + details.joined(separator: "; ") }
    if let citation { line += " (\(citation))" }
    if !reaches.isEmpty { line += "; reaches \(reaches.joined(separator: ", "))" }
    return line
  }
}
