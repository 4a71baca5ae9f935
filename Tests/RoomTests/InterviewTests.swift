import Engine
import Room
import Rulebook
import RuleLanguage
import Testing

@Suite struct InterviewTests {
  static let incomplete = exampleEvaluations.filter { !$0.evaluation.verdict.determined }.map(\.path)

  @Test func someExamplesAreIncomplete() {
    #expect(Self.incomplete.count >= 3)
  }

  enum Strategy: String, CaseIterable, Sendable { case first, last, middle }

  /// The interview settles every incomplete example, whatever the answers, and every question
  /// it asks can change the verdict on its own.
  @Test(arguments: incomplete, Strategy.allCases)
  func interviewSettlesTheVerdict(_ path: String, _ strategy: Strategy) throws {
    let evaluation = try #require(evaluations(path).first)
    var interview = Interview(evaluation: evaluation)
    var count = 0
    while let question = interview.nextQuestion() {
      count += 1
      try #require(count <= 30, "\(path): the interview does not end")
      #expect(question.decidesAlone, "\(path): '\(question.fact.name)' cannot change the verdict on its own")
      let before = interview.decision
      let verdicts = Set(question.outcomes.map(\.verdict.level)).count + Set(question.outcomes.map(\.verdict.determined)).count
      #expect(verdicts > 2 || question.outcomes.contains { $0.verdict.determined != before.determined || $0.verdict.level != before.level },
        "\(path): every answer to '\(question.fact.name)' gives the same verdict")
      let answers = question.outcomes.map(\.value)
      let answer = try #require(strategy == .first ? answers.first : strategy == .last ? answers.last : answers[answers.count / 2])
      #expect(interview.answer(question.fact.name, value: answer) == nil)
    }
    #expect(interview.isSettled, "\(path): still open after \(interview.asked)")
    #expect(!interview.asked.isEmpty)
  }

  @Test func aBadAnswerIsRefusedWithTheReason() throws {
    let evaluation = try #require(evaluations("Examples/amsterdam/festival-onvolledig.yaml").first)
    var interview = Interview(evaluation: evaluation)
    let question = try #require(interview.nextQuestion())
    let refused = interview.answer(question.fact.name, text: "heel hard")
    let problem = try #require(refused)
    #expect(problem.message.contains("heel hard"))
    #expect(interview.asked.isEmpty)
  }

  @Test func fromNothingTheDateComesFirstAndTheInterviewEnds() throws {
    let rulebook = try #require(shippedEngine.library.rulebook(for: "borne"))
    var interview = Interview(initiative: Initiative(id: "ask", municipality: "borne"), rulebook: rulebook)
    let first = try #require(interview.nextQuestion())
    #expect(first.fact.name == "date")
    #expect(interview.answer("date", text: "2026-07-04") == nil)
    var count = 0
    while let question = interview.nextQuestion(), count < 60 {
      count += 1
      let value = question.outcomes.first?.value ?? (question.fact.type == .bool ? .bool(false) : .unknown)
      if value.isUnknown { break }
      #expect(interview.answer(question.fact.name, value: value) == nil)
    }
    #expect(interview.isSettled, "asked \(interview.asked)")
  }
}
