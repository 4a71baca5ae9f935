import Engine
import Rulebook
import RuleLanguage
import Synchronization

/// The thresholds and facts of an epoch's rules, by fact slot: computed once per epoch and
/// shared by every analysis.
final class ThresholdIndex: Sendable {
  /// `(rule index, threshold)` for each comparison of a fact with a constant, by slot.
  let thresholds: [[(rule: Int, threshold: Threshold)]]
  /// The rules whose scope or condition reads each slot.
  let rulesReading: [[Int]]
  /// The constraints between facts that read each slot, by index in `epoch.constraints`.
  let constraintsReading: [[Int]]
  /// Whether every threshold on a slot compares the fact itself (not arithmetic over facts).
  let exact: [Bool]
  /// The values worth trying for each slot, at and next to its thresholds, within its range,
  /// each once, in the order of the thresholds (`CandidateValues` orders them per initiative).
  let candidates: [[Value]]
  /// The cases of each enumeration fact.
  let cases: [[String]?]
  /// Per slot: whether the fact is adjustable, its step (`ValueSteps.step`), and the slot of the
  /// fact a time follows (`start` for `end`), read for every initiative without the declaration.
  let adjustable: [Bool]
  let steps: [Value?]
  let anchors: [Int?]
  /// The comparisons of each slot's fact with another fact (`panel_edge_distance >= panel_height`).
  let relations: [[FactRelation]]

  init(epoch: Epoch, rulebook: CompiledRulebook) {
    let slotCount = rulebook.facts.count
    var thresholds = Array(repeating: [(rule: Int, threshold: Threshold)](), count: slotCount)
    var readers = Array(repeating: [Int](), count: slotCount)
    var exact = Array(repeating: true, count: slotCount)
    var relations = Array(repeating: [FactRelation](), count: slotCount)
    for (index, compiled) in epoch.rules.enumerated() {
      var read = Set<Int>()
      for program in [compiled.scope, compiled.condition].compactMap({ $0 }) {
        for relation in epoch.environment.factRelations(in: program.checked) where relation.slot < slotCount && relation.other < slotCount {
          relations[relation.slot].append(relation)
        }
        for threshold in epoch.environment.thresholds(in: program.checked) where threshold.slot < slotCount {
          thresholds[threshold.slot].append((index, threshold))
          if !threshold.exact { exact[threshold.slot] = false }
        }
        for slot in epoch.environment.freeFacts(of: program.checked) where slot < slotCount { read.insert(slot) }
      }
      for slot in read { readers[slot].append(index) }
    }
    self.thresholds = thresholds
    self.relations = relations
    rulesReading = readers
    var constraintReaders = Array(repeating: [Int](), count: slotCount)
    for (index, constraint) in epoch.constraints.enumerated() {
      for slot in epoch.environment.freeFacts(of: constraint.program.checked) where slot < slotCount {
        constraintReaders[slot].append(index)
      }
    }
    constraintsReading = constraintReaders
    self.exact = exact
    cases = rulebook.casesBySlot
    adjustable = rulebook.facts.map(\.adjustable)
    steps = rulebook.facts.map(ValueSteps.step)
    anchors = rulebook.facts.map { $0.after.flatMap { rulebook.slotsByName[$0] } }
    candidates = rulebook.facts.indices.map { slot in CandidateValues.thresholdValues(thresholds[slot], rulebook.facts[slot]) }
  }

  /// An index with a weak hold on its epoch: an address reused by a later epoch (after a
  /// server reloads its rulebooks) is never mistaken for the old one.
  private struct Entry {
    weak var epoch: Epoch?
    var index: ThresholdIndex
  }

  private static let cache = Mutex<[ObjectIdentifier: Entry]>([:])

  /// The index of `epoch`, built on first use.
  static func of(_ epoch: Epoch, rulebook: CompiledRulebook) -> ThresholdIndex {
    let key = ObjectIdentifier(epoch)
    if let entry = cache.withLock({ $0[key] }), entry.epoch === epoch { return entry.index }
    let index = ThresholdIndex(epoch: epoch, rulebook: rulebook)
    cache.withLock { cache in
      cache = cache.filter { $0.value.epoch != nil }
      cache[key] = Entry(epoch: epoch, index: index)
    }
    return index
  }
}
