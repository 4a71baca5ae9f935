extension StandardBuiltins {
  static let lists: [Builtin] = [
    .fixed("length", [.text], returns: .integer, summary: "the number of characters in a text") { args in
      guard case .text(let s) = args[0] else { return .unknown }
      return .integer(Int64(s.count))
    },
    Builtin(name: "count", summary: "the number of elements of a list", arity: 1...1, typing: { types in
      types[0].elementType == nil ? .badArgument(0, expected: "a list") : .result(.integer)
    }, implementation: { args in
      guard case .list(let items) = args[0] else { return .unknown }
      return .integer(Int64(items.count))
    }),
    Builtin(name: "contains", summary: "whether the list holds the value", arity: 2...2, strict: false, typing: { types in
      guard let element = types[0].elementType else { return .badArgument(0, expected: "a list") }
      return ValueType.common(element, types[1]) == nil ? .badArgument(1, expected: element.description) : .result(.bool)
    }, implementation: { args in
      Value.membership(args[1], in: args[0]).value
    }),
    quantifier("any", summary: "whether some element is true: any(list) or any(list, x -> condition)", all: false),
    quantifier("all", summary: "whether every element is true: all(list) or all(list, x -> condition)", all: true),
  ]

  /// `any` / `all` over a list of bools (the lambda form is typed by the checker).
  static func quantifier(_ name: String, summary: String, all: Bool) -> Builtin {
    Builtin(name: name, summary: summary, arity: 1...2, strict: false, typing: { types in
      types[0] == .list(.bool) ? .result(.bool) : .badArgument(0, expected: "list of bool")
    }, implementation: { args in
      guard case .list(let items) = args[0] else { return .unknown }
      var result: Truth = all ? .true : .false
      for item in items {
        result = all ? (result && item.truth) : (result || item.truth)
      }
      return result.value
    })
  }
}
