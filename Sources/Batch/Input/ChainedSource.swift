/// Several sources read one after the other.
public struct ChainedSource: RecordSource {
  var sources: [any RecordSource]
  var bytesBefore = 0
  public let totalBytes: Int?

  public init(_ sources: [any RecordSource]) {
    self.sources = sources
    let sizes = sources.map(\.totalBytes)
    totalBytes = sizes.contains { $0 == nil } ? nil : sizes.reduce(0) { $0 + ($1 ?? 0) }
  }

  public mutating func nextChunk(limit: Int) throws -> RecordChunk? {
    while !sources.isEmpty {
      if var chunk = try sources[0].nextChunk(limit: limit) {
        chunk.inputOffset += bytesBefore
        return chunk
      }
      bytesBefore += sources[0].totalBytes ?? 0
      sources.removeFirst()
    }
    return nil
  }
}
