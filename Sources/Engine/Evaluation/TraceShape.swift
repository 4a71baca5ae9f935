import Rulebook
import RuleLanguage

/// What a trace node shows that depends only on the rulebook: the sub-condition's text and line,
/// how its children combine, and where the names it reads take their values from. Built once
/// per rulebook (see `TraceShapes`), so that tracing an evaluation only fills in values.
final class TraceShape: Sendable {
  /// A name the node reads, and where its value comes from.
  enum Input: Sendable {
    case fact(name: String, slot: Int)
    case parameter(name: String, value: Value)
    /// A definition's value is the one its node (`id`) had in the evaluation.
    case definition(name: String, id: Int)
  }

  /// The id of the expression node, whose value the evaluation records.
  let id: Int
  let text: String
  let line: Int
  /// The file the sub-condition is written in (a definition's may be another than the rule's).
  let path: String
  let joins: String?
  let inputs: [Input]
  let children: [TraceShape]

  /// The shape of `expression`, with definitions read from `environment`.
  init(_ expression: CheckedExpr, environment: Environment) {
    var parts: [CheckedExpr] = []
    var joins: String?
    switch expression.kind {
    case .not(let operand) where !Self.isLeaf(operand):
      parts = [operand]
      joins = "not"
    case .and, .or:
      parts = Self.flattened(expression)
      joins = Self.joins(expression)
    case .definition(let index, _):
      // A definition shows its body, so the trace reaches the facts behind it.
      if let body = environment.definitions[index].checked {
        let flat = Self.flattened(body)
        parts = flat.isEmpty ? [body] : flat
        joins = flat.isEmpty ? nil : Self.joins(body)
      }
    default:
      break
    }
    id = expression.id
    text = expression.printed
    line = expression.span.startLocation.line
    path = expression.span.file.path
    self.joins = joins
    inputs = Self.inputs(of: expression)
    children = parts.map { TraceShape($0, environment: environment) }
  }

  static func joins(_ expression: CheckedExpr) -> String? {
    switch expression.kind {
    case .and: "and"
    case .or: "or"
    case .not: "not"
    default: nil
    }
  }

  /// A fact or parameter: `not x` then reads as one line.
  static func isLeaf(_ expression: CheckedExpr) -> Bool {
    switch expression.kind {
    case .fact, .parameter, .constant: true
    default: false
    }
  }

  /// The operands of a chain of one operator (`a and b and c` gives three), so the trace reads flat.
  static func flattened(_ expression: CheckedExpr) -> [CheckedExpr] {
    switch expression.kind {
    case .and(let a, let b):
      return [a, b].flatMap { if case .and = $0.kind { flattened($0) } else { [$0] } }
    case .or(let a, let b):
      return [a, b].flatMap { if case .or = $0.kind { flattened($0) } else { [$0] } }
    case .not(let x):
      return [x]
    default:
      return []
    }
  }

  /// The named values a leaf reads, each once (none for and/or/not, whose children show them).
  static func inputs(of expression: CheckedExpr) -> [Input] {
    switch expression.kind {
    case .and, .or, .definition: return []
    case .not(let operand) where !isLeaf(operand): return []
    default: break
    }
    var result: [Input] = []
    var seen = Set<String>()
    func visit(_ x: CheckedExpr) {
      switch x.kind {
      case .fact(let slot, let name):
        if seen.insert(name).inserted { result.append(.fact(name: name, slot: slot)) }
      case .parameter(let name, let value):
        if seen.insert(name).inserted { result.append(.parameter(name: name, value: value)) }
      case .definition(_, let name):
        if seen.insert(name).inserted { result.append(.definition(name: name, id: x.id)) }
      default:
        x.children.forEach(visit)
      }
    }
    visit(expression)
    return result
  }
}

/// The trace shape of every rule's scope and condition in every epoch of a rulebook, by program.
final class TraceShapes: Sendable {
  let shapes: [ObjectIdentifier: TraceShape]

  init(rulebook: CompiledRulebook) {
    var shapes: [ObjectIdentifier: TraceShape] = [:]
    for epoch in rulebook.epochs {
      for rule in epoch.rules {
        for program in [rule.scope, rule.condition].compactMap({ $0 }) {
          shapes[ObjectIdentifier(program)] = TraceShape(program.checked, environment: epoch.environment)
        }
      }
    }
    self.shapes = shapes
  }

  /// The shape of a rule's scope or condition.
  func shape(of program: CompiledProgram) -> TraceShape? {
    shapes[ObjectIdentifier(program)]
  }
}
