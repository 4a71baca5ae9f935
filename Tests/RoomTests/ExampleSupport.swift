import Engine
import Foundation
import Room
import Rulebook
import RuleLanguage
import SourceDiagnostics
import TestSupport

/// The shipped rulebooks, loaded once; relative paths keep machine paths out of golden files.
let shippedEngine: RuleEngine = {
  let root = repositoryRoot()
  FileManager.default.changeCurrentDirectoryPath(root.path)
  return try! RuleEngine(rulesPath: "Rules")  // swift-format-ignore: NeverUseForceTry
}()

/// Every example initiative (`Examples/<municipality>/*.yaml`), relative to the repository.
let examplePaths: [String] = {
  let root = repositoryRoot()
  let examples = root.appendingPathComponent("Examples")
  let folders = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
  return folders.sorted().flatMap { folder -> [String] in
    let files = (try? FileManager.default.contentsOfDirectory(atPath: examples.appendingPathComponent(folder).path)) ?? []
    return files.filter { $0.hasSuffix(".yaml") }.sorted().map { "Examples/\(folder)/\($0)" }
  }
}()

/// The evaluations of an example file (one per document).
func evaluations(_ path: String) -> [Evaluation] {
  let url = repositoryRoot().appendingPathComponent(path)
  guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
  return shippedEngine.check(file: SourceFile(path: path, text: text)).compactMap(\.evaluation)
}

/// All example evaluations.
let exampleEvaluations: [(path: String, evaluation: Evaluation)] = examplePaths.flatMap { path in
  evaluations(path).map { (path, $0) }
}

/// The initiative with the given facts rewritten as a resident would write them.
func applying(_ changes: [FactChange], to initiative: Initiative) -> Initiative {
  var result = initiative
  for change in changes {
    result.facts.removeAll { $0.name == change.fact }
    result.facts.append(RawFact(name: change.fact, text: change.to.inputText))
  }
  return result
}

let fixedToday = CalendarDay(year: 2026, month: 6, day: 1)!
