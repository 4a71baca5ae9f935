import Foundation
import Reports
import Testing

/// The JSON writer escapes what JSON requires and copies everything else as it is.
@Suite struct JSONValueTests {
  @Test(arguments: [
    ("", #""""#),
    ("plain", #""plain""#),
    ("a\"b", #""a\"b""#),
    ("a\\b", #""a\\b""#),
    ("line\nnext\r\ttab", #""line\nnext\r\ttab""#),
    ("\u{01}\u{1F}", #""\u0001\u001f""#),
    ("één café € 🎉", "\"één café € 🎉\""),
    ("/<>&'", #""/<>&'""#),
  ])
  func escapes(_ text: String, _ expected: String) {
    #expect(JSONValue.string(text).serialized() == expected)
    var bytes: [UInt8] = []
    JSONValue.escape(text, into: &bytes)
    #expect(bytes == Array(expected.utf8))
  }

  @Test func everyControlCharacterAndAnyTextRoundTrips() throws {
    let text = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined() + "één\u{2028}𝄞\"\\"
    let document = JSONValue.array([.string(text)]).serialized()
    let parsed = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String]
    #expect(parsed == [text])
  }

  @Test func compactAndPrettyLayouts() {
    let value = JSONValue.object([
      ("a", .int(1)), ("b", .array([.bool(true), .null, .array([])])), ("c", .object([])), ("d", .object([("e", .string("f"))])),
    ])
    #expect(value.serialized() == #"{"a":1,"b":[true,null,[]],"c":{},"d":{"e":"f"}}"#)
    #expect(
      value.serialized(pretty: true) == """
        {
          "a": 1,
          "b": [
            true,
            null,
            []
          ],
          "c": {},
          "d": {
            "e": "f"
          }
        }
        """)
    #expect(value.serializedBytes(pretty: true) == Array(value.serialized(pretty: true).utf8))
  }

  /// Writing tokens gives the text of the tree they describe, in both layouts.
  @Test(arguments: [false, true])
  func writerWritesWhatTheTreeSerializes(_ pretty: Bool) {
    let value = JSONValue.object([
      ("a", .int(1)), ("b", .array([.bool(true), .null, .array([])])), ("c", .object([])), ("d", .object([("e", .string("f\n"))])),
    ])
    var writer = JSONWriter(pretty: pretty)
    writer.beginObject()
    writer.key("a")
    writer.number("1")
    writer.key("b")
    writer.beginArray()
    writer.bool(true)
    writer.null()
    writer.beginArray()
    writer.endArray()
    writer.endArray()
    writer.key("c")
    writer.beginObject()
    writer.endObject()
    writer.key("d")
    writer.beginObject()
    writer.key("e")
    writer.string("f\n")
    writer.endObject()
    writer.endObject()
    #expect(writer.bytes == value.serializedBytes(pretty: pretty))
  }
}
