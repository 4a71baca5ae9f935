import Foundation
import Rulebook
import SourceDiagnostics

/// What `bricoleur lint` reports for a rulebook folder or a folder of rulebooks: the loading
/// problems, the deep lint's findings and the problems of its test files read as YAML. The
/// command line and the language server both lint through it, so they report the same.
public struct FolderLint {
  public var linter: Linter
  /// Only loading problems, without the deep lint.
  public var shallow: Bool
  /// Texts that stand in for files (an editor's unsaved documents).
  public var overlay: SourceOverlay
  /// Whether the deep lint compiles only the rulebooks built on the ones linted, rather than the
  /// whole folder of rulebooks once for every path: quicker for one path, the same findings.
  public var compilesOnlyTheLinted: Bool
  /// Each folder of rulebooks loaded whole for the deep lint, by path, so that a run that
  /// lints several of its rulebooks loads it once.
  var libraries: [String: RulebookLibrary] = [:]

  public init(
    linter: Linter = Linter(), shallow: Bool = false, overlay: SourceOverlay = SourceOverlay(), compilesOnlyTheLinted: Bool = false
  ) {
    self.linter = linter
    self.shallow = shallow
    self.overlay = overlay
    self.compilesOnlyTheLinted = compilesOnlyTheLinted
  }

  /// The problems of the rulebooks in `path` (one rulebook folder or a folder of them) and of
  /// `testFiles`, its rule tests.
  ///
  /// - Throws: only when a folder cannot be read.
  public mutating func lint(_ path: String, testFiles: [String]) throws -> [Diagnostic] {
    let library = try RulebookLibrary.load(path: path, overlay: overlay)
    var diagnostics = library.diagnostics
    if !shallow { diagnostics += try deepLint(path, loaded: library) }
    for test in testFiles { diagnostics += YAMLFileLinter.lint(path: test, overlay: overlay) }
    return diagnostics
  }

  /// The deep lint's findings for the rulebooks in `path`. The folder of rulebooks around it is
  /// loaded with every rulebook compiled, so that usage is counted over every rulebook built on
  /// the one linted.
  mutating func deepLint(_ path: String, loaded: RulebookLibrary) throws -> [Diagnostic] {
    let standardized = (path as NSString).standardizingPath
    let single = RulebookLibrary.isRulebookFolder(standardized)
    let parent = single ? (standardized as NSString).deletingLastPathComponent : standardized
    let ids = loaded.definitions.values.filter { definition in
      let directory = (definition.directory as NSString).standardizingPath
      return single ? directory == standardized : (directory as NSString).deletingLastPathComponent == standardized
    }.map(\.id).sorted()
    if compilesOnlyTheLinted {
      return linter.lint(try RulebookLibrary.load(path: parent, compilingFamilyOf: Set(ids), overlay: overlay), rulebooks: ids)
    }
    let library = try libraries[parent] ?? RulebookLibrary.load(path: parent, overlay: overlay)
    libraries[parent] = library
    return linter.lint(library, rulebooks: ids)
  }

  /// The diagnostics with each repeat (same code, place and message) left out.
  public static func withoutRepeats(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen = Set<String>()
    return diagnostics.filter { seen.insert("\($0.code)|\($0.path ?? ""):\($0.span?.start ?? -1)|\($0.message)").inserted }
  }
}
