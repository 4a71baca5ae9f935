import Batch
import Foundation

/// Progress on standard error: a bar with records/s and ETA on a terminal, a plain line every
/// few seconds otherwise.
final class ProgressMeter {
  let total: Int?
  let quiet: Bool
  let terminal = isatty(STDERR_FILENO) == 1
  var lastPrint = 0.0
  var drewBar = false

  init(total: Int?, quiet: Bool) {
    self.total = total
    self.quiet = quiet
  }

  func update(_ summary: BatchSummary, inputBytes: Int) {
    guard !quiet else { return }
    let now = summary.seconds
    guard now - lastPrint >= (terminal ? 0.2 : 5) else { return }
    lastPrint = now
    let rate = now > 0 ? Double(summary.read) / now : 0
    var text = "\(summary.read) records, \(Int(rate)) records/s, \(summary.failed) failed"
    if let total, total > 0, inputBytes > 0 {
      let fraction = min(1, Double(inputBytes) / Double(total))
      let eta = fraction > 0 ? now / fraction - now : 0
      text += String(format: ", %.0f%%, ETA %.0f s", fraction * 100, eta)
      if terminal {
        let width = 24
        let filled = Int(fraction * Double(width))
        text = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] " + text
      }
    }
    if terminal {
      printError("\r\u{1B}[2K" + text)
      drewBar = true
    } else {
      printError(text + "\n")
    }
  }

  func clear() {
    if drewBar { printError("\r\u{1B}[2K") }
  }
}
