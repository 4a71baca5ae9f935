/// Builds a `JSONValue` from what a renderer writes to it as a `JSONSink`.
struct JSONTreeBuilder: JSONSink {
  enum Container {
    case object([(String, JSONValue)])
    case array([JSONValue])
  }

  /// The open containers, each with the key it goes under in its parent.
  var open: [(key: String?, container: Container)] = []
  var pendingKey: String?
  /// The finished value.
  private(set) var value: JSONValue = .null

  mutating func add(_ item: JSONValue) {
    guard let top = open.popLast() else { return value = item }
    switch top.container {
    case .object(var members):
      members.append((pendingKey ?? "", item))
      pendingKey = nil
      open.append((top.key, .object(members)))
    case .array(var items):
      items.append(item)
      open.append((top.key, .array(items)))
    }
  }

  mutating func close() {
    guard let top = open.popLast() else { return }
    pendingKey = top.key
    switch top.container {
    case .object(let members): add(.object(members))
    case .array(let items): add(.array(items))
    }
  }

  mutating func beginObject() {
    open.append((pendingKey, .object([])))
    pendingKey = nil
  }

  mutating func beginArray() {
    open.append((pendingKey, .array([])))
    pendingKey = nil
  }

  mutating func endObject() { close() }
  mutating func endArray() { close() }
  mutating func key(_ name: String) { pendingKey = name }
  mutating func string(_ text: String) { add(.string(text)) }
  mutating func number(_ text: String) { add(.number(text)) }
  mutating func bool(_ flag: Bool) { add(.bool(flag)) }
  mutating func null() { add(.null) }
}
