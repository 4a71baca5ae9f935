#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// An independent reading of a DMN file's tables for the tests (not the importer's code): every
/// element's local name, attributes and text, then the decisions evaluated with the original
/// checker's semantics (first matching row; `NeemContactOpMet` wins in the conclusion).
final class DMNTables: NSObject, XMLParserDelegate {
  final class Element {
    let name: String
    let attributes: [String: String]
    var children: [Element] = []
    var text = ""
    init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }
    func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
    func first(_ name: String) -> Element? { children.first { $0.name == name } }
    func deep(_ name: String) -> [Element] { children.flatMap { ($0.name == name ? [$0] : []) + $0.deep(name) } }
    var trimmed: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  struct Decision {
    var id: String
    /// Per column: an input data id or a decision id.
    var columns: [String]
    var rows: [(cells: [String], output: String)]
  }

  /// A question: its text, and the answers to try (as the text a resident would write).
  struct Question {
    var inputID: String
    var text: String
    var answers: [String]
    var fixed: String?
  }

  private var stack: [Element] = []
  private(set) var root: Element?
  var questions: [Question] = []
  var decisions: [String: Decision] = [:]
  var top = ""

  init(path: String) throws {
    super.init()
    let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
    parser.shouldProcessNamespaces = true
    parser.delegate = self
    guard parser.parse(), let root else { throw CocoaError(.fileReadCorruptFile) }
    read(root)
  }

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    let element = Element(name: name, attributes: attributes)
    if let parent = stack.last { parent.children.append(element) } else { root = element }
    stack.append(element)
  }
  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
  func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
  func parser(_ parser: XMLParser, foundCDATA block: Data) { stack.last?.text += String(decoding: block, as: UTF8.self) }

  static func href(_ element: Element?) -> String? { element?.attributes["href"].map { String($0.dropFirst()) } }

  private func read(_ root: Element) {
    let rules = Dictionary(root.deep("uitvoeringsregel").map { ($0.attributes["id"]!, $0) }, uniquingKeysWith: { a, _ in a })
    var names: [String: String] = [:]
    for input in root.all("inputData") {
      let id = input.attributes["id"]!
      names[input.attributes["name"]!] = id
      guard let rule = Self.href(input.deep("uitvoeringsregelRef").first).flatMap({ rules[$0] }) else { continue }
      let text = (rule.deep("vraagTekst").first ?? rule.deep("waardeVraag").first)?.trimmed ?? ""
      var question = Question(inputID: id, text: text, answers: ["true", "false"])
      if let fixed = rule.deep("waarde").first { question.fixed = fixed.trimmed }
      let options = rule.deep("optieText").map(\.trimmed)
      if !options.isEmpty { question.answers = options }
      if rule.deep("gegevensType").first?.trimmed == "number" { question.answers = [] }
      if rule.first("geoVerwijzing") != nil { question.answers = [] }
      questions.append(question)
    }
    for element in root.all("decision") { names[element.attributes["name"]!] = element.attributes["id"]! }
    var required = Set<String>()
    for element in root.all("decision") {
      guard let table = element.first("decisionTable") else { continue }
      let columns = table.all("input").map { names[$0.first("inputExpression")?.first("text")?.trimmed ?? ""] ?? "?" }
      let rows = table.all("rule").map { rule in
        (rule.all("inputEntry").map { $0.first("text")?.trimmed ?? "-" }, rule.first("outputEntry")?.first("text")?.trimmed ?? "")
      }
      decisions[element.attributes["id"]!] = Decision(id: element.attributes["id"]!, columns: columns, rows: rows)
      for requirement in element.deep("requiredDecision") { required.insert(Self.href(requirement) ?? "") }
    }
    top = root.all("decision").map { $0.attributes["id"]! }.first { !required.contains($0) }!
    // Numbers are tried at and around every number the cells name; location answers are the texts the cells test.
    for index in questions.indices where questions[index].answers.isEmpty {
      let cells = decisions.values.flatMap { decision in
        decision.columns.enumerated().filter { $0.element == questions[index].inputID }.flatMap { column in decision.rows.map { $0.cells[column.offset] } }
      }
      let texts = cells.filter { $0.hasPrefix("\"") }
      if !texts.isEmpty {
        questions[index].answers = Array(Set(texts.map { String($0.dropFirst().dropLast()) })).sorted()
      } else {
        let numbers = Set(cells.flatMap { $0.split { !"0123456789".contains($0) }.compactMap { Int($0) } })
        questions[index].answers = Set(numbers.flatMap { [$0 - 1, $0, $0 + 1] }).sorted().map(String.init)
      }
    }
  }

  /// Whether a cell matches an answer given as text (nil: unanswered).
  static func matches(_ cell: String, _ value: String?) -> Bool {
    if cell == "-" { return true }
    guard let value else { return false }
    if cell == "not(null)" { return true }
    if cell.hasPrefix("\"") { return value == String(cell.dropFirst().dropLast()) }
    if cell == "true" || cell == "false" { return value == cell }
    guard let number = Double(value) else { return false }
    if let open = cell.first, "[(]".contains(open), let dots = cell.range(of: "..") {
      let low = Double(cell[cell.index(after: cell.startIndex)..<dots.lowerBound])!
      let high = Double(cell[dots.upperBound..<cell.index(before: cell.endIndex)])!
      return (open == "[" ? number >= low : number > low) && (cell.last == "]" ? number <= high : number < high)
    }
    for op in ["<=", ">=", "<", ">"] where cell.hasPrefix(op) {
      let bound = Double(cell.dropFirst(op.count).trimmingCharacters(in: .whitespaces))!
      switch op {
      case "<=": return number <= bound
      case ">=": return number >= bound
      case "<": return number < bound
      default: return number > bound
      }
    }
    return Double(cell) == number
  }

  /// The output of a decision: its first matching row's, or nil.
  func output(_ id: String, _ answers: [String: String], all: Bool = false) -> [String] {
    guard let decision = decisions[id] else { return [] }
    let values = decision.columns.map { column in
      decisions[column] != nil ? output(column, answers).first.map { $0.hasPrefix("\"") ? String($0.dropFirst().dropLast()) : $0 } : answers[column]
    }
    let matching = decision.rows.filter { row in zip(row.cells, values).allSatisfy { Self.matches($0.0, $0.1) } }.map(\.output)
    return all ? matching : Array(matching.prefix(1))
  }

  /// The conclusion: `NeemContactOpMet` when a matching row gives it, else the first matching row's.
  func conclusion(_ answers: [String: String]) -> String? {
    let matching = output(top, answers, all: true).map { String($0.dropFirst().dropLast()) }
    return matching.contains("NeemContactOpMet") ? "NeemContactOpMet" : matching.first
  }
}
