import Foundation
import Rulebook
import SourceDiagnostics
import Testing
import TestSupport

/// Problems a legal team makes, planted one at a time in a copy of the shipped Rules/: each is
/// reported once, at its own place, with advice that fits it, and nothing follows from it in
/// files nobody touched.
@Suite struct PlantedProblemTests {
  struct Plant: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var find: String
    var replace: String
    /// `file:line:column`, the message and the help of the one error expected.
    var place: String
    var message: String
    var help: String?
    var testDescription: String { name }
  }

  static let plants: [Plant] = [
    Plant(
      name: "a grant's maximum naming nothing", file: "den-haag/rulebook.yaml", find: "maximum: max_subsidie_niveau}",
      replace: "maximum: max_subsidie_nivo}", place: "den-haag/rulebook.yaml:27:13",
      message: "the amount of scheme 'activiteitensubsidie' names unknown 'max_subsidie_nivo'", help: "did you mean 'max_subsidie_niveau'?"),
    Plant(
      name: "a number written in words", file: "borne/rulebook.yaml", find: "value: 200", replace: "value: twee honderd",
      place: "borne/rulebook.yaml:20:12", message: "parameter 'max_bezoekers_klein' must be a whole number, found 'twee honderd'",
      help: "write a whole number, like 150"),
    Plant(
      name: "a number written as one word", file: "borne/rulebook.yaml", find: "value: 200", replace: "value: tweehonderd",
      place: "borne/rulebook.yaml:20:12", message: "parameter 'max_bezoekers_klein' must be a whole number, found 'tweehonderd'",
      help: "write a whole number, like 150"),
    Plant(
      name: "a mistyped time, read by the model's rules", file: "borne/rulebook.yaml", find: "value: \"07:00\"", replace: "value: \"07:OO\"",
      place: "borne/rulebook.yaml:26:12", message: "parameter 'muziek_begin_klein' must be a time, found '07:OO'",
      help: "write a time, like 07:00"),
    Plant(
      name: "a number where the model has a time", file: "borne/rulebook.yaml", find: "value: \"07:00\"", replace: "value: 7",
      place: "borne/rulebook.yaml:26:12", message: "parameter 'muziek_begin_klein' must be a time, found a whole number '7'",
      help: "write a time, like 07:00"),
    Plant(
      name: "words in the model's own parameter", file: "model-apv/rulebook.yaml", find: "value: \"07:00\"", replace: "value: twee honderd",
      place: "model-apv/rulebook.yaml:45:12",
      message: "the value of parameter 'muziek_begin_klein' must be a value, found 'twee honderd'",
      help: "write a value, like 200, 23:00, 10 m2, EUR 750, 8 weeks or ja"),
    Plant(
      name: "broken YAML in a municipal rulebook", file: "borne/rulebook.yaml", find: "value: 200", replace: "value: [200",
      place: "borne/rulebook.yaml:21:16", message: "did not find expected ',' or ']'", help: nil),
    Plant(
      name: "broken YAML in the model", file: "model-apv/rulebook.yaml", find: "value: \"07:00\"", replace: "value: [\"07:00\"",
      place: "model-apv/rulebook.yaml:46:5", message: "did not find expected ',' or ']'", help: nil),
    Plant(
      name: "a parameter citing an unknown regulation", file: "borne/rulebook.yaml", find: "regulation: apv,", replace: "regulation: apvv,",
      place: "borne/rulebook.yaml:24:28", message: "citation names unknown regulation 'apvv'", help: "did you mean 'apv'?"),
    Plant(
      name: "a rule citing an unknown regulation", file: "model-apv/evenementen.yaml", find: "regulation: apv,", replace: "regulation: apvv,",
      place: "model-apv/evenementen.yaml:6:28", message: "citation names unknown regulation 'apvv'", help: "did you mean 'apv'?"),
  ]

  @Test(arguments: plants)
  func aPlantedProblemIsReportedOnceAtItsPlace(_ plant: Plant) throws {
    let rules = try plantedCopyOfRules(file: plant.file, find: plant.find, replace: plant.replace)
    defer { try? FileManager.default.removeItem(atPath: rules) }
    let errors = try RulebookLibrary.load(path: rules).diagnostics.filter { $0.severity == .error }
    let places = errors.map { error in
      let path = (error.span?.file.path ?? error.path ?? "").replacingOccurrences(of: rules + "/", with: "")
      return "\(path):\(error.span?.startLocation.line ?? 0):\(error.span?.startLocation.column ?? 0)"
    }
    #expect(errors.count == 1, "\(zip(places, errors.map(\.message)).map { "\($0): \($1)" })")
    #expect(places.first == plant.place)
    #expect(errors.first?.message == plant.message)
    #expect(errors.first?.help == plant.help)
  }
}
