import Foundation

/// The chunks of a YAML List's items (`FastYAMLInput`), read on a
/// `ChunkPool` as soon as each one's end is known: all at once for a file,
/// or while a stream is still being copied.
///
/// A chunk runs from an entry line (`- ` at column 0) to the first entry
/// line `chunkSize` bytes or more after it; the last one ends where the
/// List's tail starts, known only once the input is whole.
///
/// A stream's plan follows which chunks are confirmed, as
/// `JSONChunkPlan` does: each read by the simple parser (so it defines no
/// anchor a later item could name), all before it confirmed too, the last
/// one never. `confirmed` hears where the first unconfirmed one starts.
final class YAMLChunkPlan: @unchecked Sendable {
  struct Chunk {
    var result: ObjectDecoder.Result
    var lines: Int
    /// Items read.
    var items: Int
    /// Read by `SimpleBlockYAMLParser` alone.
    var simple: Bool
  }

  typealias Read = (_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Chunk?

  /// The first item's line.
  let itemsStart: Int
  /// Where each chunk starts.
  private(set) var starts: [Int]
  /// Chunks handed to the pool so far.
  private var submitted = 0
  private let chunkSize: Int
  private let pool: ChunkPool<Chunk?>
  private let read: Read
  private let release: @Sendable (Range<Int>) -> Void
  private let confirmed: (@Sendable (_ frontier: Int) -> Void)?
  private let lock = NSLock()
  /// Ends of chunks confirmable on their own, by index.
  private var settled: [Int: Int] = [:]
  private var confirmedCount = 0

  init(
    itemsStart: Int, chunkSize: Int, threads: Int, release: @escaping @Sendable (Range<Int>) -> Void, read: @escaping Read,
    confirmed: (@Sendable (_ frontier: Int) -> Void)? = nil
  ) {
    self.itemsStart = itemsStart
    starts = [itemsStart]
    self.chunkSize = chunkSize
    pool = ChunkPool(threads: threads)
    self.read = read
    self.release = release
    self.confirmed = confirmed
  }

  /// Chunks confirmed (0 when nobody hears of it); final once `finish`
  /// returned.
  var confirmedChunks: Int {
    lock.lock()
    defer { lock.unlock() }
    return confirmedCount
  }

  /// Finds the chunk starts in `buf` (the bytes there are so far) and hands
  /// each chunk whose end is now known to the pool.
  func extend(_ buf: UnsafeBufferPointer<UInt8>) {
    // An entry line is known only with the byte after its `-`.
    while let last = starts.last, last + chunkSize < buf.count,
      let next = FastYAMLInput.nextItem(buf, after: last + chunkSize), next + 1 < buf.count
    {
      starts.append(next)
      // Finding a start touches a few bytes, but the kernel maps a file's
      // pages in large folios (2 MB here): without giving each window back,
      // this loop alone mapped 287 MB of a 635 MB file. Each chunk maps its
      // pages again when it is read.
      release(max(0, last + chunkSize - (4 << 20))..<min(buf.count, next + (4 << 20)))
      submit(buf, starts[starts.count - 2]..<next, confirmable: confirmed != nil)
    }
  }

  /// The input is whole and its entries end at `tail`: the last chunk.
  func complete(_ buf: UnsafeBufferPointer<UInt8>, tail: Int) {
    if let last = starts.last, tail > last { submit(buf, last..<tail, confirmable: false) }
  }

  /// Waits for the chunks, in order; nil when one gave up.
  func finish() -> [Chunk]? {
    var out: [Chunk] = []
    for chunk in finishEach() {
      guard let chunk else { return nil }
      out.append(chunk)
    }
    return out
  }

  /// Waits for the chunks, in order, each nil when it gave up.
  func finishEach() -> [Chunk?] {
    let done = pool.finish()
    return (0..<submitted).map { done[$0] ?? nil }
  }

  /// True when the plan follows which chunks are confirmed.
  var tracksConfirmation: Bool { confirmed != nil }

  /// Drops the chunks not started yet and waits for the others.
  func discard() {
    pool.cancel()
    _ = pool.finish()
  }

  private func submit(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, confirmable: Bool) {
    let shared = UnsafeSendable(buf)
    let (read, release, pool) = (read, release, pool)
    let index = submitted
    pool.submit(index) { [self] in
      let chunk = read(shared.value, range)
      release(range)
      // One chunk that gives up sends the whole input to the full readers
      // (from where the confirmed ones end, for a stream).
      if chunk == nil { pool.cancel() }
      if confirmable, let chunk, chunk.simple, chunk.result.isShiftable { settle(index, end: range.upperBound) }
      return chunk
    }
    submitted += 1
  }

  /// Notes a confirmable chunk, and moves the confirmed count over every
  /// chunk now joined to the confirmed ones.
  private func settle(_ index: Int, end: Int) {
    lock.lock()
    settled[index] = end
    var frontier: Int?
    while let next = settled.removeValue(forKey: confirmedCount) {
      confirmedCount += 1
      frontier = next
    }
    lock.unlock()
    if let frontier { confirmed?(frontier) }
  }
}
