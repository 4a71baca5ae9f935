import Foundation
import Rulebook
import SourceDiagnostics

/// The names a rulebook's expressions can use (facts, parameters, definitions) and its
/// enumerations, each with every layer that declares it: the rulebook itself and those it
/// extends (`national`, `model-apv`, `borne`). Read from the definitions as written, so that a
/// rulebook with errors still has its names.
struct RulebookIndex {
  /// One declaration of a name.
  enum Declaration {
    case fact(FactDeclaration)
    case parameter(ParameterDeclaration)
    case definition(DefinitionDeclaration)
    case enumeration(EnumerationDeclaration)

    /// Where the name is written.
    var span: SourceSpan {
      switch self {
      case .fact(let fact): fact.span
      case .parameter(let parameter): parameter.span
      case .definition(let definition): definition.span
      case .enumeration(let enumeration): enumeration.span
      }
    }

    var kindName: String {
      switch self {
      case .fact: "fact"
      case .parameter: "parameter"
      case .definition: "definition"
      case .enumeration: "enumeration"
      }
    }
  }

  /// A declaration in one rulebook of the chain.
  struct Layer {
    let rulebook: RulebookDefinition
    let declaration: Declaration
  }

  /// The rulebooks, root first, ending with the indexed one.
  let chain: [RulebookDefinition]
  /// Every layer that declares a name, root first.
  let layers: [String: [Layer]]

  /// The index of the rulebook read from `folder`; nil when the library has none from there.
  init?(library: RulebookLibrary, folder: String) {
    let folder = (folder as NSString).standardizingPath
    guard var rulebook = library.definitions.values.first(where: { ($0.directory as NSString).standardizingPath == folder }) else {
      return nil
    }
    var chain = [rulebook]
    while let parent = rulebook.extends, let next = library.definitions[parent], !chain.contains(where: { $0.id == parent }) {
      chain.append(next)
      rulebook = next
    }
    self.chain = chain.reversed()
    var layers: [String: [Layer]] = [:]
    for rulebook in self.chain {
      func add(_ name: String, _ declaration: Declaration) {
        layers[name, default: []].append(Layer(rulebook: rulebook, declaration: declaration))
      }
      for fact in rulebook.facts { add(fact.name, .fact(fact)) }
      for parameter in rulebook.parameters { add(parameter.name, .parameter(parameter)) }
      for definition in rulebook.definitions { add(definition.name, .definition(definition)) }
      for enumeration in rulebook.enumerations { add(enumeration.name, .enumeration(enumeration)) }
    }
    self.layers = layers
  }

  /// The declaration in force for `name` (the one nearest the indexed rulebook).
  func current(_ name: String) -> Declaration? {
    layers[name]?.last?.declaration
  }

  /// The fact in force named `name`.
  func fact(_ name: String) -> FactDeclaration? {
    layers[name]?.reversed().lazy.compactMap { layer -> FactDeclaration? in
      if case .fact(let fact) = layer.declaration { return fact }
      return nil
    }.first
  }

  /// The enumeration in force named `name`.
  func enumeration(_ name: String) -> EnumerationDeclaration? {
    layers[name]?.reversed().lazy.compactMap { layer -> EnumerationDeclaration? in
      if case .enumeration(let enumeration) = layer.declaration { return enumeration }
      return nil
    }.first
  }

  /// The enumeration of a fact's type (or of its list's elements), if it has one.
  func enumeration(ofFact name: String) -> EnumerationDeclaration? {
    guard var type = fact(name)?.type else { return nil }
    if let element = type.elementType { type = element }
    guard case .enumeration(let enumerationName) = type else { return nil }
    return enumeration(enumerationName)
  }

  /// A regulation's title as the layer that cites it (or one it extends) declares it.
  func regulationTitle(_ id: String, citedIn rulebook: String) -> String? {
    guard let index = chain.firstIndex(where: { $0.id == rulebook }) else { return nil }
    for layer in chain[...index].reversed() {
      if let regulation = layer.regulations.first(where: { $0.id == id }) { return regulation.title.text("nl") }
    }
    return nil
  }
}
