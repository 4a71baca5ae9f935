import RuleLanguage

/// How far the witness search is exact for some expressions, and the extra candidate values
/// for comparisons of a fact with something other than a constant.
///
/// The search is exact when every comparison compares a single fact with a constant (or a
/// parameter): the candidates then fall in every region the thresholds cut. A comparison with
/// a definition that picks a parameter (`if shopping_street then 1.5 m else 1.2 m`) adds each
/// constant it can pick as candidates, but is counted as approximate, as is arithmetic over
/// facts, a function call on facts and a quantifier.
struct ComparisonShape {
  let environment: Environment
  /// Extra candidate values by fact slot.
  var values: [Int: [Value]] = [:]
  /// False once an expression is met for which the candidates may miss a case.
  var exact = true
  var visited = Set<Int>()

  init(environment: Environment) {
    self.environment = environment
  }

  mutating func scan(_ x: CheckedExpr) {
    switch x.kind {
    case .comparison(_, let left, let right):
      if isFact(left), right.constantValue != nil { return }
      if isFact(right), left.constantValue != nil { return }
      exact = false
      if case .fact(let slot, _) = left.kind { values[slot, default: []] += constants(in: right) }
      if case .fact(let slot, _) = right.kind { values[slot, default: []] += constants(in: left) }
    case .between(let value, let low, let high):
      if isFact(value), low.constantValue != nil, high.constantValue != nil { return }
      exact = false
      if case .fact(let slot, _) = value.kind { values[slot, default: []] += constants(in: low) + constants(in: high) }
    case .membership(let value, let list, _):
      if isFact(value), list.constantValue != nil || isConstantList(list) { return }
      exact = false
    case .arithmetic, .call, .quantifier, .negate, .local:
      if !environment.freeFacts(of: x).isEmpty { exact = false }
      return
    case .definition(let index, _):
      if visited.insert(index).inserted, let body = environment.definitions[index].checked { scan(body) }
      return
    default:
      break
    }
    for child in x.children { scan(child) }
  }

  func isFact(_ x: CheckedExpr) -> Bool {
    if case .fact = x.kind { return true }
    return false
  }

  func isConstantList(_ x: CheckedExpr) -> Bool {
    if case .list(let items) = x.kind { return items.allSatisfy { $0.constantValue != nil } }
    return false
  }

  /// The constants and parameter values an expression can take (through definitions).
  func constants(in x: CheckedExpr) -> [Value] {
    if let value = x.constantValue { return [value] }
    if case .definition(let index, _) = x.kind, let body = environment.definitions[index].checked { return constants(in: body) }
    return x.children.flatMap { constants(in: $0) }
  }
}
