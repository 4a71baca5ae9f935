import Engine
import Rulebook

extension Explanations {
  /// The sentence every output opens with when the model APV answered for a municipality
  /// without a rulebook of its own; nil for a municipality's own rulebook.
  public func fallbackNotice(_ evaluation: Evaluation) -> String? {
    guard let selection = evaluation.selection, selection.fallback else { return nil }
    let name = selection.municipality?.name ?? evaluation.initiative.municipality ?? "?"
    return words.fallback(name)
  }
}

extension Explanations {
  /// The rulebook's own notice (an imported check names its source and licence), which every
  /// output shows first; nil when the rulebook has none.
  public func sourceNotice(_ evaluation: Evaluation) -> String? {
    let notice = evaluation.rulebook.definition.notice
    return notice.isEmpty ? nil : notice.text(language)
  }

  /// The sentences every output opens with: the fallback notice and the rulebook's own.
  public func notices(_ evaluation: Evaluation) -> [String] {
    [fallbackNotice(evaluation), sourceNotice(evaluation)].compactMap { $0 }
  }
}
