import Foundation

/// A text a planted copy should replace is not in its file.
public struct NotPlanted: Error, CustomStringConvertible {
  public let find: String
  public let file: String
  public var description: String { "'\(find)' is not in \(file)" }
}

/// A copy of the shipped `Rules/` in a temporary folder, with the first `find` in `file` (a path
/// inside `Rules/`) replaced by `replace`, or every one with `everywhere`: a problem planted in
/// rulebooks nobody else reads. The caller removes the folder.
public func plantedCopyOfRules(file: String, find: String, replace: String, everywhere: Bool = false) throws -> String {
  let rules = FileManager.default.temporaryDirectory.appendingPathComponent("planted-\(UUID().uuidString)").path
  try FileManager.default.copyItem(atPath: repositoryRoot().appendingPathComponent("Rules").path, toPath: rules)
  let path = rules + "/" + file
  let text = try String(contentsOfFile: path, encoding: .utf8)
  guard let range = text.range(of: find) else { throw NotPlanted(find: find, file: file) }
  let planted = everywhere ? text.replacingOccurrences(of: find, with: replace) : text.replacingCharacters(in: range, with: replace)
  try planted.write(toFile: path, atomically: true, encoding: .utf8)
  return rules
}
