// libFuzzer entry point: arbitrary bytes through the importer, read both as an STTR DMN (XML)
// file and as a checker JSON file. Build and run with `scripts/fuzz import SECONDS`.
import Foundation
import Import
import YAMLTree

/// Small limits so that the fuzzer reaches them quickly.
let limits = YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 64, maxNodes: 20_000, maxScalarBytes: 64 << 10)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
  var importer = Importer(limits: limits)
  importer.verifiesOutput = false
  for path in ["fuzz.dmn", "fuzz.json"] {
    let output = importer.importData(bytes, path: path)
    for book in output.rulebooks { _ = output.files[book.id]?.count }
  }
  return 0
}
