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
    /// The cases by their labels, for a value written as the option a person reads.
    let labels: [String: String]?
    /// The bounds as ordering keys, for a check that copies nothing.
    let low: Double
    let high: Double

    init(
      name: [UInt8], slot: Int, type: ValueType, cases: [([UInt8], Value)], labels: [String: String]? = nil, low: Double, high: Double
    ) {
      self.name = name
      self.slot = slot
      self.type = type
      self.cases = cases
      self.labels = labels
      self.low = low
      self.high = high
    }

    /// The same entry for another type (a list's element).
    func with(type: ValueType) -> Entry {
      Entry(name: name, slot: slot, type: type, cases: cases, labels: labels, low: low, high: high)
    }

    /// Whether `value` lies outside the fact's range.
    @inline(__always)
    func outOfRange(_ value: Value) -> Bool {
      guard let key = ValueOrder.key(value) else { return false }
      return key < low || key > high
    }
  }

  /// Open addressing over a name's length and its first and last eight bytes, which identify
  /// a name of up to 16 bytes exactly; longer names are compared in full.
  struct Slot {
    var first: UInt64 = 0
    var last: UInt64 = 0
    var length = -1
    var index = -1
  }

  private let slotTable: [Slot]
  private let mask: Int
  let entries: [Entry]
  let rulebook: CompiledRulebook

  init(rulebook: CompiledRulebook) {
    self.rulebook = rulebook
    var entries: [Entry] = []
    for (slot, fact) in rulebook.facts.enumerated() {
      let labels = rulebook.casesByLabel(slot: slot)
      // Each table makes its own case texts, so that tables of different workers share no storage.
      let cases = (rulebook.enumCases(of: fact) ?? []).map { name in
        let bytes = Array(name.utf8)
        return (bytes, Value.enumCase(String(decoding: bytes, as: UTF8.self)))
      }
      entries.append(
        Entry(
          name: Array(fact.name.utf8), slot: slot, type: fact.type, cases: cases, labels: labels,
          low: fact.minimum.flatMap(ValueOrder.key) ?? -.infinity, high: fact.maximum.flatMap(ValueOrder.key) ?? .infinity))
    }
    var size = 16
    while size < entries.count * 4 { size *= 2 }
    mask = size - 1
    var table = [Slot](repeating: Slot(), count: size)
    for (index, entry) in entries.enumerated() {
      let (first, last) = entry.name.withUnsafeBufferPointer { Self.words($0.baseAddress!, $0.count) }
      var bucket = Self.hash(first, last, entry.name.count) & mask
      while table[bucket].length >= 0 { bucket = (bucket + 1) & mask }
      table[bucket] = Slot(first: first, last: last, length: entry.name.count, index: index)
    }
    slotTable = table
    self.entries = entries
  }

  /// The first and last eight bytes of `bytes[0..<count]` as words (overlapping, or zero-padded
  /// when shorter), read without touching a byte outside.
  @inline(__always)
  static func words(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> (UInt64, UInt64) {
    let raw = UnsafeRawPointer(bytes)
    switch count {
    case 8...:
      return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    case 4...:
      return (UInt64(raw.loadUnaligned(as: UInt32.self)), UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
    case 2...:
      return (UInt64(raw.loadUnaligned(as: UInt16.self)), UInt64(raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
    case 1:
      return (UInt64(bytes[0]), 0)
    default:
      return (0, 0)
    }
  }

  @inline(__always)
  static func hash(_ first: UInt64, _ last: UInt64, _ length: Int) -> Int {
    let mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
    return Int(truncatingIfNeeded: mixed >> 29)
  }

  /// The index in `entries` of the name in `bytes[start..<end]`.
  @inline(__always)
  func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
    let length = end - start
    let key = bytes.baseAddress! + start
    let (first, last) = Self.words(key, length)
    return slotTable.withUnsafeBufferPointer { table in
      var bucket = Self.hash(first, last, length) & mask
      while true {
        let slot = table[bucket]
        if slot.length < 0 { return nil }
        if slot.length == length, slot.first == first, slot.last == last,
          length <= 16 || entries[slot.index].name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key, length) == 0 })
        {
          return slot.index
        }
        bucket = (bucket + 1) & mask
      }
    }
  }
}
