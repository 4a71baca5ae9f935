/// Where the renderers write JSON, one token at a time: `JSONWriter` writes text,
/// `JSONTreeBuilder` builds a `JSONValue`. Members come out in the order they are written.
public protocol JSONSink: ~Copyable {
  mutating func beginObject()
  mutating func endObject()
  mutating func beginArray()
  mutating func endArray()
  /// The key of the next member of the innermost object.
  mutating func key(_ name: String)
  /// A key written in the source, which needs no escape (plain ASCII letters and `_`).
  mutating func key(literal name: StaticString)
  mutating func string(_ text: String)
  /// A number in its JSON form.
  mutating func number(_ text: String)
  mutating func bool(_ flag: Bool)
  mutating func null()
}

extension JSONSink where Self: ~Copyable {
  mutating func key(literal name: StaticString) {
    key(name.description)
  }

  /// An object whose members `body` writes.
  mutating func object(_ body: (inout Self) -> Void) {
    beginObject()
    body(&self)
    endObject()
  }

  /// An array whose items `body` writes.
  mutating func array(_ body: (inout Self) -> Void) {
    beginArray()
    body(&self)
    endArray()
  }

  /// A member whose value `body` writes.
  mutating func member(_ name: StaticString, _ body: (inout Self) -> Void) {
    key(literal: name)
    body(&self)
  }

  /// A member under a key from the data (a fact's name), escaped.
  mutating func member(named name: String, _ body: (inout Self) -> Void) {
    key(name)
    body(&self)
  }

  mutating func member(_ name: StaticString, _ text: String) {
    key(literal: name)
    string(text)
  }

  mutating func member(_ name: StaticString, _ flag: Bool) {
    key(literal: name)
    bool(flag)
  }

  mutating func member(_ name: StaticString, int value: some BinaryInteger) {
    key(literal: name)
    number(String(value))
  }

  /// A member whose value is an array of strings.
  mutating func member(_ name: StaticString, strings: [String]) {
    key(literal: name)
    beginArray()
    for text in strings { string(text) }
    endArray()
  }
}
