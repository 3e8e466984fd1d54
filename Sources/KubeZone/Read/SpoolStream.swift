import Foundation

/// A stream being copied into a spool file (`InputSpool`) on a thread of
/// its own while the readers start on what is already there.
///
/// The spool is mapped once, before the copy, far larger than any input:
/// mapping past a file's end is allowed and costs only address space; a
/// page past the end faults only when touched. Readers touch only bytes the
/// copy has published (`wait`), under the condition's lock, which orders
/// the copy's writes before the readers' loads. Once the copy ends,
/// `finish` hands out the whole input as a `MappedFile` sharing the mapping.
final class SpoolStream: @unchecked Sendable {
  let name: String
  private let spool: Int32
  private let folder: String
  private let base: UnsafeMutableRawPointer
  /// The mapping's length: bytes past it are copied but not published
  /// until `finish` maps the file again.
  private let reserved: Int
  private let condition = NSCondition()
  private var written = 0
  private var ended = false
  private var failure: InputError?
  /// Where the bytes given back (`discard`) end; 0 when none were.
  private var discardedEnd = 0

  /// Address space asked for, largest first (a `ulimit -v` may refuse the
  /// first ones); nothing is stored there.
  static let reservations = [1 << 40, 1 << 36, 1 << 32]

  /// Starts copying the stream open as `source` (closed after the copy when
  /// `closing`); nil when the spool cannot be mapped ahead (the caller
  /// then copies first and maps after).
  static func start(source: Int32, closing: Bool, name: String, folder: String) throws(InputError) -> SpoolStream? {
    let spool = try InputSpool.create(in: folder, for: name)
    for length in reservations {
      let mapped = mmap(nil, length, PROT_READ, MAP_SHARED, spool, 0)
      guard let mapped, mapped != MAP_FAILED else { continue }
      madvise(mapped, length, MADV_SEQUENTIAL)
      let stream = SpoolStream(name: name, spool: spool, folder: folder, base: mapped, reserved: length)
      stream.copy(from: source, closing: closing)
      return stream
    }
    close(spool)
    return nil
  }

  private init(name: String, spool: Int32, folder: String, base: UnsafeMutableRawPointer, reserved: Int) {
    self.name = name
    self.spool = spool
    self.folder = folder
    self.base = base
    self.reserved = reserved
  }

  deinit {
    // Closing the spool drops its page cache: 14 ms for 262 MB, on the
    // thread that read the input while the next stages waited for it.
    // Done aside instead, on a core those stages leave idle at times.
    let (address, length, spool) = (UInt(bitPattern: base), reserved, spool)
    Thread {
      munmap(UnsafeMutableRawPointer(bitPattern: address), length)
      close(spool)
    }.start()
  }

  private func copy(from source: Int32, closing: Bool) {
    let thread = Thread { [self] in
      var failed: InputError?
      do throws(InputError) {
        try InputSpool.copy(from: source, name: name, to: spool, folder: folder) { n in
          condition.lock()
          written += n
          condition.broadcast()
          condition.unlock()
        }
      } catch {
        failed = error
      }
      if closing { close(source) }
      condition.lock()
      failure = failed
      ended = true
      condition.broadcast()
      condition.unlock()
    }
    thread.start()
  }

  /// Waits until more than `count` bytes are published or the copy ended;
  /// the published bytes, and whether the copy ended (a failed copy ends
  /// too: `finish` reports it).
  func wait(beyond count: Int) -> (bytes: UnsafeBufferPointer<UInt8>, ended: Bool) {
    condition.lock()
    while !ended, min(written, reserved) <= count { condition.wait() }
    let published = min(written, reserved)
    let done = ended
    condition.unlock()
    return (UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: published), done)
  }

  /// Drops the whole pages inside `range` from the process's memory, as
  /// `MappedFile.release` does.
  func release(_ range: Range<Int>) {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (range.lowerBound + page - 1) / page * page
    let end = min(range.upperBound, reserved) / page * page
    if end > start { madvise(base + start, end - start, MADV_DONTNEED) }
  }

  /// Gives the whole pages inside `range` back to the file system, once
  /// `discardStep` bytes at least have gathered: they become a hole, read
  /// as zeros from then on. For the confirmed part of a List, which
  /// nothing reads again: without this the spool's page cache grew by the
  /// whole input on fresh pages (see docs/performance.md). Ranges after
  /// the first only count from where the last one ended.
  func discard(_ range: Range<Int>) {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let end = range.upperBound / page * page
    condition.lock()
    let start = max((range.lowerBound + page - 1) / page * page, discardedEnd)
    let moved = end - start >= discardStep
    if moved { discardedEnd = end }
    condition.unlock()
    #if os(Linux)
      if moved, let punch = PunchHole.function { _ = punch(spool, 0x03 /* PUNCH_HOLE | KEEP_SIZE */, off_t(start), off_t(end - start)) }
    #endif
  }

  /// Bytes given back at once, at least: each hole punched blocks the
  /// readers' page faults and the copy on the file for a moment, so a
  /// 30k-pod stream (265 MB) read about 6% slower in 64 MB steps than
  /// with no holes, and as fast in 256 MB steps; a 150k-pod stream reads
  /// 14% faster in these (docs/performance.md).
  static let discardStep = 256 << 20

  /// `discardStep` for this stream (tests give back smaller steps); set
  /// before its reading begins.
  var discardStep = SpoolStream.discardStep

  /// True once `discard` gave any bytes back: the whole input cannot be
  /// read again.
  var discarded: Bool {
    condition.lock()
    defer { condition.unlock() }
    return discardedEnd > 0
  }

  /// The whole input once the copy has ended, or the copy's error.
  func finish() throws(InputError) -> MappedFile {
    _ = wait(beyond: .max)
    condition.lock()
    let (count, failure) = (written, failure)
    condition.unlock()
    if let failure { throw failure }
    if count <= reserved { return MappedFile(name: name, base: base, count: count, owner: self) }
    // Larger than the room mapped ahead: mapped again, whole.
    guard let mapped = MappedFile(fd: spool, name: name, from: 0) else {
      throw InputSpool.failure(name, "cannot map the temporary copy in \(folder)", errno)
    }
    return mapped
  }
}

#if os(Linux)
  /// `fallocate(2)`, which Glibc declares only under `_GNU_SOURCE`; looked
  /// up once by name, as `Splice` is.
  enum PunchHole {
    typealias Function = @convention(c) (Int32, Int32, off_t, off_t) -> Int32
    static let function: Function? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fallocate").map { unsafeBitCast($0, to: Function.self) }
  }
#endif
