import SourceDiagnostics

extension Checker {
  /// A bare name: a lambda variable, fact, parameter, definition, or a case of the expected
  /// enumeration.
  mutating func checkName(_ name: String, _ syntax: ExprNode, expected: ValueType?) -> CheckedExpr? {
    if let local = locals.last(where: { $0.name == name }) {
      return node(syntax, local.type, .local(index: local.slot, name: name))
    }
    switch environment.symbolsByName[name] {
    case .fact(let slot):
      return node(syntax, environment.facts[slot].type, .fact(slot: slot, name: name))
    case .parameter(let index):
      let parameter = environment.parameters[index]
      return node(syntax, parameter.type, .parameter(name: name, value: parameter.value))
    case .definition(let index):
      let failedBefore = environment.definitions[index].state == .failed
      guard let type = checkDefinition(index, referencedAt: syntax.span) else {
        if failedBefore && environment.definitionStack.isEmpty {
          error("expr.invalid-definition", "definition '\(name)' has errors", at: syntax.span,
            help: "fix the problems reported for '\(name)' first")
        }
        return nil
      }
      return node(syntax, type, .definition(index: index, name: name))
    case nil:
      break
    }
    if case .enumeration(let enumName)? = expected, let enumeration = environment.enumeration(named: enumName) {
      if enumeration.cases.contains(name) {
        return node(syntax, .enumeration(enumName), .constant(.enumCase(name)))
      }
      let help = Suggestions.didYouMean(name, in: enumeration.cases)
        ?? "the values are \(enumeration.cases.map { "'\($0)'" }.joined(separator: ", "))"
      error("expr.unknown-enum-value", "'\(name)' is not a value of '\(enumName)'", at: syntax.span, help: help)
      return nil
    }
    var help = Suggestions.didYouMean(name, in: environment.allNames)
    if help == nil, let owner = environment.enumerations.first(where: { $0.cases.contains(name) }) {
      help = "'\(name)' is a value of '\(owner.name)'; compare a fact with it, e.g. 'x == \(name)'"
    }
    error("expr.unknown-fact", "unknown fact '\(name)'", at: syntax.span,
      help: help ?? "declare it as a fact, parameter or definition")
    return nil
  }

  /// Checks a definition (once), returning its type; reports a cycle at the reference that
  /// closes it.
  mutating func checkDefinition(_ index: Int, referencedAt reference: SourceSpan?) -> ValueType? {
    let definition = environment.definitions[index]
    switch definition.state {
    case .done: return definition.checked?.type
    case .failed: return nil
    case .inProgress:
      let start = environment.definitionStack.firstIndex(of: index) ?? 0
      let cycle = environment.definitionStack[start...].map { environment.definitions[$0].name } + [definition.name]
      let notes = environment.definitionStack[start...].compactMap { i in
        environment.definitions[i].span.map { DiagnosticNote("'\(environment.definitions[i].name)' is defined here", at: $0) }
      }
      error("expr.cycle", "definitions form a cycle: \(cycle.joined(separator: " -> "))",
        at: reference ?? definition.source.span(0, definition.source.text.utf8.count),
        help: "a definition cannot depend on itself", notes: notes)
      for i in environment.definitionStack[start...] { environment.definitions[i].state = .failed }
      return nil
    case .unchecked:
      break
    }
    environment.definitions[index].state = .inProgress
    environment.definitionStack.append(index)
    let parsed = Parser.parse(definition.source, firstNodeID: environment.nextNodeID)
    environment.nextNodeID = parsed.nextNodeID
    diagnostics += parsed.diagnostics
    let outerLocals = locals
    locals = []
    var checked: CheckedExpr?
    if let syntax = parsed.node, parsed.diagnostics.isEmpty {
      checked = check(syntax, expected: nil)
    }
    locals = outerLocals
    environment.definitionStack.removeLast()
    if environment.definitions[index].state == .failed { return nil }
    environment.definitions[index].checked = checked
    environment.definitions[index].state = checked == nil ? .failed : .done
    return checked?.type
  }
}
