/// The chunks of a YAML List's items (`FastYAMLInput`), read on a
/// `ChunkPool` as soon as each one's end is known: all at once for a file,
/// or while a stream is still being copied.
///
/// A chunk runs from an entry line (`- ` at column 0) to the first entry
/// line `chunkSize` bytes or more after it; the last one ends where the
/// List's tail starts, known only once the input is whole.
final class YAMLChunkPlan: @unchecked Sendable {
  typealias Chunk = (result: ObjectDecoder.Result, lines: Int)
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

  init(itemsStart: Int, chunkSize: Int, threads: Int, release: @escaping @Sendable (Range<Int>) -> Void, read: @escaping Read) {
    self.itemsStart = itemsStart
    starts = [itemsStart]
    self.chunkSize = chunkSize
    pool = ChunkPool(threads: threads)
    self.read = read
    self.release = release
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
      submit(buf, starts[starts.count - 2]..<next)
    }
  }

  /// The input is whole and its entries end at `tail`: the last chunk.
  func complete(_ buf: UnsafeBufferPointer<UInt8>, tail: Int) {
    if let last = starts.last, tail > last { submit(buf, last..<tail) }
  }

  /// Waits for the chunks, in order; nil when one gave up.
  func finish() -> [Chunk]? {
    let done = pool.finish()
    var out: [Chunk] = []
    out.reserveCapacity(submitted)
    for c in 0..<submitted {
      guard let chunk = done[c] ?? nil else { return nil }
      out.append(chunk)
    }
    return out
  }

  /// Drops the chunks not started yet and waits for the others.
  func discard() {
    pool.cancel()
    _ = pool.finish()
  }

  private func submit(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    let shared = UnsafeSendable(buf)
    let (read, release, pool) = (read, release, pool)
    pool.submit(submitted) {
      let chunk = read(shared.value, range)
      release(range)
      // One chunk that gives up sends the whole input to the full readers.
      if chunk == nil { pool.cancel() }
      return chunk
    }
    submitted += 1
  }
}
