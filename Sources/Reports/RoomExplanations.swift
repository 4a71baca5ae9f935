import Engine
import Room
import Rulebook
import RuleLanguage

/// One item of room to manoeuvre, in words: what the renderers show.
public struct RoomLine: Sendable {
  public var item: RoomItem
  public var rule: String?
  public var text: String
  public var citation: Citation?
  /// Every rule the same item was reached through (it is said once).
  public var rules: [String] = []

  public var kind: RoomKind { item.kind }
}

/// The sentences of a room analysis in one language.
public struct RoomExplanations: Sendable {
  public let language: String
  let formatter: ValueFormatter
  let explanations: Explanations

  public init(language: String) {
    self.language = language
    formatter = ValueFormatter(language: language)
    explanations = Explanations(language: language)
  }

  /// The sentences of room to manoeuvre in the answer's language.
  var words: any RoomWords { explanations.roomWords }
  /// The answer's other words (conjunctions, yes and no).
  var answerWords: any AnswerWords { explanations.words }

  /// Every item in words, in the order of `RoomAnalysis.items`.
  public func lines(_ room: RoomAnalysis, in evaluation: Evaluation) -> [RoomLine] {
    // The same item reached through several rules (an open norm two rules read, a hardship
    // clause and the 4:84 Awb duty saying the same) is said once, keeping every rule.
    var lines: [RoomLine] = []
    var seen: [String: Int] = [:]
    for item in room.items {
      guard var line = line(item, room, evaluation) else { continue }
      let key = "\(line.kind.rawValue)\u{1F}\(line.text)"
      if let index = seen[key] {
        if let rule = line.rule, !lines[index].rules.contains(rule) { lines[index].rules.append(rule) }
        continue
      }
      line.rules = line.rule.map { [$0] } ?? []
      seen[key] = lines.count
      lines.append(line)
    }
    return lines
  }

  /// An item in words; nil for a declared text that quotes a value not known yet.
  func line(_ item: RoomItem, _ room: RoomAnalysis, _ evaluation: Evaluation) -> RoomLine? {
    switch item {
    case .adjustment(let adjustment):
      RoomLine(item: item, rule: adjustment.rule, text: sentence(adjustment, evaluation, asking: room.questions), citation: citation(adjustment.rule, evaluation))
    case .discretion(let discretion):
      RoomLine(item: item, rule: discretion.rule, text: sentence(discretion, evaluation), citation: discretion.citation)
    case .openNorm(let norm):
      RoomLine(item: item, rule: norm.rule, text: sentence(norm, evaluation), citation: norm.citation)
    case .alternative(let route):
      explanations.filled(route.description.text(language), in: evaluation).map { text in
        RoomLine(
          item: item, rule: route.rule, text: text.trimmingSpacesAndNewlines + (route.grantedBy.map { " (\(authority($0)))" } ?? ""),
          citation: route.citation)
      }
    case .nearMiss(let miss):
      RoomLine(item: item, rule: miss.rule, text: sentence(miss, evaluation), citation: miss.citation)
    case .decidingUnknown(let unknown):
      RoomLine(item: item, rule: unknown.rules.first, text: sentence(unknown, evaluation), citation: nil)
    case .deadline(let check):
      RoomLine(item: item, rule: check.rule, text: sentence(check, room, evaluation), citation: check.citation)
    }
  }

  /// The label of a kind of room.
  public func label(_ kind: RoomKind) -> String {
    switch kind {
    case .adjustment: words.adjustment
    case .discretion: words.discretion
    case .openNorm: words.openNorm
    case .alternative: words.alternative
    case .nearMiss: words.nearMiss
    case .decidingUnknown: words.decidingUnknown
    case .deadline: words.deadline
    }
  }

  /// The citation of a rule by id, from the rulebook itself (an evaluation without findings,
  /// as a batch makes for its words, finds it too).
  func citation(_ rule: String?, _ evaluation: Evaluation) -> Citation? {
    guard let rule else { return nil }
    return evaluation.rulebook.epoch(on: evaluation.asOf).rules.first { $0.rule.id == rule }?.rule.citation
  }

