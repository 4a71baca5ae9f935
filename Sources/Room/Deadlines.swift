import Engine
import Rulebook
import RuleLanguage

/// Whether each route's deadline can still be met: the procedure's deadline counted back from
/// the initiative's date (working days skip weekends and Dutch public holidays), compared with
/// today.
enum Deadlines {
  /// The last day to submit for an initiative on `date` with `deadline` (a duration, rounded up
  /// to whole days, or working days).
  public static func latestDay(before date: CalendarDay?, deadline: Value) -> CalendarDay? {
    guard let date else { return nil }
    switch deadline {
    case .workingDays(let days): return DutchCalendar.addWorkingDays(date, -days)
    case .duration(let minutes): return date.advanced(by: -((minutes + 1439) / 1440))
    default: return nil
    }
  }

  /// - Complexity: O(*r* · *d*) for *r* routes and *d* days to the initiative's date.
  static func checks(_ evaluation: Evaluation, adjustments: [Adjustment], today: CalendarDay?) -> [DeadlineCheck] {
    guard let today, let date = evaluation.initiative.date else { return [] }
    let epoch = evaluation.rulebook.epoch(on: evaluation.asOf)
    var items: [DeadlineCheck] = []
    var seen = Set<String>()
    func add(_ compiled: CompiledRule, _ route: DeadlineCheck.Route, deadline: Value?, name: LocalizedText) {
      guard let deadline, let latest = latestDay(before: date, deadline: deadline) else { return }
      items.append(
        DeadlineCheck(
          rule: compiled.rule.id, route: route, level: compiled.level, name: name, deadline: deadline, latestDay: latest, today: today,
          feasible: today <= latest, workingDaysLeft: DutchCalendar.workingDaysBetween(today, latest), citation: compiled.rule.citation))
    }
    // A rule not yet known to be about the initiative (its scope is open) sets no deadline yet.
    for finding in evaluation.findings where finding.status != .doesNotApply && !finding.scopeOpen {
      let compiled = finding.rule
      if seen.insert(compiled.rule.id).inserted { add(compiled, .current, deadline: compiled.deadline, name: compiled.rule.outcome.name) }
      guard (compiled.level ?? .allowed) > .allowed else { continue }
      for (position, room) in compiled.rule.room.enumerated() where position < compiled.roomDeadlines.count {
        add(compiled, .room(position), deadline: compiled.roomDeadlines[position], name: room.description)
      }
    }
    let byID = Dictionary(epoch.rules.map { ($0.rule.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (position, adjustment) in adjustments.enumerated() {
      for id in adjustment.verdictAfter.required where !seen.contains(id) {
        guard let compiled = byID[id] else { continue }
        seen.insert(id)
        add(compiled, .afterAdjustment(position), deadline: compiled.deadline, name: compiled.rule.outcome.name)
      }
    }
    return items
  }
}
