/// The JSON of a rulebook change, in snake_case: `{rulebook, kind, rule|parameter, before, after,
/// citation, reaches}`; `before` and `after` map each field to its value (null where the rule or
/// parameter is not there), and a rulebook added or removed has only `rulebook` and `kind`.
extension RulebookChange: Encodable {
  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(rulebook, forKey: Key("rulebook"))
    try container.encode(kind.rawValue, forKey: Key("kind"))
    guard entity != .rulebook else { return }
    try container.encode(name, forKey: Key(entity.rawValue))
    try encodeSide(\.before, as: "before", into: &container)
    try encodeSide(\.after, as: "after", into: &container)
    try container.encode(citation, forKey: Key("citation"))
    try container.encode(reaches, forKey: Key("reaches"))
  }

  func encodeSide(_ side: KeyPath<Field, String?>, as key: String, into container: inout KeyedEncodingContainer<Key>) throws {
    let values = fields.compactMap { field in field[keyPath: side].map { (field.name, $0) } }
    if values.isEmpty && kind != .changed {
      try container.encodeNil(forKey: Key(key))
      return
    }
    var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
    for (name, value) in values { try nested.encode(value, forKey: Key(name)) }
  }
}