  func changes(_ changes: [FactChange], _ evaluation: Evaluation) -> String {
    changes.map { change in
      let (to, from) = (valueText(change.to, of: change.fact, evaluation), valueText(change.from, of: change.fact, evaluation))
      return words.change(explanations.factName(change.fact, in: evaluation), to: to, from: from)
    }
    .joined(separator: " \(answerWords.and) ")
  }

  /// An authority with its article, in the answer's language: "de burgemeester", "het college
  /// van burgemeester en wethouders"; in English the English term with the Dutch one once in
  /// parentheses, "the mayor (burgemeester)".
  func authority(_ who: String) -> String { words.authority(who) }

  /// An authority without article, as a requirement names it: "burgemeester"; in English
  /// "mayor (burgemeester)".
  public func authorityName(_ who: String) -> String { words.authorityName(who) }

  /// A value as people read it: a choice by its label ("een woonstraat", without a closing
  /// period, as it stands inside a sentence), yes or no, a number in its unit.
  func valueText(_ value: Value, of name: String, _ evaluation: Evaluation) -> String {
    if case .enumCase(let name2) = value, let slot = evaluation.rulebook.slotsByName[name] {
      let fact = evaluation.rulebook.facts[slot]
      var labels = fact.valueLabels
      if case .enumeration(let type) = fact.type, let declared = evaluation.rulebook.definition.enumerations.first(where: { $0.name == type }) {
        labels.merge(declared.labels) { own, _ in own }
      }
      if let label = labels[name2]?.text(language), !label.isEmpty { return label.trimmingFinalPeriod }
    }
    if case .bool(let flag) = value { return flag ? answerWords.yes : answerWords.no }
    return formatter.format(value)
  }

  func verdict(_ verdict: VerdictSummary) -> String {
    // An open verdict names the levels it can still reach.
    guard !verdict.determined, verdict.possibleLevels.count > 1 else { return explanations.level(verdict.level) }
    return verdict.possibleLevels.map(explanations.level).joined(separator: " \(answerWords.or) ")
  }

  /// What the rules require, by name; a rule that only informs ("no separate notification
  /// next to a permit") names nothing to obtain and is left out.
  func ruleNames(_ ids: [String], _ evaluation: Evaluation) -> String {
    ids.compactMap { id in
      guard let rule = evaluation.rulebook.epoch(on: evaluation.asOf).rules.first(where: { $0.rule.id == id })?.rule else { return id }
      let name = rule.outcome.name.text(language)
      if name.isEmpty, rule.outcome.kind == .information { return nil }
      return name.isEmpty ? rule.title.text(language) : name
    }.joined(separator: ", ")
  }

  /// An adjustment in words. "As far as known" names the facts it still depends on that are
  /// still worth asking (`asking`, the interview's list), or says "other answers" when those
  /// are none of them.
  func sentence(_ adjustment: Adjustment, _ evaluation: Evaluation, asking: [String] = []) -> String {
    // An adjustment "as far as known" says so once, with what it still depends on.
    let after = adjustment.dependsOn.isEmpty ? verdict(adjustment.verdictAfter) : explanations.level(adjustment.verdictAfter.level)
    var text = words.with(changes(adjustment.changes, evaluation), verdict: after)
    let removed = ruleNames(adjustment.removes, evaluation)
    if !removed.isEmpty { text += words.noLongerNeeded(removed) }
    let needed = ruleNames(adjustment.verdictAfter.required, evaluation)
    if !needed.isEmpty { text += words.thenNeeded(needed) }
    if !adjustment.exact { text += words.approximate }
    if !adjustment.dependsOn.isEmpty {
      let deciding = adjustment.dependsOn.filter { asking.isEmpty || asking.contains($0) }
      if deciding.isEmpty || deciding.count > 3 {
        text += words.otherAnswersMayChangeIt
      } else {
        let facts = deciding.map { explanations.factName($0, in: evaluation) }.joined(separator: " \(answerWords.and) ")
        text += words.stillDependsOn(facts)
      }
    }
    return text + "."
  }

