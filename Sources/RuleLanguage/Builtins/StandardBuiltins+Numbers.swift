extension StandardBuiltins {
  static let numbers: [Builtin] = [
    extremum("min", summary: "the smallest of its arguments", pick: { $0 < 0 }),
    extremum("max", summary: "the largest of its arguments", pick: { $0 > 0 }),
    Builtin(name: "abs", summary: "the absolute value", arity: 1...1, typing: { types in
      switch types[0] {
      case .integer, .decimal, .money, .duration, .quantity, .workingDays: .result(types[0])
      default: .badArgument(0, expected: "a number, amount, duration or quantity")
      }
    }, implementation: { args in
      guard let o = Value.order(args[0], Arithmetic.negate(args[0])) else { return args[0] }
      return o < 0 ? Arithmetic.negate(args[0]) : args[0]
    }),
    Builtin(name: "round", summary: "round(x) to a whole number, round(x, n) to n decimals, half away from zero",
      arity: 1...2, typing: { types in
        guard types[0].isNumber else { return .badArgument(0, expected: "a number") }
        if types.count == 2 {
          return types[1] == .integer ? .result(.decimal) : .badArgument(1, expected: "int")
        }
        return .result(.integer)
      }, implementation: { args in
        guard let x = args[0].asDecimal else { return .unknown }
        if args.count == 2 {
          guard case .integer(let places) = args[1] else { return .unknown }
          return .decimal(x.rounded(places: Int(max(0, min(6, places)))))
        }
        return .integer(x.rounded(places: 0).scaled / FixedDecimal.scale)
      }),
  ]

  static func extremum(_ name: String, summary: String, pick: @escaping @Sendable (Int) -> Bool) -> Builtin {
    Builtin(name: name, summary: summary, arity: 2...16, typing: { types in
      var common = types[0]
      guard common.isOrdered else { return .badArgument(0, expected: "ordered values (numbers, times, dates, amounts)") }
      for (index, type) in types.enumerated().dropFirst() {
        guard let next = ValueType.common(common, type) else { return .badArgument(index, expected: common.description) }
        common = next
      }
      return .result(common)
    }, implementation: { args in
      var best = args[0]
      for arg in args.dropFirst() {
        guard let o = Value.order(arg, best) else { return .unknown }
        if pick(o) { best = arg }
      }
      // Widen an int result when the common type is decimal.
      if case .integer(let i) = best, args.contains(where: { if case .decimal = $0 { true } else { false } }) {
        return .decimal(FixedDecimal(i))
      }
      return best
    })
  }
}
