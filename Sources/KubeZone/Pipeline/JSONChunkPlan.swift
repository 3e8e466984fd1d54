import Foundation

/// The chunks of a JSON List's items after the first, found by kubectl's
/// layout and read on a `ChunkPool` as soon as each one's bytes are known:
/// all at once for a file, or while a stream is still being copied.
///
///     "items": [
///         {            <- `first`: chunk 0, read by the caller
///         ...
///         },
///         {            <- starts[0]: chunk 1, read once starts[1] is found
///
/// A start is only a guess (an item's `{` on its own line, indented like
/// the first item's); the caller's join confirms each one. A chunk is
/// given the bytes up to its end's `{` only, so it never reads what a
/// stream has not copied yet: a guess that was wrong fails there.
///
/// A stream's plan also reads chunk 0 (`readsFirst`) and follows which
/// chunks are confirmed as they finish: each one that ends exactly where
/// the next starts, all before it confirmed too. `confirmed` hears where
/// the first unconfirmed chunk's line starts each time it moves, so a
/// stream's spool can give back the bytes before it (`SpoolStream.discard`).
final class JSONChunkPlan: @unchecked Sendable {
  typealias Read = (_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ until: Int?) -> FastJSONInput.Chunk

  /// Where the first item's `{` is.
  let first: Int
  /// Where chunks 1... start.
  private(set) var starts: [Int] = []
  /// "\n" + indent + "}," + "\n" + indent + "{"
  private let pattern: [UInt8]
  private let indent: Int
  /// Bytes a chunk holds at least.
  private let step: Int
  /// Where the search for the next start goes on.
  private var scanned: Int
  private let pool: ChunkPool<FastJSONInput.Chunk>
  /// The pool's threads (the caller reads with them too).
  private let threads: Int
  /// The input is whole (`complete`): its last chunks are cut smaller.
  private var whole = false
  private let read: Read
  private let release: @Sendable (Range<Int>) -> Void
  /// Whether the plan reads chunk 0 too (a stream's); else the caller does.
  let readsFirst: Bool
  private let confirmed: (@Sendable (_ lineStart: Int) -> Void)?
  private let lock = NSLock()
  /// Chunks read to exactly their end, by start, not yet joined to the
  /// confirmed ones.
  private var settled: [Int: Int] = [:]
  private var confirmedEnd: Int

  /// Nil when the first item's `{` does not open its own line (no layout
  /// to go by). `buf` needs to hold the first item's line only.
  init?(
    _ buf: UnsafeBufferPointer<UInt8>, first: Int, step: Int, threads: Int, readsFirst: Bool = false,
    release: @escaping @Sendable (Range<Int>) -> Void, read: @escaping Read,
    confirmed: (@Sendable (_ lineStart: Int) -> Void)? = nil
  ) {
    let lineStart = FastJSONInput.lineStartBefore(buf, first)
    guard lineStart > 0, (lineStart..<first).allSatisfy({ buf[$0] == 0x20 }) else { return nil }
    indent = first - lineStart
    pattern = [0x0A] + Array(repeating: 0x20, count: indent) + [UInt8(ascii: "}"), UInt8(ascii: ","), 0x0A]
      + Array(repeating: 0x20, count: indent) + [UInt8(ascii: "{")]
    self.first = first
    self.step = max(1, step)
    scanned = first + 1
    pool = ChunkPool(threads: threads)
    self.threads = max(0, threads)
    self.read = read
    self.release = release
    self.readsFirst = readsFirst
    self.confirmed = confirmed
    confirmedEnd = first
  }

  /// The start of the first chunk not confirmed yet (`first` before chunk
  /// 0 is, and always when nobody hears of it); final once `finish`
  /// returned.
  var frontier: Int {
    lock.lock()
    defer { lock.unlock() }
    return confirmedEnd
  }

