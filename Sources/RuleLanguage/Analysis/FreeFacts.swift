extension Environment {
  /// The slots of the facts `expression` depends on, through definitions too, sorted.
  ///
  /// - Complexity: O(*n*) in the size of the expression and the definitions it uses.
  public func freeFacts(of expression: CheckedExpr) -> [Int] {
    var slots = Set<Int>()
    var visited = Set<Int>()
    collectFacts(expression, into: &slots, visited: &visited)
    return slots.sorted()
  }

  func collectFacts(_ x: CheckedExpr, into slots: inout Set<Int>, visited: inout Set<Int>) {
    switch x.kind {
    case .fact(let slot, _):
      slots.insert(slot)
    case .definition(let index, _):
      guard visited.insert(index).inserted, let body = definitions[index].checked else { return }
      collectFacts(body, into: &slots, visited: &visited)
    default:
      for child in x.children { collectFacts(child, into: &slots, visited: &visited) }
    }
  }
}
