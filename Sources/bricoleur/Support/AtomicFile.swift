import Foundation

/// Writes a file so that readers see the old or the new content, never half of it.
enum AtomicFile {
  static func write(_ text: String, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    try text.write(toFile: temporary, atomically: false, encoding: .utf8)
    guard rename(temporary, path) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
  }
}
