import Foundation

/// Compares `actual` with the golden file `Golden/<name>` beside the calling test file.
///
/// With `RECORD_GOLDEN=1` the file is rewritten and the comparison fails, so recording is never
/// silent. Returns a failure message (with a line diff) or `nil` when they match.
public func goldenMismatch(_ actual: String, named name: String, testFile: String = #filePath) -> String? {
  let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden")
  let url = directory.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    return "recorded golden file \(url.path); run again without RECORD_GOLDEN"
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    return "missing golden file \(url.path); run with RECORD_GOLDEN=1 to record it"
  }
  if expected == actual { return nil }
  return "golden file \(name) differs:\n" + lineDiff(expected: expected, actual: actual)
}

/// A minimal line diff: lines only in the expected text start with `-`, only in the actual with `+`.
public func lineDiff(expected: String, actual: String) -> String {
  let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let diff = b.difference(from: a)
  var out: [String] = []
  for change in diff {
    switch change {
    case .remove(let offset, let line, _): out.append("-\(offset + 1): \(line)")
    case .insert(let offset, let line, _): out.append("+\(offset + 1): \(line)")
    }
  }
  return out.joined(separator: "\n")
}

/// The repository's root folder, found from a test file's path.
public func repositoryRoot(testFile: String = #filePath) -> URL {
  var url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
  while url.path != "/" {
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    url.deleteLastPathComponent()
  }
  return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}
