import ArgumentParser
import Engine
import Foundation
import Reports
import Room
import Rulebook
import RuleLanguage
import SourceDiagnostics
import YAMLTree

extension Bricoleur {
  /// `bricoleur ask [FILE]`: an adaptive interview that asks only what can still change the verdict.
  struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Ask the questions that settle the verdict, one at a time, then give the verdict with its reasons.",
      discussion: "Answers are read from standard input, one per line; an empty input ends the interview early."
    )

    @Argument(help: "An initiative to start from (YAML or JSON). Without it, start from nothing.")
    var file: String?

    @Option(help: "The municipality's rulebook, when starting from nothing.")
    var municipality: String?

    @Option(help: "A folder of rulebooks (like Rules/). Default: the shipped Rules/.")
    var rules: String?

    @Option(help: "Language of the questions: nl or en.")
    var lang: String?

    @Option(help: "Count deadlines from this date (YYYY-MM-DD) instead of today.")
    var today: String?

    func validate() throws {
      if file == nil && municipality == nil { throw ValidationError("give an initiative file or --municipality") }
      if let lang, !["nl", "en"].contains(lang) { throw ValidationError("--lang must be nl or en, not '\(lang)'") }
      if let today, InputValueParser.date(today) == nil { throw ValidationError("--today must be a date like 2026-07-04, not '\(today)'") }
    }

    func run() throws {
      let engine = try LoadedRules.engine(rules, answering: municipality.map { [$0] } ?? LoadedRules.municipalities(in: file.map { [$0] } ?? []))
      let (started, selection) = try start(engine)
      var interview = started
      let language = lang ?? interview.initiative.language ?? "nl"
      let words = Explanations(language: language).words
      while let question = interview.nextQuestion() {
        printOut(prompt(question, language: language, rulebook: interview.rulebook))
        guard let line = readLine(strippingNewline: true) else {
          printOut("\n\(words.noMoreAnswers)\n")
          break
        }
        var text = line.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { continue }
        // A choice may be answered by its number in the list.
        if let choices = question.choices, let number = Int(text), choices.indices.contains(number - 1) { text = choices[number - 1] }
        if let problem = interview.answer(question.fact.name, text: text, language: language) {
          printOut("  " + problem.message + (problem.help.map { " (\($0))" } ?? "") + "\n")
        }
      }
      var evaluation = interview.evaluation()
      evaluation.selection = selection
      let room = RoomAnalyzer().analyze(evaluation, today: today.flatMap(InputValueParser.date) ?? CalendarDay.today)
      printOut("\n" + EvaluationTextRenderer(language: language).render(evaluation, room: room))
    }

    /// The interview, and how its rulebook was chosen (so that a fallback is stated).
    func start(_ engine: RuleEngine) throws -> (Interview, RulebookSelection?) {
      guard let file else {
        let name = municipality ?? ""
        guard let (rulebook, selection) = engine.library.select(forInitiativeIn: name) else {
          throw ValidationError("no rulebook for municipality '\(name)'; \(engine.library.unknownMunicipalityHelp(name))")
        }
        return (Interview(initiative: Initiative(id: "ask", municipality: name, language: lang), rulebook: rulebook), selection)
      }
      let (source, problems) = try YAMLSource.load(path: file)
      var options = RuleEngine.CheckOptions()
      options.rulebook = municipality
      let result = problems.isEmpty ? engine.check(file: source, options: options).first : nil
      guard let evaluation = result?.evaluation else {
        printError(DiagnosticTextRenderer().render(problems + (result?.diagnostics ?? [])))
        throw ExitCode.failure
      }
      return (Interview(evaluation: evaluation), evaluation.selection)
    }

    /// The question with its help and the allowed answers: a choice by its label, numbered (the
    /// number, the label or the value's name answer it).
    func prompt(_ question: Interview.Question, language: String, rulebook: CompiledRulebook) -> String {
      let fact = question.fact
      var text = fact.question.text(language)
      if text.isEmpty { text = fact.label.text(language) }
      if text.isEmpty { text = fact.name }
      var lines = ["", text]
      let help = fact.help.text(language)
      if !help.isEmpty { lines.append("  " + help) }
      if let choices = question.choices {
        // The labels of the fact's own values, else of its enumeration.
        var labels = fact.valueLabels
        if case .enumeration(let type) = fact.type, let declared = rulebook.definition.enumerations.first(where: { $0.name == type }) {
          labels.merge(declared.labels) { own, _ in own }
        }
        for (position, choice) in choices.enumerated() {
          let label = labels[choice]?.text(language) ?? ""
          lines.append("  \(position + 1). \(label.isEmpty ? choice : label)")
        }
      } else if fact.type == .bool {
        let words = Explanations(language: language).words
        lines.append("  \(words.yes) / \(words.no)")
      }
      return lines.joined(separator: "\n") + "\n> "
    }
  }
}
