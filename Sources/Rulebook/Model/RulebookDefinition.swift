import SourceDiagnostics

/// A rulebook as written in its folder, before layering and compiling.
public struct RulebookDefinition: Sendable {
  public var id: String
  public var name: LocalizedText
  public var municipality: String?
  public var languages: [String]
  /// The rulebook this one extends, if any.
  public var extends: String?
  public var extendsSpan: SourceSpan?
  public var description: LocalizedText
  /// A sentence every answer from this rulebook opens with: where its rules come from and
  /// under which licence (an imported check's source), empty when there is none.
  public var notice = LocalizedText()
  public var enumerations: [EnumerationDeclaration] = []
  public var facts: [FactDeclaration] = []
  public var parameters: [ParameterDeclaration] = []
  public var definitions: [DefinitionDeclaration] = []
  public var constraints: [ConstraintDeclaration] = []
  public var regulations: [Regulation] = []
  public var rules: [Rule] = []
  /// Ids of inherited rules switched off in this rulebook.
  public var removedRules: [Rule.Reference] = []
  /// The folder it was read from.
  public var directory: String
  /// Where its `rulebook:` block is.
  public var span: SourceSpan?
}
