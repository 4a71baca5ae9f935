import Engine
import Foundation
import SourceDiagnostics
import YAMLTree

/// Initiatives from YAML or JSON documents: a multi-document stream, or every file in a folder.
public struct DocumentSource: RecordSource {
  var files: [String]
  var stream: YAMLDocumentStream?
  var documentIndex = 0
  var bytesDone = 0
  public let totalBytes: Int?

  public init(paths: [String]) {
    files = paths
    totalBytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
  }

  public mutating func nextChunk(limit: Int) throws -> RecordChunk? {
    var chunk = RecordChunk()
    while chunk.items.count < limit {
      if stream == nil {
        guard !files.isEmpty else { break }
        let path = files.removeFirst()
        let (file, diagnostics) = try YAMLSource.load(path: path)
        bytesDone += file.bytes.count
        documentIndex = 0
        if !diagnostics.isEmpty {
          chunk.items.append(.initiative(path: path, line: diagnostics.first?.location?.line ?? 1, nil, diagnostics))
          continue
        }
        stream = YAMLReader().documentStream(file)
      }
      guard let current = stream else { break }
      if let document = current.next() {
        let line = document.root?.span.startLocation.line ?? document.start.startLocation.line
        let (initiative, problems) = InitiativeReader.read(document.root, in: current.file, index: documentIndex)
        documentIndex += 1
        chunk.items.append(.initiative(path: current.file.path, line: line, initiative, problems))
      } else {
        if current.diagnostics.hasErrors || documentIndex == 0 {
          // A syntax error ends the stream: the rest of the file is one failed record.
          let problems = current.diagnostics.isEmpty
            ? [Diagnostic.error(YAMLDiagnostics.empty, "file holds no initiative", at: current.file.span(0, 0))]
            : current.diagnostics
          chunk.items.append(.initiative(path: current.file.path, line: problems.first?.location?.line ?? 1, nil, problems))
        }
        stream = nil
      }
    }
    chunk.inputOffset = bytesDone
    return chunk.items.isEmpty ? nil : chunk
  }
}
