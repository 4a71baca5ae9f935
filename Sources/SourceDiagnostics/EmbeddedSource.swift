/// Text that sits inside a file, such as an expression inside a YAML scalar, with the map from
/// its own UTF-8 offsets back to offsets in the file.
///
/// A plain scalar maps contiguously; a block or quoted scalar, whose value differs from its
/// source (indentation removed, escapes decoded), carries one file offset per byte.
public struct EmbeddedSource: Sendable {
  public let file: SourceFile
  public let text: String
  let base: Int
  /// File offset of each UTF-8 byte of `text`, plus one for its end; `nil` when contiguous.
  let offsets: [Int]?

  /// Text that appears verbatim in `file` from byte offset `base`.
  public init(file: SourceFile, text: String, base: Int) {
    self.file = file
    self.text = text
    self.base = base
    self.offsets = nil
  }

  /// Text whose bytes sit at the given file offsets (`offsets.count == text.utf8.count + 1`).
  public init(file: SourceFile, text: String, offsets: [Int]) {
    precondition(offsets.count == text.utf8.count + 1, "one offset per byte plus the end")
    self.file = file
    self.text = text
    self.base = offsets.first ?? 0
    self.offsets = offsets
  }

  /// A whole file as embedded text (for expressions given on their own, as in tests).
  public init(standalone text: String, path: String = "<expr>") {
    self.init(file: SourceFile(path: path, text: text), text: text, base: 0)
  }

  /// The file offset of a byte offset in `text`.
  public func fileOffset(_ local: Int) -> Int {
    guard let offsets else { return base + local }
    return offsets[max(0, min(local, offsets.count - 1))]
  }

  /// The span in the file that covers `text`'s bytes `start..<end`.
  public func span(_ start: Int, _ end: Int) -> SourceSpan {
    let fileStart = fileOffset(start)
    let fileEnd = end > start ? fileOffset(end - 1) + 1 : fileStart
    return SourceSpan(file: file, start: fileStart, end: max(fileStart, fileEnd))
  }
}
