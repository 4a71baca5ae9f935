import Dispatch
import Foundation
import Logging
import ServiceLifecycle

/// Reloads the rulebooks when their files change (polling modification times) and on SIGHUP.
struct RulesWatcher: Service {
  let store: RulesStore
  let interval: Duration?
  let onSIGHUP: Bool
  let logger: Logger

  func run() async throws {
    let signalSource = onSIGHUP ? Self.installSIGHUP(store: store, logger: logger) : nil
    defer { signalSource?.cancel() }
    guard let interval else {
      try? await gracefulShutdown()
      return
    }
    try? await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        try await Task.sleep(for: interval)
        if store.reload() { RulesStore.returnFreedMemory() }
      }
    }
  }

  /// SIGHUP forces a reload; the signal is handled by Dispatch, not by the default action.
  static func installSIGHUP(store: RulesStore, logger: Logger) -> any DispatchSourceSignal {
    signal(SIGHUP, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
    source.setEventHandler {
      logger.info("SIGHUP: reloading the rulebooks")
      if store.reload(force: true) { RulesStore.returnFreedMemory() }
    }
    source.resume()
    return source
  }
}
