/// The wire form of a converted checker file, as the original service reads it.
struct CheckerJSON: Decodable {
  var slug: String?
  var permits: [Permit]

  struct Permit: Decodable {
    var version: Int?
    var name: String
    var questions: [Question]
    /// Keyed by decision id; `dummy` is the conclusion table. Kept in the written order.
    var decisions: OrderedDecisions
  }

  struct Question: Decodable {
    var id: String
    var text: String
    var type: String
    var options: [String]?
    var collection: Bool?
    var prio: Int?
    var uuid: String?
    var autofill: String?
    var description: String?
    var longDescription: String?
    var identification: String?
  }

  struct Decision: Decodable {
    var requiredInputs: [String]?
    var requiredDecisions: [String]?
    var decisionTable: Table
  }

  struct Table: Decodable {
    var rules: [Row]
  }

  struct Row: Decodable {
    var inputs: [Cell]
    var output: Cell
    var description: String?
  }

  /// A cell or output: `true`/`false` or a string as written (quotes included).
  enum Cell: Decodable {
    case bool(Bool)
    case text(String)
    case number(Double)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let flag = try? container.decode(Bool.self) {
        self = .bool(flag)
      } else if let text = try? container.decode(String.self) {
        self = .text(text)
      } else {
        self = .number(try container.decode(Double.self))
      }
    }
  }

  /// The decisions with their keys, in the order the file writes them.
  struct OrderedDecisions: Decodable {
    var entries: [(key: String, decision: Decision)]

    struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Key.self)
      entries = try container.allKeys.map { ($0.stringValue, try container.decode(Decision.self, forKey: $0)) }
    }
  }
}
