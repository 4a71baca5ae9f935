import Engine
import Room
import Rulebook
import RuleLanguage

/// What every worker shares: the rulebooks with their lookup tables, and the options.
public struct BatchContext: Sendable {
  /// A compiled rulebook with its evaluator and fact-name table.
  final class Book: Sendable {
    let compiled: CompiledRulebook
    let evaluator: Evaluator
    let slots: FactSlotTable
    /// The fixed parts of its output records.
    let fragments: OutputFragments

    /// - Parameter own: whether its evaluator derives decision plans of its own (see
    ///   `BatchContext.forWorker()`).
    init(compiled: CompiledRulebook, own: Bool = false) {
      self.compiled = compiled
      evaluator = own ? Evaluator(ownPlansFor: compiled) : Evaluator(rulebook: compiled)
      slots = FactSlotTable(rulebook: compiled)
      fragments = OutputFragments(compiled)
    }

    /// The position in `compiled.epochs` of the epoch in force on `day`, as `epoch(on:)` chooses.
    @inline(__always)
    func epochIndex(on day: CalendarDay?) -> Int {
      guard let day, compiled.epochs.count > 1 else { return 0 }
      return compiled.epochs.firstIndex { $0.validity.contains(day) } ?? 0
    }
  }

  private(set) var books: [String: Book]
  /// The rulebooks and the register of municipalities, for names that are no rulebook id.
  let library: RulebookLibrary
  /// The rulebook to use when a record names no municipality (or always, when forced).
  private(set) var defaultBook: Book?
  let forced: Bool
  let asOf: CalendarDay?
  let format: OutputFormat
  /// Whether to collect each record's details for a report.
  public var details = false
  /// Room analysis for every record (`--room`): its adjustments and questions.
  public var room: RoomAnalyzer?

  /// - Parameters:
  ///   - rulebook: use this rulebook for every record; otherwise the record's municipality
  ///     chooses, and a library with one rulebook serves records that name none.
  public init(library: RulebookLibrary, rulebook: String?, asOf: CalendarDay?, format: OutputFormat) {
    var books: [String: Book] = [:]
    for (id, compiled) in library.rulebooks {
      books[id] = Book(compiled: compiled)
    }
    self.books = books
    self.library = library
    if let rulebook, let compiled = library.rulebook(for: rulebook) {
      defaultBook = books[compiled.id]
      forced = true
    } else {
      defaultBook = books.count == 1 ? books.values.first : nil
      forced = false
    }
    self.asOf = asOf
    self.format = format
  }

  /// The same context with rulebook tables, output fragments and decision plans of its own, for
  /// one worker thread: what a worker touches for every record is then its own, so workers on
  /// different cores do not contend for the same reference counts. With room analysis, which
  /// reads the compiled rules throughout, each worker compiles the rulebooks again for itself.
  func forWorker() -> BatchContext {
    var copy = self
    var own: [ObjectIdentifier: Book] = [:]
    func owned(_ book: Book) -> Book {
      if let existing = own[ObjectIdentifier(book)] { return existing }
      let made = Book(compiled: room == nil ? book.compiled : book.compiled.compiledAgain(), own: true)
      own[ObjectIdentifier(book)] = made
      return made
    }
    copy.books = books.mapValues(owned)
    copy.defaultBook = defaultBook.map(owned)
    return copy
  }

  /// The rulebook of every record that names no other municipality: the forced one, or the only
  /// one. Records can then be bound while they are read.
  var soleBook: Book? { onePass && (forced || books.count == 1) ? defaultBook : nil }
  /// Whether records of a sole rulebook are bound in one pass (tests compare both paths).
  var onePass = true

  /// The rulebook for a record's municipality as `RulebookLibrary.select(_:)` resolves it, with
  /// the selection when the model answers for a municipality without a rulebook of its own.
  func select(_ municipality: String?) -> (book: Book, fallback: RulebookSelection?)? {
    if forced { return defaultBook.map { ($0, nil) } }
    guard let municipality else { return defaultBook.map { ($0, nil) } }
    if let book = books[municipality] { return (book, nil) }
    guard let (compiled, selection) = library.select(forInitiativeIn: municipality), let book = books[compiled.id] else { return nil }
    return (book, selection.fallback ? selection : nil)
  }

  func rulebook(for municipality: String?) -> Book? {
    select(municipality)?.book
  }

  func noRulebookMessage(_ municipality: String?) -> String {
    municipality.map { "no rulebook for municipality '\($0)'" } ?? "the record names no municipality"
  }

  /// The help for a record whose municipality has no rulebook: did-you-mean, or how to name one.
  func rulebookHelp(_ municipality: String?) -> String {
    guard let municipality else { return "add a municipality, or pass --rulebook" }
    return library.unknownMunicipalityHelp(municipality) + "; or pass --rulebook"
  }
}
