import ArgumentParser
import Foundation

/// Finds the files a command was pointed at.
enum FileWalker {
  /// The YAML files named or found under the given paths, in a stable order.
  /// A path that does not exist is a usage error.
  static func yamlFiles(in paths: [String], extensions: Set<String> = ["yaml", "yml"]) throws -> [String] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ValidationError("no such file or folder: '\(path)'")
      }
      guard isDirectory.boolValue else {
        files.append(path)
        continue
      }
      let enumerator = FileManager.default.enumerator(atPath: path)
      var found: [String] = []
      while let relative = enumerator?.nextObject() as? String {
        if extensions.contains((relative as NSString).pathExtension.lowercased()) {
          found.append((path as NSString).appendingPathComponent(relative))
        }
      }
      files += found.sorted()
    }
    return files
  }
}
