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
  let words: Explanations

  public init(language: String) {
    self.language = language
    formatter = ValueFormatter(language: language)
    words = Explanations(language: language)
  }

  var en: Bool { language == "en" }

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
      words.filled(route.description.text(language), in: evaluation).map { text in
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
    case .adjustment: en ? "Adjustment" : "Aanpassing"
    case .discretion: en ? "Discretion" : "Beleidsruimte"
    case .openNorm: "Open norm"
    case .alternative: en ? "Alternative" : "Alternatief"
    case .nearMiss: en ? "Near miss" : "Krap"
    case .decidingUnknown: en ? "Deciding unknown" : "Nog onbekend"
    case .deadline: en ? "Deadline" : "Termijn"
    }
  }

  /// The citation of a rule by id, from the rulebook itself (an evaluation without findings,
  /// as a batch makes for its words, finds it too).
  func citation(_ rule: String?, _ evaluation: Evaluation) -> Citation? {
    guard let rule else { return nil }
    return evaluation.rulebook.epoch(on: evaluation.asOf).rules.first { $0.rule.id == rule }?.rule.citation
  }

  func changes(_ changes: [FactChange], _ evaluation: Evaluation) -> String {
    changes.map {
      "\(words.factName($0.fact, in: evaluation)) \(valueText($0.to, of: $0.fact, evaluation)) " + (en ? "instead of " : "in plaats van ")
        + valueText($0.from, of: $0.fact, evaluation)
    }
    .joined(separator: en ? " and " : " en ")
  }

  /// An authority with its article, in the answer's language: "de burgemeester", "het college
  /// van burgemeester en wethouders"; in English the English term with the Dutch one once in
  /// parentheses, "the mayor (burgemeester)".
  func authority(_ who: String) -> String {
    // A body with a name of its own ("Opzoomer Mee") takes no article.
    if en { return Self.englishAuthority[who].map { ($0.first?.isUppercase == true ? "" : "the ") + authorityName(who) } ?? who }
    if who.hasPrefix("de ") || who.hasPrefix("het ") { return who }
    return (who.hasPrefix("college") ? "het " : "de ") + who
  }

  static let englishAuthority = [
    "burgemeester": "mayor", "college van burgemeester en wethouders": "municipal executive", "gemeenteraad": "municipal council",
    "college": "municipal executive", "wijkraad": "district council", "stadsdeel": "city district",
    "stadsdeel West": "West city district", "bestuursorgaan": "administrative body",
    "college van burgemeester en wethouders (wijkraad)": "municipal executive, advised by the district council",
    "Opzoomer Mee (namens de gemeente Rotterdam)": "Opzoomer Mee, on behalf of the municipality of Rotterdam",
  ]

  /// An authority without article, as a requirement names it: "burgemeester"; in English
  /// "mayor (burgemeester)".
  public func authorityName(_ who: String) -> String {
    // The Dutch name follows once, in parentheses, unless it holds parentheses of its own.
    en ? Self.englishAuthority[who].map { who.contains("(") ? $0 : "\($0) (\(who))" } ?? who : who
  }

  /// A value as people read it: a choice by its label ("een woonstraat"), else formatted.
  func valueText(_ value: Value, of name: String, _ evaluation: Evaluation) -> String {
    if case .enumCase(let name2) = value, let slot = evaluation.rulebook.slotsByName[name] {
      let fact = evaluation.rulebook.facts[slot]
      var labels = fact.valueLabels
      if case .enumeration(let type) = fact.type, let declared = evaluation.rulebook.definition.enumerations.first(where: { $0.name == type }) {
        labels.merge(declared.labels) { own, _ in own }
      }
      if let label = labels[name2]?.text(language), !label.isEmpty { return label }
    }
    if case .bool(let flag) = value { return flag ? (en ? "yes" : "ja") : (en ? "no" : "nee") }
    return formatter.format(value)
  }

  func verdict(_ verdict: VerdictSummary) -> String {
    // An open verdict names the levels it can still reach.
    guard !verdict.determined, verdict.possibleLevels.count > 1 else { return words.level(verdict.level) }
    return verdict.possibleLevels.map(words.level).joined(separator: en ? " or " : " of ")
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
    var text = (en ? "With " : "Met ") + changes(adjustment.changes, evaluation) + (en ? " the verdict is: " : " is het oordeel: ")
      + (adjustment.dependsOn.isEmpty ? verdict(adjustment.verdictAfter) : words.level(adjustment.verdictAfter.level))
    let removed = ruleNames(adjustment.removes, evaluation)
    if !removed.isEmpty { text += (en ? "; no longer needed: " : "; niet meer nodig: ") + removed }
    let needed = ruleNames(adjustment.verdictAfter.required, evaluation)
    if !needed.isEmpty { text += (en ? "; then needed: " : "; dan nodig: ") + needed }
    if !adjustment.exact { text += en ? " (approximate: the limit combines facts)" : " (benadering: de grens combineert feiten)" }
    if !adjustment.dependsOn.isEmpty {
      let deciding = adjustment.dependsOn.filter { asking.isEmpty || asking.contains($0) }
      if deciding.isEmpty || deciding.count > 3 {
        text += en ? " (as far as known: other answers can still change it)" : " (voor zover bekend: andere antwoorden kunnen dit nog veranderen)"
      } else {
        let facts = deciding.map { words.factName($0, in: evaluation) }.joined(separator: en ? " and " : " en ")
        text += en ? " (as far as known: it still depends on \(facts))" : " (voor zover bekend: het hangt nog af van \(facts))"
      }
    }
    return text + "."
  }

  func sentence(_ item: DiscretionItem, _ evaluation: Evaluation) -> String {
    let who = item.grantedBy ?? (en ? "the authority" : "het bevoegd gezag")
    let description = (words.filled(item.description.text(language), in: evaluation) ?? "").trimmingSpacesAndNewlines
    var text: String
    switch item.kind {
    case .exemption: text = en ? "Exemption (ontheffing) by \(who)" : "Ontheffing door \(who)"
    case .hardship: text = en ? "Hardship clause: \(who) may deviate" : "Hardheidsclausule: \(who) kan afwijken"
    case .experiment: text = en ? "Experiment clause: \(who) may allow it" : "Experimenteerbepaling: \(who) kan het toestaan"
    case .policyDeviation:
      let rule = ruleNames([item.rule], evaluation)
      return en
        ? "\(rule) rests on a policy rule (beleidsregel): \(who) must deviate from it where its consequences for you would be disproportionate to its purpose because of special circumstances (art. 4:84 Awb)."
        : "\(rule) rust op een beleidsregel: \(who) moet daarvan afwijken als de gevolgen voor u wegens bijzondere omstandigheden onevenredig zijn in verhouding tot het doel (art. 4:84 Awb)."
    }
    if !description.isEmpty { text += ": " + description.trimmingFinalPeriod }
    if let askBy = item.askBy, let deadline = item.deadline {
      text += en ? "; apply by \(askBy) (\(formatter.format(deadline)) in advance)" : "; aanvragen uiterlijk \(askBy) (\(formatter.format(deadline)) van tevoren)"
    }
    return text + "."
  }

  func sentence(_ norm: OpenNorm, _ evaluation: Evaluation) -> String {
    let who = norm.assessedBy ?? (en ? "an official" : "een ambtenaar")
    var turnsOn = norm.turnsOn.text(language).trimmingSpacesAndNewlines
    if turnsOn.isEmpty { turnsOn = words.factName(norm.fact, in: evaluation) }
    let value = valueText(norm.value, of: norm.fact, evaluation)
    // Not given by the initiative: the judgement is presumed until the official assesses it.
    let presumed = !evaluation.initiative.facts.contains { $0.name == norm.fact && $0.text != nil }
    let named = authority(who)
    let who1 = named.prefix(1).uppercased() + named.dropFirst()
    if presumed {
      return en
        ? "\(who1) assesses \(turnsOn); until then the answer assumes: \(value)."
        : "\(who1) beoordeelt \(turnsOn); tot dan gaat dit antwoord uit van: \(value)."
    }
    return en ? "\(who1) assesses \(turnsOn) (as given: \(value))." : "\(who1) beoordeelt \(turnsOn) (volgens de aanvraag: \(value))."
  }

  /// How far `value` lies from `limit`, in the fact's own unit, with the side it lies on:
  /// "30 minuten voor", "10 boven", "0,1 m onder"; nil when they are equal.
  func distance(from value: Value, to limit: Value) -> String? {
    guard value != limit else { return nil }
    let below = ValueOrder.less(value, limit)
    let (high, low) = below ? (limit, value) : (value, limit)
    let gap: Value?
    var side = en ? (below ? "below" : "above") : (below ? "onder" : "boven")
    switch (high, low) {
    case (.time(let a), .time(let b)):
      gap = .duration(Int64(a.minutes - b.minutes))
      side = en ? (below ? "before" : "after") : (below ? "voor" : "na")
    case (.date(let a), .date(let b)):
      let days = a.daysSinceEpoch - b.daysSinceEpoch
      side = en ? (below ? "before" : "after") : (below ? "voor" : "na")
      return en ? "\(days) day\(days == 1 ? "" : "s") \(side)" : "\(days) dag\(days == 1 ? "" : "en") \(side)"
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
    let name = words.factName(miss.fact, in: evaluation)
    let value = valueText(miss.value, of: miss.fact, evaluation)
    let limit = valueText(miss.threshold, of: miss.fact, evaluation)
    let crossing = valueText(miss.crossing, of: miss.fact, evaluation)
    let subject = name.prefix(1).uppercased() + name.dropFirst()
    let verdictAcross = verdict(miss.verdictAcross)
    guard let distance = distance(from: miss.value, to: miss.threshold) else {
      return en
        ? "\(subject) (\(value)) is right at the limit of \(limit); at \(crossing) the verdict would be: \(verdictAcross)."
        : "\(subject) (\(value)) ligt precies op de grens van \(limit); bij \(crossing) wordt het oordeel: \(verdictAcross)."
    }
    return en
      ? "\(subject) (\(value)) is \(distance) the limit of \(limit); at \(crossing) the verdict would be: \(verdictAcross)."
      : "\(subject) (\(value)) ligt \(distance) de grens van \(limit); bij \(crossing) wordt het oordeel: \(verdictAcross)."
  }

  func sentence(_ unknown: DecidingUnknown, _ evaluation: Evaluation) -> String {
    let question = evaluation.rulebook.slotsByName[unknown.fact].map { evaluation.rulebook.facts[$0].question.text(language) } ?? ""
    // Answers with the same verdict are named together, in the order they first come.
    var groups: [(verdict: String, values: [String])] = []
    for outcome in unknown.outcomes {
      let (value, after) = (valueText(outcome.value, of: unknown.fact, evaluation), verdict(outcome.verdict))
      if let index = groups.firstIndex(where: { $0.verdict == after }) {
        groups[index].values.append(value)
      } else {
        groups.append((after, [value]))
      }
    }
    let sides = groups.map { "\(words.list($0.values, conjunction: en ? "or" : "of")) → \($0.verdict)" }.joined(separator: "; ")
    let asked = question.isEmpty ? words.factName(unknown.fact, in: evaluation) : question.trimmingSpacesAndNewlines
    return en ? "\(asked) The answer decides the verdict: \(sides)." : "\(asked) Het antwoord bepaalt het oordeel: \(sides)."
  }

  func sentence(_ check: DeadlineCheck, _ room: RoomAnalysis, _ evaluation: Evaluation) -> String {
    var name = check.name.text(language).trimmingSpacesAndNewlines.trimmingFinalPeriod
    if name.isEmpty { name = ruleNames([check.rule], evaluation) }
    let date = evaluation.initiative.date.map(\.description) ?? "?"
    let period = formatter.format(check.deadline)
    var text = en
      ? "\(name): due by \(check.latestDay) (\(period) before \(date)); "
      : "\(name): uiterlijk \(check.latestDay) indienen (\(period) vóór \(date)); "
    if check.feasible {
      let days = check.workingDaysLeft
      text += en ? "still possible (\(days) working day\(days == 1 ? "" : "s") left)" : "nog haalbaar (nog \(days) werkdag\(days == 1 ? "" : "en"))"
    } else {
      text += en ? "too late: that day has passed" : "te laat: die dag is voorbij"
    }
    switch check.route {
    case .afterAdjustment(let index) where index < room.adjustments.count:
      text += (en ? ", if " : ", als ") + changes(room.adjustments[index].changes, evaluation)
    case .room:
      text += en ? " (to apply for it)" : " (om het aan te vragen)"
    default:
      break
    }
    return text + "."
  }
}

extension String {
  var trimmingFinalPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
