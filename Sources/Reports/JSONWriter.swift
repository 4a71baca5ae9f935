/// Writes JSON text as UTF-8 while a renderer walks its data, with no tree in between: the
/// same text as `JSONValue.serializedBytes(pretty:)` of the tree the renderer would build.
public struct JSONWriter: JSONSink {
  /// The text so far.
  public private(set) var bytes: [UInt8] = []
  let pretty: Bool
  /// How many containers are open.
  var depth = 0
  /// Whether the innermost container has no member or item yet.
  var first = true
  /// Whether a key was just written, so the value follows it on the same line.
  var afterKey = false

  /// A line break followed by the indentation of the deepest levels most output reaches.
  static let indentation: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 64)

  /// A writer of compact text, or indented by two spaces.
  public init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  /// Appends raw bytes (a separator between documents, a final line break).
  public mutating func append(_ raw: some Sequence<UInt8>) {
    bytes.append(contentsOf: raw)
  }

  /// What comes before a value: nothing after a key or at the top; else a comma after an
  /// earlier item and, indented, a new line.
  mutating func prefix() {
    if afterKey {
      afterKey = false
      return
    }
    guard depth > 0 else { return }
    if !first { bytes.append(UInt8(ascii: ",")) }
    first = false
    if pretty { newline() }
  }

  mutating func newline() {
    let width = 1 + 2 * depth
    if width <= Self.indentation.count {
      bytes.append(contentsOf: Self.indentation[0..<width])
    } else {
      bytes.append(UInt8(ascii: "\n"))
      bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
  }

  mutating func open(_ bracket: UInt8) {
    prefix()
    bytes.append(bracket)
    depth += 1
    first = true
  }

  mutating func close(_ bracket: UInt8) {
    depth -= 1
    if !first, pretty { newline() }
    bytes.append(bracket)
    first = false
  }

  public mutating func beginObject() { open(UInt8(ascii: "{")) }
  public mutating func endObject() { close(UInt8(ascii: "}")) }
  public mutating func beginArray() { open(UInt8(ascii: "[")) }
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  public mutating func key(_ name: String) {
    prefix()
    JSONValue.escape(name, into: &bytes)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(UInt8(ascii: " ")) }
    afterKey = true
  }

  public mutating func string(_ text: String) {
    prefix()
    JSONValue.escape(text, into: &bytes)
  }

  public mutating func number(_ text: String) {
    prefix()
    bytes.append(contentsOf: text.utf8)
  }

  public mutating func bool(_ flag: Bool) {
    prefix()
    bytes.append(contentsOf: (flag ? "true" : "false").utf8)
  }

  public mutating func null() {
    prefix()
    bytes.append(contentsOf: "null".utf8)
  }
}
