import Foundation

/// Where the rulebooks are when `--rules` is not given: `$BRICOLEUR_RULES`, else `Rules/` in
/// the current folder, else the `Rules/` folder of the repository this binary was built from
/// (so `bricoleur` works from any folder).
enum RulesLocation {
  static func resolve(_ explicit: String?) -> String {
    if let explicit { return explicit }
    if let fromEnvironment = ProcessInfo.processInfo.environment["BRICOLEUR_RULES"] { return fromEnvironment }
    if FileManager.default.fileExists(atPath: "Rules/national") { return "Rules" }
    let candidates = [
      repositoryRoot(from: #filePath) + "/Rules",
      repositoryRoot(from: CommandLine.arguments[0]) + "/Rules",
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? "Rules"
  }

  /// The nearest folder above `path` that holds `Package.swift`.
  static func repositoryRoot(from path: String) -> String {
    var url = URL(fileURLWithPath: path).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
      url.deleteLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath
  }
}
