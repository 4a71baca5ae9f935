import Engine
import Foundation
import Rulebook
import RuleLanguage

/// Finds a fact's slot from the bytes of its name without making a String, and turns JSON
/// values into typed values for it. Built once per rulebook; read-only afterwards.
struct FactSlotTable: Sendable {
  final class Entry: Sendable {
    let name: [UInt8]
    let slot: Int
    let type: ValueType
    /// For enumerations: each case's bytes and its prepared value.
    let cases: [([UInt8], Value)]
    /// The bounds as ordering keys, for a check that copies nothing.
    let low: Double
    let high: Double

    init(name: [UInt8], slot: Int, type: ValueType, cases: [([UInt8], Value)], low: Double, high: Double) {
      self.name = name
      self.slot = slot
      self.type = type
      self.cases = cases
      self.low = low
      self.high = high
    }

    /// The same entry for another type (a list's element).
    func with(type: ValueType) -> Entry {
      Entry(name: name, slot: slot, type: type, cases: cases, low: low, high: high)
    }

    /// Whether `value` lies outside the fact's range.
    @inline(__always)
    func outOfRange(_ value: Value) -> Bool {
      guard let key = ValueOrder.key(value) else { return false }
      return key < low || key > high
    }
  }

  private var buckets: [Int32]
  private let mask: Int
  let entries: [Entry]
  let rulebook: CompiledRulebook

  init(rulebook: CompiledRulebook) {
    self.rulebook = rulebook
    var entries: [Entry] = []
    for (slot, fact) in rulebook.facts.enumerated() {
      let cases = (rulebook.enumCases(of: fact) ?? []).map { (Array($0.utf8), Value.enumCase($0)) }
      entries.append(
        Entry(
          name: Array(fact.name.utf8), slot: slot, type: fact.type, cases: cases,
          low: fact.minimum.flatMap(ValueOrder.key) ?? -.infinity, high: fact.maximum.flatMap(ValueOrder.key) ?? .infinity))
    }
    var size = 16
    while size < entries.count * 4 { size *= 2 }
    mask = size - 1
    buckets = Array(repeating: -1, count: size)
    self.entries = entries
    for (index, entry) in entries.enumerated() {
      var bucket = entry.name.withUnsafeBufferPointer { Self.hash($0, 0, $0.count) } & mask
      while buckets[bucket] >= 0 { bucket = (bucket + 1) & mask }
      buckets[bucket] = Int32(index)
    }
  }

  /// FNV-1a over `bytes[start..<end]`.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var i = start
    while i < end {
      h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3
      i += 1
    }
    return Int(truncatingIfNeeded: h)
  }

  /// The index in `entries` of the name in `bytes[start..<end]`.
  @inline(__always)
  func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
    var bucket = Self.hash(bytes, start, end) & mask
    while true {
      let index = Int(buckets[bucket])
      if index < 0 { return nil }
      if entries[index].name.count == end - start, entries[index].name.withUnsafeBufferPointer({ name in
        memcmp(name.baseAddress!, bytes.baseAddress! + start, name.count) == 0
      }) {
        return index
      }
      bucket = (bucket + 1) & mask
    }
  }
}
