/// Writes JSON text as UTF-8 while a renderer walks its data, with no tree in between: the
/// same text as `JSONValue.serializedBytes(pretty:)` of the tree the renderer would build.
///
/// The text goes through a pointer into memory the writer owns, so each token costs one
/// capacity check and one copy; the writer cannot be copied (its memory has one owner).
public struct JSONWriter: ~Copyable, JSONSink {
  private var base: UnsafeMutablePointer<UInt8>
  /// How many bytes are written.
  public private(set) var count = 0
  private var capacity: Int
  let pretty: Bool
  /// How many containers are open.
  var depth = 0
  /// Whether the innermost container has no member or item yet.
  var first = true
  /// Whether a key was just written, so the value follows it on the same line.
  var afterKey = false

  /// A line break followed by the indentation of the deepest levels most output reaches.
  private static var indentationText: StaticString { "\n                                                                " }
  private static var indentation: UnsafePointer<UInt8> { indentationText.utf8Start }
  private static var indentationWidth: Int { indentationText.utf8CodeUnitCount }

  /// A writer of compact text, or indented by two spaces.
  public init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// The text so far, as an array.
  public var bytes: [UInt8] {
    Array(UnsafeBufferPointer(start: base, count: count))
  }

  /// Calls `body` with the text so far, without copying it.
  public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(start: base, count: count))
  }

  /// Room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  private mutating func grow(_ needed: Int) {
    let larger = max(needed, capacity * 2)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.update(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = larger
  }

  @inline(__always)
  mutating func write(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always)
  mutating func write(_ raw: UnsafeBufferPointer<UInt8>) {
    guard let start = raw.baseAddress else { return }
    reserve(raw.count)
    (base + count).update(from: start, count: raw.count)
    count += raw.count
  }

  /// Writes `text`'s UTF-8 as it is.
  mutating func write(_ text: StaticString) {
    write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends raw bytes (a separator between documents, a final line break).
  public mutating func append(_ raw: some Sequence<UInt8>) {
    for byte in raw { write(byte) }
  }

  /// Writes `text` as a JSON string literal: runs that need no escape are found eight bytes at
  /// a time and copied at once.
  mutating func escaped(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      reserve(utf8.count + 2)
      base[count] = UInt8(ascii: "\"")
      count += 1
      guard let start = utf8.baseAddress else { return }
      var run = 0
      var index = 0
      while true {
        index = JSONValue.plainRunEnd(start, from: index, count: utf8.count)
        guard index < utf8.count else { break }
        write(UnsafeBufferPointer(start: start + run, count: index - run))
        var escape: [UInt8] = []
        JSONValue.appendEscaped(start[index], to: &escape)
        escape.withUnsafeBufferPointer { write($0) }
        index += 1
        run = index
      }
      write(UnsafeBufferPointer(start: start + run, count: utf8.count - run))
    }
    write(UInt8(ascii: "\""))
  }

  /// What comes before a value: nothing after a key or at the top; else a comma after an
  /// earlier item and, indented, a new line.
  @inline(__always)
  mutating func prefix() {
    if afterKey {
      afterKey = false
      return
    }
    guard depth > 0 else { return }
    if !first { write(UInt8(ascii: ",")) }
    first = false
    if pretty { newline() }
  }

  mutating func newline() {
    let width = 1 + 2 * depth
    if width <= Self.indentationWidth {
      write(UnsafeBufferPointer(start: Self.indentation, count: width))
    } else {
      write(UInt8(ascii: "\n"))
      for _ in 0..<2 * depth { write(UInt8(ascii: " ")) }
    }
  }

  mutating func open(_ bracket: UInt8) {
    prefix()
    write(bracket)
    depth += 1
    first = true
  }

  mutating func close(_ bracket: UInt8) {
    depth -= 1
    if !first, pretty { newline() }
    write(bracket)
    first = false
  }

  public mutating func beginObject() { open(UInt8(ascii: "{")) }
  public mutating func endObject() { close(UInt8(ascii: "}")) }
  public mutating func beginArray() { open(UInt8(ascii: "[")) }
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  public mutating func key(_ name: String) {
    prefix()
    escaped(name)
    if pretty { write(": ") } else { write(UInt8(ascii: ":")) }
    afterKey = true
  }

  public mutating func key(literal name: StaticString) {
    prefix()
    write(UInt8(ascii: "\""))
    write(name)
    if pretty { write("\": ") } else { write("\":") }
    afterKey = true
  }

  public mutating func string(_ text: String) {
    prefix()
    escaped(text)
  }

  public mutating func number(_ text: String) {
    prefix()
    var text = text
    text.withUTF8 { write($0) }
  }

  public mutating func bool(_ flag: Bool) {
    prefix()
    write(flag ? "true" : "false")
  }

  public mutating func null() {
    prefix()
    write("null")
  }
}
