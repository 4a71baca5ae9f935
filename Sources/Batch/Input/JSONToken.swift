/// A JSON value inside a line, by byte range: nothing is copied until a fact asks for it. Plain
/// data (nested arrays and objects are read again from their start when needed), so members
/// copy without reference counting.
enum JSONToken {
  case string(start: Int, end: Int, escaped: Bool)
  case number(start: Int, end: Int)
  case bool(Bool)
  case null
  case array(start: Int)
  case object(start: Int)
}

/// A key and its value in a JSON object.
struct JSONMember {
  var keyStart: Int
  var keyEnd: Int
  var value: JSONToken
  /// Byte offset of the value in the line (for messages).
  var valueStart: Int
}

/// Why a line is not valid JSON, with the byte offset in the line.
struct JSONSyntaxError: Error {
  var message: String
  var offset: Int
}
