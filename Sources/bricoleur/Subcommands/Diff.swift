import Analysis
import ArgumentParser
import Engine
import Foundation
import Rulebook
import SourceDiagnostics

extension Bricoleur {
  /// `bricoleur diff OLD NEW [--on INITIATIVES...]`: what an amendment changes.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what changed between two versions of rulebooks, and which verdicts change.",
      discussion: """
        OLD and NEW are rulebook folders (Rules/tilburg) or folders of rulebooks (Rules); either may name a git \
        revision, 'Rules/tilburg@HEAD~3', whose Rules tree is extracted with 'git archive' into a temporary folder \
        (nothing is checked out). --on takes a JSON Lines batch (.jsonl), YAML initiative files or folders, or \
        'tests' for the rule tests of OLD's rulebooks. Exit status: 0, or 1 when a version cannot be loaded.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Argument(help: "The old version: a rulebook folder, optionally '@<git revision>'.")
    var old: String

    @Argument(help: "The new version: a rulebook folder, optionally '@<git revision>'.")
    var new: String

    @Option(parsing: .upToNextOption, help: "Initiatives to compare verdicts over: .jsonl, YAML files or folders, or 'tests'.")
    var on: [String] = []

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    func run() throws {
      var temporary: [String] = []
      defer { for folder in temporary { try? FileManager.default.removeItem(atPath: folder) } }
      let oldPath = try RevisionExtractor.resolve(old, temporary: &temporary)
      let newPath = try RevisionExtractor.resolve(new, temporary: &temporary)
      let oldEngine = try LoadedRules.engine(oldPath)
      let newEngine = try LoadedRules.engine(newPath)
      var initiatives: [Initiative] = []
      var diagnostics: [Diagnostic] = []
      for input in on {
        let (found, problems) = try read(input, rulebooks: oldPath)
        initiatives += found
        diagnostics += problems
      }
      if !diagnostics.isEmpty { printError(DiagnosticTextRenderer().render(diagnostics)) }
      let report = ImpactAnalysis.impact(old: oldEngine, new: newEngine, initiatives: initiatives)
      switch format {
      case .text: printOut(report.text)
      case .markdown: printOut(report.markdown)
      case .json: printOut(try report.json() + "\n")
      }
    }

    func read(_ input: String, rulebooks: String) throws -> ([Initiative], [Diagnostic]) {
      if input == "tests" {
        let folders = RulebookLibrary.isRulebookFolder(rulebooks) ? [rulebooks] : try RulebookFolders.all(in: rulebooks)
        var result: ([Initiative], [Diagnostic]) = ([], [])
        for folder in folders {
          let (definition, _) = try RulebookReader.read(directory: folder)
          let (found, problems) = try InitiativeSources.ruleTests(rulebookDirectory: folder, rulebook: definition.id)
          result.0 += found
          result.1 += problems
        }
        return result
      }
      if input.hasSuffix(".jsonl") || input.hasSuffix(".ndjson") { return try InitiativeSources.jsonLines(path: input) }
      return try InitiativeSources.documents(paths: FileWalker.yamlFiles(in: [input], extensions: ["yaml", "yml", "json"]))
    }
  }
}

/// Extracts `path@revision` from git into a temporary folder, without checking anything out.
enum RevisionExtractor {
  /// The folder to load: `spec` itself, or where its revision was extracted.
  static func resolve(_ spec: String, temporary: inout [String]) throws -> String {
    guard let at = spec.lastIndex(of: "@"), !FileManager.default.fileExists(atPath: spec) else { return spec }
    let path = String(spec[..<at])
    let revision = String(spec[spec.index(after: at)...])
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    // The rulebook may extend others: extract the whole folder of rulebooks it sits in.
    let isRulebook = FileManager.default.fileExists(atPath: absolute + "/rulebook.yaml") || RulebookLibrary.isRulebookFolder(absolute)
    let rulesFolder = isRulebook ? (absolute as NSString).deletingLastPathComponent : absolute
    let root = try git(["-C", rulesFolder, "rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let relativeRules = String(rulesFolder.dropFirst(root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    let relativePath = String(absolute.dropFirst(root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    let target = NSTemporaryDirectory() + "bricoleur-diff-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    temporary.append(target)
    _ = try shell("git -C '\(root)' archive '\(revision)' -- '\(relativeRules)' | tar -x -C '\(target)'")
    let extracted = target + "/" + relativePath
    guard FileManager.default.fileExists(atPath: extracted) else {
      throw ValidationError("'\(relativePath)' does not exist at revision '\(revision)'")
    }
    return extracted
  }

  static func git(_ arguments: [String]) throws -> String {
    try run("/usr/bin/env", ["git"] + arguments)
  }

  static func shell(_ command: String) throws -> String {
    try run("/bin/bash", ["-c", "set -o pipefail; " + command])
  }

  static func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ValidationError("\(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
