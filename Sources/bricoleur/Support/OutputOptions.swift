import ArgumentParser
import Foundation

/// When to colour terminal output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never

  /// Whether to colour output written to `fileDescriptor`.
  func enabled(for fileDescriptor: Int32 = STDOUT_FILENO) -> Bool {
    switch self {
    case .always: true
    case .never: false
    case .auto: isatty(fileDescriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
  }
}

/// Writes text to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data(text.utf8))
}

/// Writes text to standard output without adding a newline.
func printOut(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}
