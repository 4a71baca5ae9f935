/// A small, allocation-light JSON parser for one record per line: it reads the top-level object
/// (and a nested `facts` object) into members that point into the line's bytes.
struct JSONRecordParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Parses the object that starts at `position` into `members` (cleared first).
  mutating func parseObject(into members: inout [JSONMember]) throws(JSONSyntaxError) {
    members.removeAll(keepingCapacity: true)
    skipSpace()
    try expect(UInt8(ascii: "{"), "expected '{' to start a record")
    skipSpace()
    if peek == UInt8(ascii: "}") {
      position += 1
      return
    }
    while true {
      skipSpace()
      guard peek == UInt8(ascii: "\"") else { throw JSONSyntaxError(message: "expected a key in double quotes", offset: position) }
      let (keyStart, keyEnd, _) = try parseString()
      skipSpace()
      try expect(UInt8(ascii: ":"), "expected ':' after the key")
      skipSpace()
      let valueStart = position
      let value = try parseValue(depth: 0)
      members.append(JSONMember(keyStart: keyStart, keyEnd: keyEnd, value: value, valueStart: valueStart))
      skipSpace()
      if peek == UInt8(ascii: ",") {
        position += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "expected ',' or '}'")
      return
    }
  }

  /// After the record: only spaces may follow.
  mutating func expectEnd() throws(JSONSyntaxError) {
    skipSpace()
    if position < bytes.count { throw JSONSyntaxError(message: "unexpected text after the record", offset: position) }
  }

  var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

  mutating func skipSpace() {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
      position += 1
    }
  }

  mutating func expect(_ byte: UInt8, _ message: String) throws(JSONSyntaxError) {
    guard peek == byte else { throw JSONSyntaxError(message: message, offset: position) }
    position += 1
  }

  /// A string's content range (without quotes) and whether it holds escapes.
  mutating func parseString() throws(JSONSyntaxError) -> (Int, Int, Bool) {
    let open = position
    position += 1
    let start = position
    var escaped = false
    // Eight bytes at a time while none of them is a quote, a backslash or a control character.
    let base = UnsafeRawPointer(bytes.baseAddress!)
    while position + 8 <= bytes.count {
      let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let stop = Self.zeroBytes(word ^ 0x2222_2222_2222_2222) | Self.zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        | ((word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080)
      guard stop == 0 else {
        // The lowest flagged byte is the first one to stop at (flags above it may be false).
        position += stop.trailingZeroBitCount / 8
        break
      }
      position += 8
    }
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return (start, position - 1, escaped)
      }
      if byte == UInt8(ascii: "\\") {
        escaped = true
        position += 1
      } else if byte < 0x20 {
        throw JSONSyntaxError(message: "control character in a string", offset: position)
      }
      position += 1
    }
    throw JSONSyntaxError(message: "unterminated string", offset: open)
  }

  /// The high bit set in each byte of `word` that is zero (exact for the lowest such byte).
  @inline(__always)
  static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }

  mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONToken {
    guard depth < 16 else { throw JSONSyntaxError(message: "nesting is too deep", offset: position) }
    switch peek {
    case UInt8(ascii: "\""):
      let (start, end, escaped) = try parseString()
      return .string(start: start, end: end, escaped: escaped)
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "["):
      let start = position
      try skipArray(depth: depth + 1)
      return .array(start: start)
    case UInt8(ascii: "{"):
      let start = position
      try skipObject(depth: depth + 1)
      return .object(start: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = position
      position += 1
      while position < bytes.count {
        let byte = bytes[position]
        guard (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
          || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        else { break }
        position += 1
      }
      return .number(start: start, end: position)
    default:
      throw JSONSyntaxError(message: position < bytes.count ? "unexpected character" : "unexpected end of the line", offset: position)
    }
  }

  mutating func literal(_ word: StaticString, _ token: JSONToken) throws(JSONSyntaxError) -> JSONToken {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count else { throw JSONSyntaxError(message: "unexpected end of the line", offset: position) }
    for i in 0..<count where bytes[position + i] != word.utf8Start[i] {
      throw JSONSyntaxError(message: "unexpected character", offset: position)
    }
    position += count
    return token
  }

  /// The items of the array that starts at `position` (a list fact's values, read when needed).
  mutating func parseArray(into items: inout [JSONToken], depth: Int = 1) throws(JSONSyntaxError) {
    try expect(UInt8(ascii: "["), "expected '['")
    skipSpace()
    if peek == UInt8(ascii: "]") {
      position += 1
      return
    }
    while true {
      skipSpace()
      items.append(try parseValue(depth: depth))
      skipSpace()
      if peek == UInt8(ascii: ",") {
        position += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "expected ',' or ']'")
      return
    }
  }

  /// Skips a nested array, checking its syntax.
  mutating func skipArray(depth: Int) throws(JSONSyntaxError) {
    var scratch: [JSONToken] = []
    try parseArray(into: &scratch, depth: depth)
  }

  /// Skips a nested object (its members are parsed separately when needed).
  mutating func skipObject(depth: Int) throws(JSONSyntaxError) {
    var scratch: [JSONMember] = []
    var nested = JSONRecordParser(bytes)
    nested.position = position
    try nested.parseObjectBody(into: &scratch, depth: depth)
    position = nested.position
  }

  mutating func parseObjectBody(into members: inout [JSONMember], depth: Int) throws(JSONSyntaxError) {
    guard depth < 16 else { throw JSONSyntaxError(message: "nesting is too deep", offset: position) }
    try parseObject(into: &members)
  }
}
