import Synchronization

/// Values that other layers derive from a compiled rulebook once and keep as long as it lives
/// (an evaluator's decision plans), so that each request or worker does not derive them again.
/// Thread-safe: the first caller for a type derives the value; later callers share it.
public final class DerivedValues: Sendable {
  private let values = Mutex<[ObjectIdentifier: any Sendable]>([:])

  public init() {}

  /// The value stored for `type`, derived by `make` the first time.
  public func value<T: Sendable>(_ type: T.Type, _ make: () -> T) -> T {
    let key = ObjectIdentifier(type)
    if let existing = values.withLock({ $0[key] }) as? T { return existing }
    // Derive outside the lock (it may take milliseconds); if two callers race, the first kept wins.
    let made = make()
    return values.withLock { stored in
      if let existing = stored[key] as? T { return existing }
      stored[key] = made
      return made
    }
  }
}