  /// Finds the starts in `buf` (the bytes there are so far) and hands each
  /// chunk whose end is now known to the pool.
  func extend(_ buf: UnsafeBufferPointer<UInt8>) {
    while let start = nextStart(buf) {
      // As in `YAMLChunkPlan.extend`: finding a start touches a few bytes,
      // but the kernel maps a file's pages in large folios (2 MB here), so
      // without giving each window back this loop mapped 290 MB of a
      // 1.3 GB file at once. Each chunk maps its pages again when read.
      release(max(first, (starts.last ?? first) + stride(buf) - (4 << 20))..<min(buf.count, start + (4 << 20)))
      starts.append(start)
      let bytes = UnsafeSendable(UnsafeBufferPointer(rebasing: buf[0..<start + 1]))
      if starts.count == 1 {
        // Chunk 0, under index -1, counting lines from its own line too.
        if readsFirst { pool.submit(-1) { [self] in settle(read(bytes.value, first, start), from: first, until: start) } }
        continue
      }
      let (from, until) = (starts[starts.count - 2], start)
      pool.submit(starts.count - 2) { [self] in settle(read(bytes.value, from, until), from: from, until: until) }
    }
  }

  /// Notes a chunk read to exactly its end, and moves the confirmed end
  /// over every chunk now joined to it.
  private func settle(_ chunk: FastJSONInput.Chunk, from: Int, until: Int) -> FastJSONInput.Chunk {
    guard readsFirst, confirmed != nil, !chunk.failed, !chunk.reachedEnd, chunk.end.pos == until, chunk.result.isShiftable else { return chunk }
    lock.lock()
    settled[from] = until
    var moved = false
    while let next = settled.removeValue(forKey: confirmedEnd) {
      confirmedEnd = next
      moved = true
    }
    let end = confirmedEnd
    lock.unlock()
    if moved { confirmed?(end - indent) }
    return chunk
  }

  /// The input is whole: the remaining starts, and the last chunk, which
  /// reads through the List's `]`.
  func complete(_ buf: UnsafeBufferPointer<UInt8>) {
    whole = true
    extend(buf)
    guard let last = starts.last else { return }
    let shared = UnsafeSendable(buf)
    pool.submit(starts.count - 1) { [read] in read(shared.value, last, nil) }
  }

  /// Waits for the chunks: one for each start (a missing one as failed),
  /// and chunk 0 when this plan read it.
  func finish() -> (first: FastJSONInput.Chunk?, rest: [FastJSONInput.Chunk]) {
    let done = pool.finish()
    let rest = starts.indices.map { i in
      done[i] ?? {
        var failed = FastJSONInput.Chunk()
        failed.failed = true
        return failed
      }()
    }
    return (done[-1], rest)
  }

  /// Drops the chunks not started yet and waits for the others.
  func discard() {
    pool.cancel()
    _ = pool.finish()
  }

  /// Bytes the next chunk holds at least: `step`, or a quarter of it
  /// within the last `step` per thread of a whole input that holds more
  /// than twice that, so that the threads run out of chunks at about the
  /// same time instead of one reading the last whole chunk alone (an
  /// input of one chunk per thread is even already).
  private func stride(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
    let zone = (threads + 1) * step
    let tail = whole && buf.count - first > 2 * zone && buf.count - (starts.last ?? first) <= zone
    return tail ? max(1, step / 4) : step
  }

  /// The next chunk's `{`, at least `stride` bytes after the last start.
  private func nextStart(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = max(scanned, (starts.last ?? first) + stride(buf))
    let last = buf.count - pattern.count
    while i <= last {
      if buf[i] == 0x0A, buf[i + indent + 1] == UInt8(ascii: "}"),
        (0..<pattern.count).allSatisfy({ buf[i + $0] == pattern[$0] })
      {
        scanned = i + pattern.count
        return i + pattern.count - 1
      }
      i += 1
    }
    scanned = max(scanned, i)
    return nil
  }
}
