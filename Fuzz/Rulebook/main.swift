// libFuzzer entry point: arbitrary bytes as a rule file. The input is split at the first line
// `---8<---`: the part before is `rulebook.yaml` of rulebook 'fuzz', the part after (if any) a
// second file `rules.yaml`; a sibling rulebook 'base' (a copy of Rules/model-apv when present)
// lets `extends` resolve. Build and run with `scripts/fuzz rulebook SECONDS`.
import Foundation
import Rulebook

let root = NSTemporaryDirectory() + "bricoleur-fuzz-rulebook-\(getpid())"
let folder = root + "/fuzz"

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try? FileManager.default.createDirectory(atPath: root + "/base", withIntermediateDirectories: true)
  let base = "rulebook:\n  id: base\n  name: Basis\nfacts:\n  visitors: {type: int}\nrules:\n  - id: base-1\n    if: visitors > 10\n    outcome: {kind: notification}\n"
  try? base.write(toFile: root + "/base/rulebook.yaml", atomically: false, encoding: .utf8)
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let marker = Array("\n---8<---\n".utf8)
  var first = bytes[...]
  var second: ArraySlice<UInt8>?
  if bytes.count >= marker.count, let cut = (0...(bytes.count - marker.count)).first(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }) {
    first = bytes[..<cut]
    second = bytes[(cut + marker.count)...]
  }
  FileManager.default.createFile(atPath: folder + "/rulebook.yaml", contents: Data(first))
  if let second {
    FileManager.default.createFile(atPath: folder + "/rules.yaml", contents: Data(second))
  } else {
    try? FileManager.default.removeItem(atPath: folder + "/rules.yaml")
  }
  _ = try? RulebookLibrary.load(path: folder)
  _ = try? RulebookLibrary.load(path: root)
  return 0
}
