// libFuzzer entry point: arbitrary bytes as initiatives, checked against every rulebook in
// Rules/. The first byte picks the reader: 0 YAML/JSON document (`bricoleur check`), 1 JSON
// Lines and 2 CSV rows with Examples/batches/webformulier.mapping.yml (both through the batch
// runner). Run from the repository root: `scripts/fuzz initiative SECONDS`.
import Batch
import Engine
import Foundation
import Rulebook
import SourceDiagnostics
import YAMLTree

nonisolated(unsafe) var engine: RuleEngine!
nonisolated(unsafe) var context: BatchContext!
let scratch = NSTemporaryDirectory() + "bricoleur-fuzz-initiative-\(getpid())"
let mapping = FileManager.default.currentDirectoryPath + "/Examples/batches/webformulier.mapping.yml"

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
  let library = try! RulebookLibrary.load(path: "Rules")
  engine = RuleEngine(library: library)
  context = BatchContext(library: library, rulebook: nil, asOf: nil, format: .jsonl)
  try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let mode = data[0] % 3
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch mode {
  case 0:
    let (file, diagnostics) = YAMLSource.make(path: "fuzz.yaml", bytes: bytes)
    guard diagnostics.isEmpty else { return 0 }
    for result in engine.check(file: file) { _ = result.evaluation?.verdict }
  default:
    let input = scratch + (mode == 1 ? "/in.jsonl" : "/in.csv")
    let output = scratch + "/out.jsonl"
    FileManager.default.createFile(atPath: input, contents: Data(bytes))
    var options = BatchOptions(output: output)
    options.jobs = 1
    options.chunkSize = 64
    let runner = BatchRunner(context: context, options: options)
    if mode == 1 {
      guard var source = try? JSONLinesSource(path: input) else { return 0 }
      _ = try? runner.run(&source, inputSignature: "fuzz")
    } else {
      guard var source = try? CSVSource(path: input, mappingPath: mapping) else { return 0 }
      _ = try? runner.run(&source, inputSignature: "fuzz")
    }
  }
  return 0
}