  func sentence(_ item: DiscretionItem, _ evaluation: Evaluation) -> String {
    let who = item.grantedBy ?? words.competentAuthority
    let description = (explanations.filled(item.description.text(language), in: evaluation) ?? "").trimmingSpacesAndNewlines
    var text: String
    switch item.kind {
    case .exemption: text = words.exemption(by: who)
    case .hardship: text = words.hardship(who)
    case .experiment: text = words.experiment(who)
    case .policyDeviation: return words.policyDeviation(ruleNames([item.rule], evaluation), by: who)
    }
    if !description.isEmpty { text += ": " + description.trimmingFinalPeriod }
    if let askBy = item.askBy, let deadline = item.deadline {
      text += words.applyBy("\(askBy)", inAdvance: formatter.format(deadline))
    }
    return text + "."
  }

  func sentence(_ norm: OpenNorm, _ evaluation: Evaluation) -> String {
    let who = norm.assessedBy ?? words.official
    var turnsOn = norm.turnsOn.text(language).trimmingSpacesAndNewlines
    if turnsOn.isEmpty { turnsOn = explanations.factName(norm.fact, in: evaluation) }
    let value = valueText(norm.value, of: norm.fact, evaluation)
    // Not given by the initiative: the judgement is presumed until the official assesses it.
    let presumed = !evaluation.initiative.facts.contains { $0.name == norm.fact && $0.text != nil }
    let named = authority(who)
    let who1 = named.prefix(1).uppercased() + named.dropFirst()
    return presumed ? words.assesses(who1, turnsOn, presuming: value) : words.assesses(who1, turnsOn, given: value)
  }

  /// How far `value` lies from `limit`, in the fact's own unit, with the side it lies on:
  /// "30 minuten voor", "10 boven", "0,1 m onder"; nil when they are equal.
  func distance(from value: Value, to limit: Value) -> String? {
    guard value != limit else { return nil }
    let below = ValueOrder.less(value, limit)
    let (high, low) = below ? (limit, value) : (value, limit)
    let gap: Value?
    var side = below ? words.below : words.above
    switch (high, low) {
    case (.time(let a), .time(let b)):
      gap = .duration(Int64(a.minutes - b.minutes))
      side = below ? words.before : words.after
    case (.date(let a), .date(let b)):
      let days = a.daysSinceEpoch - b.daysSinceEpoch
      return words.days(days, below ? words.before : words.after)
    case (.integer(let a), .integer(let b)): gap = .integer(a - b)
    case (.money(let a), .money(let b)): gap = .money(a - b)
    case (.duration(let a), .duration(let b)): gap = .duration(a - b)
    case (.workingDays(let a), .workingDays(let b)): gap = .workingDays(a - b)
    case (.decimal(let a), .decimal(let b)): gap = FixedDecimal.subtracting(a, b).map(Value.decimal)
    case (.quantity(let a, let unit), .quantity(let b, let other)) where unit == other: gap = FixedDecimal.subtracting(a, b).map { .quantity($0, unit) }
    default: gap = nil
    }
    guard let gap else { return nil }
    return "\(formatter.format(gap)) \(side)"
  }

  func sentence(_ miss: NearMiss, _ evaluation: Evaluation) -> String {
    let name = explanations.factName(miss.fact, in: evaluation)
    let value = valueText(miss.value, of: miss.fact, evaluation)
    let limit = valueText(miss.threshold, of: miss.fact, evaluation)
    let crossing = valueText(miss.crossing, of: miss.fact, evaluation)
    let subject = name.prefix(1).uppercased() + name.dropFirst()
    let consequence = consequence(miss, evaluation)
    guard let distance = distance(from: miss.value, to: miss.threshold) else {
      return words.atLimit(subject, value: value, limit: limit, crossing: crossing, consequence: consequence)
    }
    return words.near(subject, value: value, distance: distance, limit: limit, crossing: crossing, consequence: consequence)
  }

  /// What crossing the limit changes: the verdict, or, where another rule already sets the
  /// verdict (an alcohol exemption makes it "permit required" either way), what is needed
  /// besides.
  func consequence(_ miss: NearMiss, _ evaluation: Evaluation) -> String {
    let (now, across) = (evaluation.verdict, miss.verdictAcross)
    let sameVerdict = across.level == now.level && across.determined == now.determined && (now.determined || across.possibleLevels == now.possibleLevels)
    let added = ruleNames(across.required.filter { id in !now.required.contains { $0.rule == id } }, evaluation)
    guard sameVerdict, !added.isEmpty else { return words.verdictBecomes(verdict(across)) }
    return words.alsoNeeded(added)
  }

