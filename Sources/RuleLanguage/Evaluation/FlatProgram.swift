/// The conditions of many rules compiled together into one straight-line program over 64-bit
/// registers: the hot path for deciding verdicts in bulk.
///
/// A class, so that handing it to a run retains one object, not each of its arrays.
///
/// Every value the supported part of the language computes fits one `Int64` and a known flag:
/// truths as `Truth.rawValue`, numbers, amounts, times and dates by their integer
/// representation, enumeration cases by their position in the enumeration. Expressions are
/// hash-consed, so `zone != industrial` used by five rules is computed once, and every
/// operation is total (overflow and division by zero give `unknown`, as in the closure
/// compiler), so the program runs from top to bottom without branches between instructions.
///
/// Expressions outside that part (text, builtin calls, quantifiers, date arithmetic) are not
/// compiled: `FlatProgramBuilder.add(_:)` returns `nil` and the caller evaluates them with
/// `CompiledProgram`. A fact whose value does not have its declared representation makes
/// `run` return `false`, and the caller falls back for that fact vector; so the results are
/// always those of `CompiledProgram`.
package final class FlatProgram: Sendable {
  enum Op: UInt8 {
    /// `k`, known when `c == 1`.
    case constant
    /// A bool fact in slot `a` as a truth.
    case loadTruth
    /// A fact in slot `a` of representation `operation` (`Representation.rawValue`); for a
    /// quantity, `b` is the unit's position in `QuantityUnit.allCases`.
    case loadNumber
    /// An enumeration fact in slot `a`, as its position in `enumerations[b]`.
    case loadEnum
    case not, and, or
    /// `a cmp b` on two registers of one representation.
    case compare
    /// `a cmp k` for a constant `k` of `a`'s representation.
    case compareConstant
    /// `a cmp b` with `a` an integer and `b` a decimal.
    case compareIntegerDecimal
    /// `a cmp b` on two truths (only `==` and `!=`).
    case compareTruth
    /// `a op b` with integer semantics (overflow is unknown).
    case integerArithmetic
    /// `a op b` on decimals (`FixedDecimal`).
    case decimalArithmetic
    /// An integer as a decimal (overflow is unknown).
    case integerToDecimal
    case negate
    /// `if a then b else c`.
    case select
    /// `if a then b else c` on truths.
    case selectTruth
    /// `a in sets[b]`.
    case member
  }

  /// The comparison of a compare instruction, held in its `operation`.
  enum Comparison: UInt8 {
    case equal, notEqual, less, lessEqual, greater, greaterEqual

    init?(_ op: BinaryOperator) {
      switch op {
      case .equal: self = .equal
      case .notEqual: self = .notEqual
      case .less: self = .less
      case .lessEqual: self = .lessEqual
      case .greater: self = .greater
      case .greaterEqual: self = .greaterEqual
      default: return nil
      }
    }
  }

  /// The operator of an arithmetic instruction, held in its `operation`.
  enum Arithmetic: UInt8 {
    case add, subtract, multiply, divide

    init?(_ op: BinaryOperator) {
      switch op {
      case .add: self = .add
      case .subtract: self = .subtract
      case .multiply: self = .multiply
      case .divide: self = .divide
      default: return nil
      }
    }
  }

  /// How a fact's value is held in a register.
  enum Representation: UInt8 {
    case integer, decimal, money, time, date, duration, workingDays, quantity

    init?(_ type: ValueType) {
      switch type {
      case .integer: self = .integer
      case .decimal: self = .decimal
      case .money: self = .money
      case .time: self = .time
      case .date: self = .date
      case .duration: self = .duration
      case .workingDays: self = .workingDays
      case .quantity: self = .quantity
      default: return nil
      }
    }
  }

  struct Instruction: Hashable {
    /// How many of `a`, `b`, `c` (in that order) are registers it reads.
    var operandCount: Int {
      switch op {
      case .constant, .loadTruth, .loadNumber, .loadEnum: 0
      case .not, .negate, .integerToDecimal, .compareConstant, .member: 1
      case .and, .or, .compare, .compareIntegerDecimal, .compareTruth, .integerArithmetic, .decimalArithmetic: 2
      case .select, .selectTruth: 3
      }
    }

    /// The registers it reads.
    var operands: [Int32] { Array([a, b, c].prefix(operandCount)) }

    var op: Op
    /// The comparison or arithmetic operator (`Comparison.rawValue`, `Arithmetic.rawValue`), or
    /// for `loadNumber` the representation (`Representation.rawValue`).
    var operation: UInt8 = 0
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var k: Int64 = 0
  }

  /// The instructions after the constants, which occupy the first registers.
  let instructions: [Instruction]
  /// The constants' values and whether each is known, copied into the first registers.
  let constantValues: [Int64]
  let constantKnown: [Bool]
  /// The register of each register the builder handed out.
  let placement: [Int32]
  /// For each fact slot, the positions in `instructions` whose value depends on it, in order.
  let dependents: [[Int32]]
  /// Case names of the enumerations facts are loaded as.
  let enumerations: [[String]]
  /// Constant sets for `member`.
  let sets: [[Int64]]
  /// The units a quantity fact is loaded in, by `Instruction.b`.
  let units = QuantityUnit.allCases
  /// The stretches of `instructions` with one operation and operator, in order.
  let runs: [Run]

  struct Run {
    var op: Op
    var operation: UInt8
    var start: Int32
    var end: Int32
  }

  init(
    instructions: [Instruction], constantValues: [Int64], constantKnown: [Bool], placement: [Int32], dependents: [[Int32]],
    enumerations: [[String]], sets: [[Int64]]
  ) {
    self.instructions = instructions
    self.constantValues = constantValues
    self.constantKnown = constantKnown
    self.placement = placement
    self.dependents = dependents
    self.enumerations = enumerations
    self.sets = sets
    var runs: [Run] = []
    for (offset, x) in instructions.enumerated() {
      if let last = runs.last, last.op == x.op, last.operation == x.operation {
        runs[runs.count - 1].end += 1
      } else {
        runs.append(Run(op: x.op, operation: x.operation, start: Int32(offset), end: Int32(offset + 1)))
      }
    }
    self.runs = runs
  }

  /// The number of registers (one per constant and instruction).
  package var count: Int { constantValues.count + instructions.count }

  /// Runs the program over `facts` and writes the truth (`Truth.rawValue`) of register
  /// `outputs[i]` to `truths[i]`, skipping negative outputs. Returns `false`, writing nothing
  /// meaningful, when a fact does not have its declared representation.
  package func run(_ facts: FactVector, outputs: UnsafeBufferPointer<Int32>, into truths: UnsafeMutablePointer<UInt8>) -> Bool {
    withRegisters { v, n in
      constantValues.withUnsafeBufferPointer { v.update(from: $0.baseAddress!, count: $0.count) }
      constantKnown.withUnsafeBufferPointer { n.update(from: $0.baseAddress!, count: $0.count) }
      guard execute(facts, only: nil, v, n) else { return false }
      write(outputs, from: v, into: truths)
      return true
    }
  }

  /// The registers after a run over some facts, to run variations of them incrementally; with a
  /// working copy that an incremental run changes and then puts back, so that a run copies only
  /// the registers it computes. The working copy serves one run at a time: keep a state to one
  /// thread (a room search makes its own).
  package final class State: @unchecked Sendable {
    let values: [Int64]
    let known: [Bool]
    let workingValues: UnsafeMutablePointer<Int64>
    let workingKnown: UnsafeMutablePointer<Bool>
    /// The instructions the last run over several changed slots ran, for the next run over the
    /// same slots (a search tries many values of the same two facts).
    var lastSlots: [Int] = []
    var lastAffected: [Int32] = []

    init(values: [Int64], known: [Bool]) {
      self.values = values
      self.known = known
      workingValues = .allocate(capacity: max(1, values.count))
      workingValues.initialize(from: values, count: values.count)
      workingKnown = .allocate(capacity: max(1, known.count))
      workingKnown.initialize(from: known, count: known.count)
    }

    deinit {
      workingValues.deallocate()
      workingKnown.deallocate()
    }
  }

  /// The registers after running over `facts`; `nil` when a fact does not have its declared
  /// representation.
  package func state(_ facts: FactVector) -> State? {
    var values = constantValues + [Int64](repeating: 0, count: instructions.count)
    var known = constantKnown + [Bool](repeating: false, count: instructions.count)
    let completed = values.withUnsafeMutableBufferPointer { v in
      known.withUnsafeMutableBufferPointer { n in execute(facts, only: nil, v.baseAddress!, n.baseAddress!) }
    }
    return completed ? State(values: values, known: known) : nil
  }

  /// Runs the program over `facts`, which differ from those behind `state` only in `slots`:
  /// only the instructions that depend on those slots run again, in the state's working
  /// registers, which are put back afterwards. Writes truths as `run` does.
  package func run(
    _ facts: FactVector, from state: State, changing slots: [Int], outputs: UnsafeBufferPointer<Int32>,
    into truths: UnsafeMutablePointer<UInt8>
  ) -> Bool {
    let affected: [Int32]
    if slots.count == 1 {
      affected = slots[0] < dependents.count ? dependents[slots[0]] : []
    } else if slots == state.lastSlots {
      affected = state.lastAffected
    } else {
      affected = Self.merged(slots.map { $0 < dependents.count ? dependents[$0] : [] })
      state.lastSlots = slots
      state.lastAffected = affected
    }
    let (v, n) = (state.workingValues, state.workingKnown)
    return affected.withUnsafeBufferPointer { affected in
      let completed = execute(facts, only: affected, v, n)
      if completed { write(outputs, from: v, into: truths) }
      let first = constantValues.count
      state.values.withUnsafeBufferPointer { values in
        state.known.withUnsafeBufferPointer { known in
          for offset in affected {
            let register = first + Int(offset)
            v[register] = values[register]
            n[register] = known[register]
          }
        }
      }
      return completed
    }
  }

  /// The union of ascending lists, ascending, each position once.
  static func merged(_ lists: [[Int32]]) -> [Int32] {
    var result: [Int32] = []
    result.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    if lists.count == 2 {
      let (a, b) = (lists[0], lists[1])
      var (i, j) = (0, 0)
      while i < a.count, j < b.count {
        if a[i] < b[j] {
          result.append(a[i])
          i += 1
        } else {
          if a[i] == b[j] { i += 1 }
          result.append(b[j])
          j += 1
        }
      }
      result += a[i...]
      result += b[j...]
      return result
    }
    for list in lists { result += list }
    result.sort()
    var kept = 0
    for position in result.indices where kept == 0 || result[position] != result[kept - 1] {
      result[kept] = result[position]
      kept += 1
    }
    result.removeLast(result.count - kept)
    return result
  }

  /// Scratch registers for one run.
  @inline(__always)
  private func withRegisters(_ body: (UnsafeMutablePointer<Int64>, UnsafeMutablePointer<Bool>) -> Bool) -> Bool {
    withUnsafeTemporaryAllocation(of: Int64.self, capacity: max(1, count)) { values in
      withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, count)) { known in
        body(values.baseAddress!, known.baseAddress!)
      }
    }
  }

  @inline(__always)
  private func write(_ outputs: UnsafeBufferPointer<Int32>, from v: UnsafeMutablePointer<Int64>, into truths: UnsafeMutablePointer<UInt8>) {
    placement.withUnsafeBufferPointer { placement in
      for (index, register) in outputs.enumerated() where register >= 0 {
        truths[index] = UInt8(truncatingIfNeeded: v[Int(placement[Int(register)])])
      }
    }
  }

  /// Runs every instruction, or those at the positions in `only`, over `facts`.
  @inline(__always)
  private func execute(_ facts: FactVector, only: UnsafeBufferPointer<Int32>?, _ v: UnsafeMutablePointer<Int64>, _ n: UnsafeMutablePointer<Bool>) -> Bool {
    facts.values.withUnsafeBufferPointer { facts in
      instructions.withUnsafeBufferPointer { program in
        guard let only else { return executeRuns(program, first: constantValues.count, facts, v, n) }
        for offset in only where !step(program[Int(offset)], at: constantValues.count + Int(offset), facts, v, n) { return false }
        return true
      }
    }
  }

  /// Runs every instruction, a run of one operation at a time: the common operations in a loop
  /// of their own, without choosing the operation again at every step.
  private func executeRuns(
    _ program: UnsafeBufferPointer<Instruction>, first: Int, _ facts: UnsafeBufferPointer<Value>, _ v: UnsafeMutablePointer<Int64>,
    _ n: UnsafeMutablePointer<Bool>
  ) -> Bool {
    for run in runs {
      let steps = Int(run.start)..<Int(run.end)
      switch (run.op, run.operation) {
      case (.compareConstant, Comparison.equal.rawValue): for o in steps { let x = program[o], a = Int(x.a); v[first + o] = n[a] ? (v[a] == x.k ? 2 : 0) : 1 }
      case (.compareConstant, Comparison.notEqual.rawValue): for o in steps { let x = program[o], a = Int(x.a); v[first + o] = n[a] ? (v[a] != x.k ? 2 : 0) : 1 }
      case (.compareConstant, Comparison.less.rawValue): for o in steps { let x = program[o], a = Int(x.a); v[first + o] = n[a] ? (v[a] < x.k ? 2 : 0) : 1 }
      case (.compareConstant, Comparison.lessEqual.rawValue): for o in steps { let x = program[o], a = Int(x.a); v[first + o] = n[a] ? (v[a] <= x.k ? 2 : 0) : 1 }
      case (.compareConstant, Comparison.greater.rawValue): for o in steps { let x = program[o], a = Int(x.a); v[first + o] = n[a] ? (v[a] > x.k ? 2 : 0) : 1 }
      case (.compareConstant, Comparison.greaterEqual.rawValue): for o in steps { let x = program[o], a = Int(x.a); v[first + o] = n[a] ? (v[a] >= x.k ? 2 : 0) : 1 }
      case (.and, _): for o in steps { let x = program[o]; v[first + o] = min(v[Int(x.a)], v[Int(x.b)]) }
      case (.or, _): for o in steps { let x = program[o]; v[first + o] = max(v[Int(x.a)], v[Int(x.b)]) }
      case (.not, _): for o in steps { v[first + o] = 2 - v[Int(program[o].a)] }
      case (.compare, Comparison.equal.rawValue): for o in steps { let x = program[o], a = Int(x.a), b = Int(x.b); v[first + o] = n[a] && n[b] ? (v[a] == v[b] ? 2 : 0) : 1 }
      case (.compare, Comparison.notEqual.rawValue): for o in steps { let x = program[o], a = Int(x.a), b = Int(x.b); v[first + o] = n[a] && n[b] ? (v[a] != v[b] ? 2 : 0) : 1 }
      case (.compare, Comparison.less.rawValue): for o in steps { let x = program[o], a = Int(x.a), b = Int(x.b); v[first + o] = n[a] && n[b] ? (v[a] < v[b] ? 2 : 0) : 1 }
      case (.compare, Comparison.lessEqual.rawValue): for o in steps { let x = program[o], a = Int(x.a), b = Int(x.b); v[first + o] = n[a] && n[b] ? (v[a] <= v[b] ? 2 : 0) : 1 }
      case (.compare, Comparison.greater.rawValue): for o in steps { let x = program[o], a = Int(x.a), b = Int(x.b); v[first + o] = n[a] && n[b] ? (v[a] > v[b] ? 2 : 0) : 1 }
      case (.compare, Comparison.greaterEqual.rawValue): for o in steps { let x = program[o], a = Int(x.a), b = Int(x.b); v[first + o] = n[a] && n[b] ? (v[a] >= v[b] ? 2 : 0) : 1 }
      default: for o in steps where !step(program[o], at: first + o, facts, v, n) { return false }
      }
    }
    return true
  }

  /// Runs one instruction, writing register `i`; `false` when a fact does not have its declared
  /// representation.
  @inline(__always)
  private func step(
    _ x: Instruction, at i: Int, _ facts: UnsafeBufferPointer<Value>, _ v: UnsafeMutablePointer<Int64>, _ n: UnsafeMutablePointer<Bool>
  ) -> Bool {
    // Truth registers are always known: only number registers write and read `n`.
    let a = Int(x.a)
    let b = Int(x.b)
    switch x.op {
    case .constant:
      break  // placed before the program by `build()`
    case .loadTruth:
      guard a < facts.count else {
        v[i] = 1
        return true
      }
      switch facts[a] {
      case .bool(let truth): v[i] = truth ? 2 : 0
      case .unknown: v[i] = 1
      default: return false
      }
    case .loadNumber:
      guard a < facts.count else {
        n[i] = false
        return true
      }
      switch Self.number(facts[a], x.operation, unit: units[Int(x.b)]) {
      case .some(.some(let number)):
        v[i] = number
        n[i] = true
      case .some(.none):
        n[i] = false
      case .none:
        return false
      }
    case .loadEnum:
      guard a < facts.count else {
        n[i] = false
        return true
      }
      switch facts[a] {
      case .unknown:
        v[i] = 0
        n[i] = false
      case .enumCase(let name):
        guard let position = enumerations[b].firstIndex(of: name) else { return false }
        v[i] = Int64(position)
        n[i] = true
      default:
        return false
      }
    case .not:
      v[i] = 2 - v[a]
    case .and:
      v[i] = min(v[a], v[b])
    case .or:
      v[i] = max(v[a], v[b])
    case .compare:
      v[i] = n[a] && n[b] ? Self.truth(x.operation, v[a] < v[b] ? -1 : (v[a] == v[b] ? 0 : 1)) : 1
    case .compareConstant:
      v[i] = n[a] ? Self.truth(x.operation, v[a] < x.k ? -1 : (v[a] == x.k ? 0 : 1)) : 1
    case .compareIntegerDecimal:
      v[i] = n[a] && n[b] ? Self.truth(x.operation, Value.compareWide(v[a], FixedDecimal(scaled: v[b]))) : 1
    case .compareTruth:
      v[i] = v[a] == 1 || v[b] == 1 ? 1 : Self.truth(x.operation, v[a] == v[b] ? 0 : 1)
    case .integerArithmetic:
      let (r, overflow): (Int64, Bool)
      switch x.operation {
      case Arithmetic.add.rawValue: (r, overflow) = v[a].addingReportingOverflow(v[b])
      case Arithmetic.subtract.rawValue: (r, overflow) = v[a].subtractingReportingOverflow(v[b])
      default: (r, overflow) = v[a].multipliedReportingOverflow(by: v[b])
      }
      v[i] = r
      n[i] = n[a] && n[b] && !overflow
    case .decimalArithmetic:
      let r: FixedDecimal? =
        n[a] && n[b] ? Self.decimal(x.operation, FixedDecimal(scaled: v[a]), FixedDecimal(scaled: v[b])) : nil
      v[i] = r?.scaled ?? 0
      n[i] = r != nil
    case .integerToDecimal:
      let (r, overflow) = v[a].multipliedReportingOverflow(by: FixedDecimal.scale)
      v[i] = r
      n[i] = n[a] && !overflow
    case .negate:
      v[i] = v[a] == .min ? 0 : -v[a]
      n[i] = n[a] && v[a] != .min
    case .select:
      let c = Int(x.c)
      switch v[a] {
      case 2:
        v[i] = v[b]
        n[i] = n[b]
      case 0:
        v[i] = v[c]
        n[i] = n[c]
      default:
        v[i] = v[b]
        n[i] = n[b] && n[c] && v[b] == v[c]
      }
    case .selectTruth:
      let c = Int(x.c)
      switch v[a] {
      case 2: v[i] = v[b]
      case 0: v[i] = v[c]
      default: v[i] = v[b] != 1 && v[b] == v[c] ? v[b] : 1
      }
    case .member:
      v[i] = n[a] ? (sets[b].contains(v[a]) ? 2 : 0) : 1
    }
    return true
  }

  /// Decimal arithmetic operator `operation` (`Arithmetic.rawValue`).
  @inline(__always)
  static func decimal(_ operation: UInt8, _ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal? {
    switch operation {
    case Arithmetic.add.rawValue: FixedDecimal.adding(a, b)
    case Arithmetic.subtract.rawValue: FixedDecimal.subtracting(a, b)
    case Arithmetic.multiply.rawValue: FixedDecimal.multiplying(a, b)
    default: FixedDecimal.dividing(a, b)
    }
  }

  /// The truth of comparison `operation` (`Comparison.rawValue`) for an order (`-1`, `0`, `1`).
  @inline(__always)
  static func truth(_ operation: UInt8, _ order: Int) -> Int64 {
    let holds: Bool
    switch operation {
    case Comparison.equal.rawValue: holds = order == 0
    case Comparison.notEqual.rawValue: holds = order != 0
    case Comparison.less.rawValue: holds = order < 0
    case Comparison.lessEqual.rawValue: holds = order <= 0
    case Comparison.greater.rawValue: holds = order > 0
    default: holds = order >= 0
    }
    return holds ? 2 : 0
  }

  /// The register form of a value of `representation` (`Representation.rawValue`): the number,
  /// `.some(nil)` for unknown, or `nil` if the value has another form.
  @inline(__always)
  static func number(_ value: Value, _ representation: UInt8, unit: QuantityUnit) -> Int64?? {
    switch value {
    case .unknown: return .some(nil)
    case .integer(let x) where representation == Representation.integer.rawValue: return x
    case .decimal(let d) where representation == Representation.decimal.rawValue: return d.scaled
    case .money(let x) where representation == Representation.money.rawValue: return x
    case .time(let t) where representation == Representation.time.rawValue: return t.minutes
    case .date(let d) where representation == Representation.date.rawValue: return d.daysSinceEpoch
    case .duration(let x) where representation == Representation.duration.rawValue: return x
    case .workingDays(let x) where representation == Representation.workingDays.rawValue: return x
    case .quantity(let d, let u) where representation == Representation.quantity.rawValue && u == unit:
      return d.scaled
    default: return nil
    }
  }
}

