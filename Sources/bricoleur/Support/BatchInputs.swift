import Batch
import Foundation

/// The record sources for the batch command's inputs.
enum BatchInputs {
  static func sources(_ inputs: [String], mapping: String?) throws -> [any RecordSource] {
    var sources: [any RecordSource] = []
    for input in inputs {
      if input == "-" {
        sources.append(try JSONLinesSource(path: "-"))
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
        throw BatchError.cannotRead("no such file or folder: '\(input)'")
      }
      if isDirectory.boolValue {
        let files = try FileWalker.yamlFiles(in: [input], extensions: ["yaml", "yml", "json"])
        sources.append(DocumentSource(paths: files))
        continue
      }
      switch (input as NSString).pathExtension.lowercased() {
      case "jsonl", "ndjson": sources.append(try JSONLinesSource(path: input))
      case "csv":
        guard let mapping else { throw BatchError.cannotRead("a CSV input needs --mapping") }
        sources.append(try CSVSource(path: input, mappingPath: mapping))
      default: sources.append(DocumentSource(paths: [input]))
      }
    }
    return sources
  }

  /// Identifies the input for --resume: paths, sizes and modification times.
  static func signature(_ inputs: [String]) -> String {
    inputs.map { path in
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      let size = attributes?[.size] as? Int ?? 0
      let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      return "\(path):\(size):\(Int(modified))"
    }.joined(separator: "|")
  }
}
