// libFuzzer entry point: arbitrary bytes through YAMLSource and YAMLReader.
// Build and run with `scripts/fuzz yaml-reader SECONDS`.
import YAMLTree

/// Small limits so that the fuzzer reaches them quickly.
let limits = YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 64, maxNodes: 20_000, maxScalarBytes: 64 << 10)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let (file, diagnostics) = YAMLSource.make(path: "fuzz.yaml", bytes: bytes, limits: limits)
  guard diagnostics.isEmpty else { return 0 }
  let (documents, _) = YAMLReader(limits: limits).read(file)
  _ = YAMLReader(limits: limits).readSingle(file)
  for document in documents { _ = document.root?.span }
  return 0
}
