import Foundation

/// How far reading has got, for a progress line on a terminal.
public struct ReadProgress: Sendable, Hashable {
  public var bytesRead: Int
  /// Sum of the input files' sizes; 0 when unknown (standard input).
  public var totalBytes: Int
  public var objects: Int
  /// Seconds since the run started.
  public var elapsed: Double
  /// True for the last report, after every input was read.
  public var done: Bool

  /// `kubezone: reading 512 of 1203 MB, 64000 objects, 1.2 s`
  public var line: String {
    let mb = { (n: Int) in String(n / 1_000_000) }
    let of = totalBytes > 0 ? " of \(mb(totalBytes))" : ""
    return "kubezone: read \(mb(bytesRead))\(of) MB, \(objects) objects, \(String(format: "%.1f", elapsed)) s"
  }
}

/// Adds up progress from the reading threads and passes it on at most ten
/// times a second, plus once at the end.
final class ProgressMeter: @unchecked Sendable {
  private let lock = NSLock()
  private let sink: @Sendable (ReadProgress) -> Void
  private let start = StageTimings.now()
  private var state: ReadProgress
  private var lastReport = 0.0

  init(totalBytes: Int, sink: @escaping @Sendable (ReadProgress) -> Void) {
    self.sink = sink
    state = ReadProgress(bytesRead: 0, totalBytes: totalBytes, objects: 0, elapsed: 0, done: false)
  }

  func add(bytes: Int, objects: Int) {
    lock.lock()
    state.bytesRead += bytes
    state.objects += objects
    let now = StageTimings.now()
    guard now - lastReport >= 0.1 else {
      lock.unlock()
      return
    }
    lastReport = now
    state.elapsed = now - start
    // Under the lock, so lines from two threads never interleave.
    sink(state)
    lock.unlock()
  }

  func finish() {
    lock.lock()
    state.elapsed = StageTimings.now() - start
    state.done = true
    sink(state)
    lock.unlock()
  }
}