/// Builds a `FlatProgram` from checked expressions of one environment.
package struct FlatProgramBuilder {
  /// What a register holds, to choose the instructions that read it.
  enum Kind: Hashable {
    case truth
    case number(ValueType)
  }

  let environment: Environment
  var instructions: [FlatProgram.Instruction] = []
  var kinds: [Kind] = []
  var registers: [FlatProgram.Instruction: Int32] = [:]
  var definitions: [Int: Int32?] = [:]
  var enumerations: [[String]] = []
  var enumerationIndex: [String: Int32] = [:]
  var sets: [[Int64]] = []

  package init(environment: Environment) {
    self.environment = environment
  }

  /// Compiles a `bool` expression and returns its register, or `nil` if it uses something the
  /// flat program does not support.
  package mutating func add(_ expr: CheckedExpr) -> Int32? {
    guard let (register, kind) = compile(expr), kind == .truth else { return nil }
    return register
  }

  /// The register of the Kleene conjunction of two truth registers.
  package mutating func and(_ a: Int32, _ b: Int32) -> Int32 {
    emit(FlatProgram.Instruction(op: .and, a: min(a, b), b: max(a, b)), .truth)
  }

  /// The register of a constant truth.
  package mutating func constant(_ truth: Truth) -> Int32 {
    emit(FlatProgram.Instruction(op: .constant, c: 1, k: Int64(truth.rawValue)), .truth)
  }

  /// The finished program: constants move to the first registers, filled by one copy per run.
  package func build() -> FlatProgram {
    var placement = [Int32](repeating: 0, count: instructions.count)
    var constantValues: [Int64] = []
    var constantKnown: [Bool] = []
    for (register, instruction) in instructions.enumerated() where instruction.op == .constant {
      placement[register] = Int32(constantValues.count)
      constantValues.append(instruction.k)
      constantKnown.append(instruction.c == 1)
    }
    // The instructions in an order that keeps each after its operands and runs the same
    // operation back to back: by depth (loads first, then what reads only loads, and so on),
    // then by operation. A run of one operation is a run of one branch target, which the
    // processor predicts, where the order of writing would jump between targets at every step.
    var depth = [Int](repeating: 0, count: instructions.count)
    for (register, instruction) in instructions.enumerated() where instruction.op != .constant {
      let operands = [instruction.a, instruction.b, instruction.c].prefix(instruction.operandCount)
      depth[register] = 1 + (operands.map { depth[Int($0)] }.max() ?? 0)
    }
    let order = instructions.indices.filter { instructions[$0].op != .constant }.sorted {
      let (x, y) = (instructions[$0], instructions[$1])
      return (depth[$0], x.op.rawValue, x.operation, $0) < (depth[$1], y.op.rawValue, y.operation, $1)
    }
    for (position, register) in order.enumerated() { placement[register] = Int32(constantValues.count + position) }
    let program = order.map { register in
      let instruction = instructions[register]
      var placed = instruction
      let count = instruction.operandCount
      if count > 0 { placed.a = placement[Int(instruction.a)] }
      if count > 1 { placed.b = placement[Int(instruction.b)] }
      if count > 2 { placed.c = placement[Int(instruction.c)] }
      return placed
    }
    return FlatProgram(
      instructions: program, constantValues: constantValues, constantKnown: constantKnown, placement: placement,
      dependents: Self.dependents(of: program, first: constantValues.count), enumerations: enumerations, sets: sets)
  }

  /// For each fact slot, the positions in `program` of the instructions that read it, directly or
  /// through their operands (registers from `first` on; those before are constants).
  static func dependents(of program: [FlatProgram.Instruction], first: Int) -> [[Int32]] {
    var slots: [Set<Int>] = []
    var result: [[Int32]] = []
    for (offset, instruction) in program.enumerated() {
      var read = Set<Int>()
      switch instruction.op {
      case .loadTruth, .loadNumber, .loadEnum: read.insert(Int(instruction.a))
      default: for operand in instruction.operands where Int(operand) >= first { read.formUnion(slots[Int(operand) - first]) }
      }
      slots.append(read)
      for slot in read {
        if slot >= result.count { result += Array(repeating: [], count: slot - result.count + 1) }
        result[slot].append(Int32(offset))
      }
    }
    return result
  }

  mutating func emit(_ instruction: FlatProgram.Instruction, _ kind: Kind) -> Int32 {
    if let existing = registers[instruction] { return existing }
    let register = Int32(instructions.count)
    instructions.append(instruction)
    kinds.append(kind)
    registers[instruction] = register
    return register
  }

  mutating func compile(_ x: CheckedExpr) -> (Int32, Kind)? {
    switch x.kind {
    case .constant(let value), .parameter(_, let value):
      return constant(value, type: x.type)
    case .fact(let slot, _):
      return load(slot, x.type)
    case .definition(let index, _):
      if let cached = definitions[index] { return cached.map { ($0, kinds[Int($0)]) } }
      let compiled = environment.definitions[index].checked.flatMap { compile($0) }
      definitions[index] = compiled?.0
      return compiled
    case .not(let operand):
      guard let (a, kind) = compile(operand), kind == .truth else { return nil }
      return (emit(.init(op: .not, a: a), .truth), .truth)
    case .and(let l, let r), .or(let l, let r):
      guard let (a, ka) = compile(l), let (b, kb) = compile(r), ka == .truth, kb == .truth else { return nil }
      let op: FlatProgram.Op = if case .and = x.kind { .and } else { .or }
      return (emit(.init(op: op, a: min(a, b), b: max(a, b)), .truth), .truth)
    case .comparison(let op, let l, let r):
      guard let left = compile(l), let right = compile(r) else { return nil }
      return compare(op, left, right)
    case .between(let value, let low, let high):
      guard let v = compile(value), let lo = compile(low), let hi = compile(high),
        let (above, _) = compare(.greaterEqual, v, lo), let (below, _) = compare(.lessEqual, v, hi)
      else { return nil }
      return (emit(.init(op: .and, a: min(above, below), b: max(above, below)), .truth), .truth)
    case .membership(let value, let list, let negated):
      guard let (a, kind) = compile(value), case .number = kind,
        case .list(let items)? = list.constantValue ?? list.constantListValue
      else { return nil }
      var set: [Int64] = []
      for item in items {
        guard let (k, itemKind, known) = encode(item, type: list.type.elementType ?? value.type), itemKind == kind, known else { return nil }
        set.append(k)
      }
      sets.append(set)
      let member = emit(.init(op: .member, a: a, b: Int32(sets.count - 1)), .truth)
      return negated ? (emit(.init(op: .not, a: member), .truth), .truth) : (member, .truth)
    case .conditional(let condition, let then, let otherwise):
      guard let (c, kc) = compile(condition), kc == .truth, let (a, ka) = compile(then), let (b, kb) = compile(otherwise), ka == kb
      else { return nil }
      return (emit(.init(op: ka == .truth ? .selectTruth : .select, a: c, b: a, c: b), ka), ka)
    case .negate(let operand):
      guard let (a, kind) = compile(operand), case .number(let type) = kind else { return nil }
      switch type {
      case .integer, .decimal, .money, .duration, .workingDays, .quantity: return (emit(.init(op: .negate, a: a), kind), kind)
      default: return nil
      }
    case .arithmetic(let op, let l, let r):
      guard let left = compile(l), let right = compile(r) else { return nil }
      return arithmetic(op, left, right)
    case .local, .list, .call, .quantifier:
      return nil
    }
  }

  /// A constant by its value's own case (a parameter declared `decimal` may hold an `int`).
  mutating func constant(_ value: Value, type: ValueType) -> (Int32, Kind)? {
    guard let (k, kind, known) = encode(value, type: type) else { return nil }
    return (emit(.init(op: .constant, c: known ? 1 : 0, k: k), kind), kind)
  }

  /// The register form of a constant: its bits, kind and whether it is known.
  func encode(_ value: Value, type: ValueType) -> (Int64, Kind, Bool)? {
    let instruction: (Int64, Kind)?
    switch value {
    case .unknown: instruction = type == .bool ? (1, .truth) : FlatProgram.Representation.kind(type).map { (0, $0) }
    case .bool(let b): instruction = (b ? 2 : 0, .truth)
    case .integer(let x): instruction = (x, .number(.integer))
    case .decimal(let d): instruction = (d.scaled, .number(.decimal))
    case .money(let x): instruction = (x, .number(.money))
    case .duration(let x): instruction = (x, .number(.duration))
    case .workingDays(let x): instruction = (x, .number(.workingDays))
    case .time(let t): instruction = (t.minutes, .number(.time))
    case .date(let d): instruction = (d.daysSinceEpoch, .number(.date))
    case .quantity(let d, let u): instruction = (d.scaled, .number(.quantity(u)))
    case .enumCase(let name):
      guard case .enumeration(let enumeration) = type, let cases = environment.enumeration(named: enumeration)?.cases,
        let position = cases.firstIndex(of: name)
      else { return nil }
      instruction = (Int64(position), .number(type))
    case .text, .list: instruction = nil
    }
    guard let (k, kind) = instruction else { return nil }
    if case .unknown = value, kind != .truth { return (k, kind, false) }
    return (k, kind, true)
  }

  mutating func load(_ slot: Int, _ type: ValueType) -> (Int32, Kind)? {
    switch type {
    case .bool:
      return (emit(.init(op: .loadTruth, a: Int32(slot)), .truth), .truth)
    case .enumeration(let name):
      guard let cases = environment.enumeration(named: name)?.cases else { return nil }
      let index: Int32
      if let existing = enumerationIndex[name] {
        index = existing
      } else {
        index = Int32(enumerations.count)
        enumerations.append(cases)
        enumerationIndex[name] = index
      }
      return (emit(.init(op: .loadEnum, a: Int32(slot), b: index), .number(type)), .number(type))
    default:
      guard let representation = FlatProgram.Representation(type) else { return nil }
      var unit: Int32 = 0
      if case .quantity(let u) = type { unit = Int32(QuantityUnit.allCases.firstIndex(of: u)!) }
      let instruction = FlatProgram.Instruction(op: .loadNumber, operation: representation.rawValue, a: Int32(slot), b: unit)
      return (emit(instruction, .number(type)), .number(type))
    }
  }

  mutating func compare(_ op: BinaryOperator, _ left: (Int32, Kind), _ right: (Int32, Kind)) -> (Int32, Kind)? {
    guard let operation = FlatProgram.Comparison(op)?.rawValue else { return nil }
    let (a, ka) = left
    let (b, kb) = right
    let instruction: FlatProgram.Instruction
    switch (ka, kb) {
    case (.truth, .truth):
      guard op == .equal || op == .notEqual else { return nil }
      instruction = .init(op: .compareTruth, operation: operation, a: a, b: b)
    case (.number(.integer), .number(.decimal)):
      instruction = .init(op: .compareIntegerDecimal, operation: operation, a: a, b: b)
    case (.number(.decimal), .number(.integer)):
      let flipped = FlatProgram.Comparison(op.flipped)!.rawValue
      instruction = .init(op: .compareIntegerDecimal, operation: flipped, a: b, b: a)
    case (.number(let t), .number(let u)) where t == u:
      // Enumeration cases have no order.
      if case .enumeration = t, op != .equal, op != .notEqual { return nil }
      let (left, right) = (instructions[Int(a)], instructions[Int(b)])
      if right.op == .constant, left.op != .constant {
        guard right.c == 1 else { return (constant(.unknown, type: .bool)!.0, .truth) }
        instruction = .init(op: .compareConstant, operation: operation, a: a, k: right.k)
      } else if left.op == .constant, right.op != .constant {
        guard left.c == 1 else { return (constant(.unknown, type: .bool)!.0, .truth) }
        let flipped = FlatProgram.Comparison(op.flipped)!.rawValue
        instruction = .init(op: .compareConstant, operation: flipped, a: b, k: left.k)
      } else {
        instruction = .init(op: .compare, operation: operation, a: a, b: b)
      }
    default:
      return nil
    }
    return (emit(instruction, .truth), .truth)
  }

  mutating func arithmetic(_ op: BinaryOperator, _ left: (Int32, Kind), _ right: (Int32, Kind)) -> (Int32, Kind)? {
    guard case .number(let l) = left.1, case .number(let r) = right.1,
      let operation = FlatProgram.Arithmetic(op)?.rawValue
    else { return nil }
    let (a, b) = (left.0, right.0)
    func integer(_ result: ValueType, _ a: Int32, _ b: Int32) -> (Int32, Kind) {
      (emit(.init(op: .integerArithmetic, operation: operation, a: a, b: b), .number(result)), .number(result))
    }
    switch (op, l, r) {
    case (.add, .integer, .integer), (.subtract, .integer, .integer), (.multiply, .integer, .integer): return integer(.integer, a, b)
    case (.add, .money, .money), (.subtract, .money, .money): return integer(.money, a, b)
    case (.add, .duration, .duration), (.subtract, .duration, .duration): return integer(.duration, a, b)
    case (.add, .workingDays, .workingDays), (.subtract, .workingDays, .workingDays): return integer(.workingDays, a, b)
    case (.multiply, .duration, .integer): return integer(.duration, a, b)
    case (.multiply, .integer, .duration): return integer(.duration, b, a)
    case (.add, .time, .duration), (.subtract, .time, .duration): return integer(.time, a, b)
    case (.add, .duration, .time): return integer(.time, b, a)
    case (.subtract, .time, .time): return integer(.duration, a, b)
    case (.add, .quantity(let u), .quantity(let v)) where u == v, (.subtract, .quantity(let u), .quantity(let v)) where u == v:
      return (emit(.init(op: .decimalArithmetic, operation: operation, a: a, b: b), .number(l)), .number(l))
    case (_, _, _) where l.isNumber && r.isNumber:
      let da = l == .integer ? emit(.init(op: .integerToDecimal, a: a), .number(.decimal)) : a
      let db = r == .integer ? emit(.init(op: .integerToDecimal, a: b), .number(.decimal)) : b
      return (emit(.init(op: .decimalArithmetic, operation: operation, a: da, b: db), .number(.decimal)), .number(.decimal))
    default:
      return nil
    }
  }
}

extension FlatProgram.Representation {
  /// The register kind of a value of `type`, if the flat program holds it.
  static func kind(_ type: ValueType) -> FlatProgramBuilder.Kind? {
    if case .enumeration = type { return .number(type) }
    return Self(type).map { _ in .number(type) }
  }
}
