import Foundation

extension LanguageServer {
  /// Serves on standard input and output until `exit` or the end of input; returns the exit
  /// status (0 after `shutdown` then `exit`, else 1). Each batch of messages that has arrived is
  /// handled before the changed folders are linted, so fast typing is linted once per batch.
  public func serveStandardIO() -> Int32 {
    var framer = MessageFramer()
    let output = FileHandle.standardOutput
    func send(_ bodies: [Data]) {
      for body in bodies { output.write(MessageFramer.frame(body)) }
    }
    while exitStatus == nil {
      let chunk = FileHandle.standardInput.availableData
      guard !chunk.isEmpty else { break }
      framer.append(chunk)
      while exitStatus == nil, let frame = framer.next() {
        switch frame {
        case .message(let body): send(handle(body))
        case .malformedHeader(let reason): send([Self.response(RequestID?.none, RPCError(.parseError, reason))])
        }
      }
      send(publishPendingDiagnostics())
    }
    return exitStatus ?? 1
  }
}
