import Foundation
import Synchronization

/// Batch output written atomically: records go to `FILE.partial`, with a checkpoint (at most
/// once a second, synced in the background) in `FILE.partial.checkpoint`; on completion the partial file is renamed to
/// `FILE`. A killed run leaves no half-written `FILE`, and `--resume` continues from the
/// last checkpoint without duplicating or dropping records.
///
/// An output that is a device or a pipe (`/dev/stdout`, `/dev/full`) cannot be renamed into
/// place: records are written to it directly, without checkpoints, and it cannot be resumed.
/// Every write, sync and rename error is thrown as `BatchError.cannotWrite`, never swallowed.
///
/// Written from one thread; its checkpoint queue reads only the paths (constants) and the
/// mutex-guarded checkpoint state.
final class OutputFile: @unchecked Sendable {
  let path: String
  let partialPath: String
  let checkpointPath: String
  /// Whether the output is a device or pipe, written directly.
  let direct: Bool
  private let handle: FileHandle
  private(set) var bytesWritten: Int
  /// Records already written when the run started (after a resume).
  let resumedRecords: Int

  /// Opens the partial file: fresh, or, with `resume`, cut back to its last checkpoint.
  init(path: String, resume: Bool, inputSignature: String, header: String?) throws {
    self.path = path
    partialPath = path + ".partial"
    checkpointPath = path + ".partial.checkpoint"
    self.inputSignature = inputSignature
    var status = stat()
    // A system path (/dev/stdout, /proc/self/fd/1) is written in place, whatever it leads to: a
    // partial file renamed over it would replace the system's own link.
    let system = path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
    direct = system || (stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG && (status.st_mode & S_IFMT) != S_IFDIR)
    if direct {
      if resume { throw BatchError.cannotResume("'\(path)' is a device or pipe, which keeps no checkpoint to resume from") }
      if path == "/dev/stdout" {
        handle = FileHandle.standardOutput
      } else {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BatchError.cannotWrite("cannot open '\(path)' for writing") }
        self.handle = handle
      }
      bytesWritten = 0
      resumedRecords = 0
      if let header { try Array(header.utf8).withUnsafeBytes { try append($0) } }
      return
    }
    let fileManager = FileManager.default
    var records = 0
    var bytes = 0
    if resume, let checkpoint = try? String(contentsOfFile: checkpointPath, encoding: .utf8) {
      let fields = Dictionary(uniqueKeysWithValues: checkpoint.split(separator: "\n").compactMap { line -> (String, String)? in
        let parts = line.split(separator: "=", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
      })
      guard fields["input"] == inputSignature else {
        throw BatchError.cannotResume("the checkpoint at '\(checkpointPath)' belongs to other input; run without --resume")
      }
      records = Int(fields["records"] ?? "") ?? 0
      bytes = Int(fields["bytes"] ?? "") ?? 0
    } else if resume {
      throw BatchError.cannotResume("no checkpoint at '\(checkpointPath)'; there is no interrupted run to resume")
    }
    if records == 0 || !fileManager.fileExists(atPath: partialPath) {
      records = 0
      bytes = 0
      guard fileManager.createFile(atPath: partialPath, contents: nil) else {
        throw BatchError.cannotWrite("cannot create '\(partialPath)'")
      }
    }
    do {
      handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partialPath))
      try handle.truncate(atOffset: UInt64(bytes))
      try handle.seekToEnd()
    } catch {
      throw BatchError.cannotWrite("cannot open '\(partialPath)': \(Self.reason(error))")
    }
    bytesWritten = bytes
    resumedRecords = records
    if bytes == 0, let header { try Array(header.utf8).withUnsafeBytes { try append($0) } }
  }

  /// The system's reason for a failed file operation (`No space left on device`).
  static func reason(_ error: any Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
    if (error as NSError).domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32((error as NSError).code))) }
    return error.localizedDescription
  }

  private let inputSignature: String

  /// Appends bytes; a full disk or another write error is thrown, not swallowed.
  func append(_ bytes: UnsafeRawBufferPointer) throws {
    guard !bytes.isEmpty else { return }
    do {
      try handle.write(contentsOf: bytes)
    } catch {
      throw BatchError.cannotWrite("cannot write '\(direct ? path : partialPath)': \(Self.reason(error))")
    }
    bytesWritten += bytes.count
  }

  /// Checkpoints run on a queue of their own: syncing a large file to disk takes up to a few
  /// hundred milliseconds, in which the records go on being evaluated and written.
  private let syncer = DispatchQueue(label: "bricoleur.batch.checkpoint")
  private let syncing = DispatchGroup()
  /// Whether a checkpoint is under way, and the error of the last one that failed.
  private let syncState = Mutex<(busy: Bool, failure: BatchError?)>((false, nil))

  /// Records that `records` input records are complete in the output: the data is synced to
  /// disk, then the checkpoint file says how far it reaches. In the background, unless `waiting`;
  /// skipped while the previous one is still under way. An error of an earlier checkpoint is
  /// thrown here.
  func checkpoint(records: Int, waiting: Bool = false) throws {
    if direct { return }
    if waiting { syncing.wait() }
    let started: Result<Bool, BatchError> = syncState.withLock { state in
      if let failure = state.failure { return .failure(failure) }
      if state.busy { return .success(false) }
      state.busy = true
      return .success(true)
    }
    guard try started.get() else { return }
    // What is written before this point is what the sync covers.
    let text = "input=\(inputSignature)\nrecords=\(records)\nbytes=\(bytesWritten)\n"
    let descriptor = handle.fileDescriptor
    syncer.async(group: syncing) { [self] in
      let failure = Self.writeCheckpoint(text, descriptor: descriptor, partialPath: partialPath, checkpointPath: checkpointPath)
      syncState.withLock { $0 = (false, failure) }
    }
    if waiting {
      syncing.wait()
      if let failure = syncState.withLock({ $0.failure }) { throw failure }
    }
  }

  /// Syncs the data, then writes the checkpoint file atomically; the error, if any.
  private static func writeCheckpoint(_ text: String, descriptor: Int32, partialPath: String, checkpointPath: String) -> BatchError? {
    guard fsync(descriptor) == 0 else { return .cannotWrite("cannot write '\(partialPath)': \(String(cString: strerror(errno)))") }
    let temporary = checkpointPath + ".tmp"
    do {
      try text.write(toFile: temporary, atomically: false, encoding: .utf8)
    } catch {
      return .cannotWrite("cannot write '\(temporary)': \(Self.reason(error))")
    }
    guard rename(temporary, checkpointPath) == 0 else {
      return .cannotWrite("cannot write '\(checkpointPath)': \(String(cString: strerror(errno)))")
    }
    return nil
  }

  /// Syncs, renames the partial file to its final name and removes the checkpoint.
  func finish() throws {
    syncing.wait()
    if let failure = syncState.withLock({ $0.failure }) { throw failure }
    do {
      if !direct { try handle.synchronize() }
      if handle !== FileHandle.standardOutput { try handle.close() }
    } catch {
      throw BatchError.cannotWrite("cannot write '\(direct ? path : partialPath)': \(Self.reason(error))")
    }
    if direct { return }
    if rename(partialPath, path) != 0 {
      throw BatchError.cannotWrite("cannot rename '\(partialPath)' to '\(path)': \(String(cString: strerror(errno)))")
    }
    try? FileManager.default.removeItem(atPath: checkpointPath)
  }
}

/// Why a batch run could not proceed.
public enum BatchError: Error, CustomStringConvertible {
  case cannotResume(String)
  case cannotWrite(String)
  case cannotRead(String)

  public var description: String {
    switch self {
    case .cannotResume(let message), .cannotWrite(let message), .cannotRead(let message): message
    }
  }
}
