import SourceDiagnostics

extension YAMLNode {
  /// A scalar's text with the map back to the file, so that an expression written in the
  /// scalar reports errors at their place in the file (block and quoted scalars included).
  public var embeddedSource: EmbeddedSource? {
    guard case .scalar(let text, let style) = content else { return nil }
    let file = span.file
    let value = Array(text.utf8)
    let raw = file.bytes[span.start..<min(span.end, file.bytes.count)]
    if style == .plain, raw.elementsEqual(value) {
      return EmbeddedSource(file: file, text: text, base: span.start)
    }
    var cursor = span.start
    if style == .literal || style == .folded {
      // Skip the header line (`|`, `>-`, ...).
      while cursor < span.end, file.bytes[cursor] != 0x0A, file.bytes[cursor] != 0x0D { cursor += 1 }
    } else if style != .plain {
      cursor += 1  // the opening quote
    }
    var offsets: [Int] = []
    offsets.reserveCapacity(value.count + 1)
    for byte in value {
      // Greedy alignment: each byte of the value sits at the next equal byte of the source.
      var probe = cursor
      while probe < span.end, file.bytes[probe] != byte { probe += 1 }
      if probe < span.end {
        offsets.append(probe)
        cursor = probe + 1
      } else {
        offsets.append(min(cursor, span.end))
      }
    }
    offsets.append(min(cursor, span.end))
    return EmbeddedSource(file: file, text: text, offsets: offsets)
  }
}
