import Rulebook
import RuleLanguage

/// Turns a JSON token into a typed value for a fact: numbers, booleans and enumeration cases
/// directly from the bytes; anything written as text goes through the same parser as YAML input.
enum JSONValueReader {
  static func value(
    _ token: JSONToken, _ entry: FactSlotTable.Entry, _ bytes: UnsafeBufferPointer<UInt8>
  ) -> Result<Value, ValueProblem> {
    switch (token, entry.type) {
    case (.null, _):
      return .success(.unknown)
    case (.bool(let flag), .bool):
      return .success(.bool(flag))
    case (.number(let start, let end), .integer):
      if let number = integer(bytes, start, end) { return .success(.integer(number)) }
      return .failure(ValueProblem(message: "'\(text(bytes, start, end))' is not a whole number", help: "write it like '150'"))
    case (.number(let start, let end), .decimal):
      if let number = decimal(bytes, start, end) { return .success(.decimal(number)) }
    case (.number(let start, let end), .quantity(let unit)):
      if let number = decimal(bytes, start, end) { return .success(.quantity(number, unit)) }
    case (.number(let start, let end), .money):
      if let number = decimal(bytes, start, end), number.scaled % 10_000 == 0 {
        return .success(.money(number.scaled / 10_000))
      }
    case (.string(let start, let end, false), .enumeration):
      for (name, value) in entry.cases where name.count == end - start {
        var i = 0
        while i < name.count, name[i] == bytes[start + i] { i += 1 }
        if i == name.count { return .success(value) }
      }
    case (.array(let start), .list(let element)):
      var parser = JSONRecordParser(bytes)
      parser.position = start
      var items: [JSONToken] = []
      // The line was checked when it was parsed, so the array reads again without error.
      guard (try? parser.parseArray(into: &items)) != nil else { break }
      var values: [Value] = []
      let inner = entry.with(type: element)
      for item in items {
        switch value(item, inner, bytes) {
        case .success(let value): values.append(value)
        case .failure(let problem): return .failure(problem)
        }
      }
      return .success(.list(values))
    default:
      break
    }
    // The general path: the value's text, parsed as a resident may write it.
    let written: String
    switch token {
    case .string(let start, let end, let escaped): written = escaped ? unescape(bytes, start, end) : text(bytes, start, end)
    case .number(let start, let end): written = text(bytes, start, end)
    case .bool(let flag): written = flag ? "true" : "false"
    case .object(let start):
      guard let measure = measureText(bytes, start) else { fallthrough }
      written = measure
    default: return .failure(ValueProblem(message: "a value of this kind does not fit a '\(entry.type)' fact", help: nil))
    }
    return InputValueParser.value(
      written, as: entry.type, enumCases: entry.cases.isEmpty ? nil : entry.cases.map { String(decoding: $0.0, as: UTF8.self) },
      labels: entry.labels)
  }

  /// The text of an object `{"number": 750, "unit": "EUR"}` at `start` (see
  /// `InputValueParser.measureText`); nil for any other object.
  static func measureText(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> String? {
    var parser = JSONRecordParser(bytes)
    parser.position = start
    var members: [JSONMember] = []
    guard (try? parser.parseObject(into: &members)) != nil, members.count == 2 else { return nil }
    var number: String?
    var unit: String?
    for member in members {
      switch (text(bytes, member.keyStart, member.keyEnd), member.value) {
      case ("number", .number(let start, let end)): number = text(bytes, start, end)
      case ("unit", .string(let start, let end, false)): unit = text(bytes, start, end)
      default: return nil
      }
    }
    guard let number, let unit else { return nil }
    return InputValueParser.measureText(number: number, unit: unit)
  }

  static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// A JSON string's content with its escapes decoded.
  static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    var out: [UInt8] = []
    var i = start
    while i < end {
      let byte = bytes[i]
      guard byte == UInt8(ascii: "\\"), i + 1 < end else {
        out.append(byte)
        i += 1
        continue
      }
      let next = bytes[i + 1]
      i += 2
      switch next {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        if i + 4 <= end, let code = UInt32(text(bytes, i, i + 4), radix: 16), let scalar = Unicode.Scalar(code) {
          out += Array(String(Character(scalar)).utf8)
        }
        i += 4
      default: out.append(next)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A whole number (no fraction, no exponent).
  @inline(__always)
  static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
    var i = start
    var negative = false
    if i < end, bytes[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    guard i < end, end - i <= 18 else { return nil }
    var value: Int64 = 0
    while i < end {
      let digit = bytes[i] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int64(digit)
      i += 1
    }
    return negative ? -value : value
  }

  /// A decimal with at most six fraction digits, exactly (`25.1` is 25.1, not a binary float).
  @inline(__always)
  static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> FixedDecimal? {
    var i = start
    var negative = false
    if i < end, bytes[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    var whole: Int64 = 0
    var digits = 0
    while i < end, bytes[i] != UInt8(ascii: ".") {
      let digit = bytes[i] &- UInt8(ascii: "0")
      guard digit < 10, digits < 12 else { return nil }
      whole = whole * 10 + Int64(digit)
      digits += 1
      i += 1
    }
    guard digits > 0 else { return nil }
    var fraction: Int64 = 0
    var scale: Int64 = FixedDecimal.scale
    if i < end {
      i += 1
      guard i < end else { return nil }
      while i < end {
        let digit = bytes[i] &- UInt8(ascii: "0")
        guard digit < 10, scale > 1 else { return nil }
        scale /= 10
        fraction += Int64(digit) * scale
        i += 1
      }
    }
    let scaled = whole * FixedDecimal.scale + fraction
    return FixedDecimal(scaled: negative ? -scaled : scaled)
  }
}
