import Foundation
import SourceDiagnostics

/// JSON output of the CLI.
enum JSONRendering {
  /// Diagnostics as a JSON array of `DiagnosticV1`.
  static func diagnostics(_ diagnostics: [Diagnostic]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(diagnostics.map(DiagnosticV1.init)), as: UTF8.self)
  }
}
