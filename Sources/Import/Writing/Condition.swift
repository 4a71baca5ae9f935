/// A condition in the rule language under construction, simplified as it is built: a cell `-`
/// is `always`, a cell that can never match is `never`.
enum Condition: Equatable {
  case always
  case never
  /// Expression text; `compound` when it needs parentheses inside another expression.
  case expr(String, compound: Bool)

  static func atom(_ text: String) -> Condition { .expr(text, compound: false) }

  /// Every part holds.
  static func all(_ parts: [Condition]) -> Condition {
    if parts.contains(.never) { return .never }
    let texts = parts.compactMap(\.operand)
    switch texts.count {
    case 0: return .always
    case 1: return parts.first { $0 != .always }!
    default: return .expr(texts.joined(separator: " and "), compound: true)
    }
  }

  /// Some part holds.
  static func any(_ parts: [Condition]) -> Condition {
    if parts.contains(.always) { return .always }
    let kept = parts.filter { $0 != .never }
    switch kept.count {
    case 0: return .never
    case 1: return kept[0]
    default: return .expr(kept.compactMap(\.operand).joined(separator: " or "), compound: true)
    }
  }

  var negated: Condition {
    switch self {
    case .always: .never
    case .never: .always
    case .expr(let text, let compound): .expr(compound ? "not (\(text))" : "not \(text)", compound: false)
    }
  }

  /// The text as a part of a larger expression (parenthesised when compound); nil for `always`.
  var operand: String? {
    switch self {
    case .always, .never: nil
    case .expr(let text, let compound): compound ? "(\(text))" : text
    }
  }

  /// The text as a whole expression.
  var text: String {
    switch self {
    case .always: "true"
    case .never: "false"
    case .expr(let text, _): text
    }
  }
}