  func sentence(_ unknown: DecidingUnknown, _ evaluation: Evaluation) -> String {
    let question = evaluation.rulebook.slotsByName[unknown.fact].map { evaluation.rulebook.facts[$0].question.text(language) } ?? ""
    // Answers with the same verdict are named together, in the order they first come.
    var groups: [(verdict: String, values: [String])] = []
    for (value, after) in answers(unknown, evaluation) {
      if let index = groups.firstIndex(where: { $0.verdict == after }) {
        groups[index].values.append(value)
      } else {
        groups.append((after, [value]))
      }
    }
    let sides = groups.map { "\(explanations.list($0.values, conjunction: answerWords.or)) → \($0.verdict)" }.joined(separator: "; ")
    let asked = question.isEmpty ? explanations.factName(unknown.fact, in: evaluation) : question.trimmingSpacesAndNewlines
    return words.answerDecides(asked, sides)
  }

  /// Each answer in words with the verdict it gives. A count's answers are ranges: its
  /// candidates are the values at its limits and between two of them the verdict stays, so
  /// runs of candidates with one verdict that meet read "hoogstens 12", "13 tot en met 150",
  /// "151 of meer". (Between the candidates of a measure, which side a value falls on depends
  /// on the limit, so those are named one by one.)
  func answers(_ unknown: DecidingUnknown, _ evaluation: Evaluation) -> [(value: String, verdict: String)] {
    let plain = unknown.outcomes.map { (valueText($0.value, of: unknown.fact, evaluation), verdict($0.verdict)) }
    guard let slot = evaluation.rulebook.slotsByName[unknown.fact], Self.isCount(evaluation.rulebook.facts[slot].type), plain.count > 2,
      unknown.outcomes.allSatisfy({ Self.count($0.value) != nil })
    else { return plain }
    var runs: [(first: Value, last: Value, verdict: String)] = []
    for outcome in unknown.outcomes.sorted(by: { Self.count($0.value)! < Self.count($1.value)! }) {
      let after = verdict(outcome.verdict)
      if let last = runs.last, last.verdict == after {
        runs[runs.count - 1].last = outcome.value
      } else {
        runs.append((outcome.value, outcome.value, after))
      }
    }
    guard runs.count > 1, zip(runs, runs.dropFirst()).allSatisfy({ Self.count($1.first)! == Self.count($0.last)! + 1 }) else { return plain }
    return runs.enumerated().map { index, run in
      let (first, last) = (valueText(run.first, of: unknown.fact, evaluation), valueText(run.last, of: unknown.fact, evaluation))
      if index == 0 { return (words.atMost(last), run.verdict) }
      if index == runs.count - 1 { return (words.orMore(first), run.verdict) }
      return (first == last ? first : words.range(first, last), run.verdict)
    }
  }

  /// Whether values of `type` are whole numbers (a count of people, days, working days).
  static func isCount(_ type: ValueType) -> Bool {
    switch type {
    case .integer, .workingDays: true
    default: false
    }
  }

  /// The whole number a count holds.
  static func count(_ value: Value) -> Int64? {
    switch value {
    case .integer(let n), .workingDays(let n): n
    default: nil
    }
  }

  func sentence(_ check: DeadlineCheck, _ room: RoomAnalysis, _ evaluation: Evaluation) -> String {
    var name = check.name.text(language).trimmingSpacesAndNewlines.trimmingFinalPeriod
    if name.isEmpty { name = ruleNames([check.rule], evaluation) }
    let date = evaluation.initiative.date.map(\.description) ?? "?"
    let period = formatter.format(check.deadline)
    var text = words.due(name, by: "\(check.latestDay)", period: period, before: date)
    text += check.feasible ? words.stillPossible(check.workingDaysLeft) : words.tooLate
    switch check.route {
    case .afterAdjustment(let index) where index < room.adjustments.count:
      text += words.afterChanging(changes(room.adjustments[index].changes, evaluation))
    case .room:
      text += words.toApply
    default:
      break
    }
    return text + "."
  }
}

extension String {
  var trimmingFinalPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
