import Foundation

/// Threads that read chunks of one input as they are handed over, while
/// the caller goes on finding (or waiting for) the next ones.
///
/// Each chunk's result is kept under its index; `finish` waits for all of
/// them. Threads get the large stack the recursive parsers need and start
/// only when there is work for them.
final class ChunkPool<Result>: @unchecked Sendable {
  private let condition = NSCondition()
  private let threads: Int
  private var queue: [(index: Int, work: (() -> Result)?)] = []
  private var next = 0
  private var results: [Int: Result] = [:]
  private var started = 0
  private var running = 0
  private var closed = false

  /// At most `threads` threads besides the caller, which reads what is
  /// left when it calls `finish` (with none, it reads every chunk).
  init(threads: Int) {
    self.threads = max(0, threads)
  }

  /// Reads chunk `index` with `work` on one of the threads.
  func submit(_ index: Int, _ work: @escaping () -> Result) {
    condition.lock()
    defer { condition.unlock() }
    guard !closed else { return }
    queue.append((index, work))
    if started < threads, queue.count - next > running - busy {
      started += 1
      running += 1
      let thread = Thread { [self] in loop() }
      thread.stackSize = 16 << 20
      thread.start()
    }
    condition.signal()
  }

  /// Threads that are reading a chunk now.
  private var busy = 0

  private func loop() {
    condition.lock()
    while true {
      while next == queue.count, !closed { condition.wait() }
      guard next < queue.count else { break }
      drain()
    }
    running -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Reads the queued chunks until none is left; with the lock held.
  private func drain() {
    while next < queue.count {
      let (index, work) = queue[next]
      queue[next].work = nil
      next += 1
      guard let work else { continue }
      busy += 1
      condition.unlock()
      let result = work()
      condition.lock()
      busy -= 1
      results[index] = result
    }
  }

  /// Drops the chunks not started yet (their results will be missing).
  func cancel() {
    condition.lock()
    queue = []
    next = 0
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for every chunk handed over, reading those no thread has
  /// started on the calling thread; their results by index.
  func finish() -> [Int: Result] {
    condition.lock()
    closed = true
    condition.broadcast()
    drain()
    while running > 0 { condition.wait() }
    let out = results
    results = [:]
    condition.unlock()
    return out
  }
}
