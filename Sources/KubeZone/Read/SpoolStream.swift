import Foundation

/// A stream being copied on a thread of its own while the readers start on
/// what is already there: into a spool file (`InputSpool`) and, past its
/// first `MemoryLimits.fileFirst` bytes, into the process's memory
/// (`SpoolStream+Memory.swift`), all seen through one mapping.
///
/// The mapping is made once, before the copy, far larger than any input:
/// it costs only address space; a page past the file's end faults only
/// when touched. Readers touch only bytes the copy has published (`wait`),
/// under the condition's lock, which orders the copy's writes before the
/// readers' loads. Once the copy ends, `finish` hands out the whole input
/// as a `MappedFile` sharing the mapping.
///
/// Input offsets are file offsets: bytes from `memoryStart` to
/// `spillStart` are the process's own pages (a hole in the file), the
/// rest are the file's.
final class SpoolStream: @unchecked Sendable, MappingOwner {
  let name: String
  let folder: String
  let spool: Int32
  let base: UnsafeMutableRawPointer
  /// The mapping's length: bytes past it are copied but not published
  /// until `finish` maps the file again.
  let reserved: Int
  let condition = NSCondition()
  var written = 0
  private var ended = false
  private var failure: InputError?
  /// Where the process's own pages start and end in the input: `Int.max`
  /// both until the copy moves into memory, and the end until it spills.
  var memoryStart = Int.max
  var spillStart = Int.max
  /// Where the file's bytes given back (`discard`) end; 0 when none were.
  private var discardedEnd = 0
  /// Where the memory given back ends (`memoryStart` until some is).
  var memoryGivenBack = 0
  /// Where the memory given back that the copy has reused or freed ends.
  var memoryReused = 0
  /// Where the pages moved ahead of the copy end (the copy's own).
  var readyEnd = 0
  /// Chunks being read from the published bytes (`reading`).
  var working = 0
  /// Memory's limits; nil when the copy stays in the file.
  let limits: MemoryLimits?

  /// Address space asked for, largest first (a `ulimit -v` may refuse the
  /// first ones); nothing is stored there.
  static let reservations = [1 << 40, 1 << 36, 1 << 32]

  static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Starts copying the stream open as `source` (closed after the copy when
  /// `closing`), moving into memory after the file's first bytes when
  /// `memory` limits are given; nil when the spool cannot be mapped ahead
  /// (the caller then copies first and maps after).
  static func start(
    source: Int32, closing: Bool, name: String, folder: String, memory: MemoryLimits? = .system
  ) throws(InputError) -> SpoolStream? {
    let spool = try InputSpool.create(in: folder, for: name)
    for length in reservations {
      let mapped = mmap(nil, length, PROT_READ, MAP_SHARED, spool, 0)
      guard let mapped, mapped != MAP_FAILED else { continue }
      madvise(mapped, length, MADV_SEQUENTIAL)
      // Memory only with the whole room: past it, `finish` maps the file
      // again, which would not hold the memory's bytes.
      let limits = length == reservations[0] ? memory : nil
      let stream = SpoolStream(name: name, folder: folder, spool: spool, base: mapped, reserved: length, limits: limits)
      stream.copy(from: source, closing: closing)
      return stream
    }
    close(spool)
    return nil
  }

  private init(
    name: String, folder: String, spool: Int32, base: UnsafeMutableRawPointer, reserved: Int, limits: MemoryLimits?
  ) {
    self.name = name
    self.folder = folder
    self.spool = spool
    self.base = base
    self.reserved = reserved
    self.limits = limits
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
        if limits != nil {
          try copyThroughMemory(from: source)
        } else {
          try InputSpool.copy(from: source, name: name, to: spool, folder: folder) { publish($0) }
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

  /// Makes `n` more bytes visible to the readers.
  func publish(_ n: Int) {
    condition.lock()
    written += n
    condition.broadcast()
    condition.unlock()
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

  /// A chunk of published bytes starts (`delta` 1) or stops (-1) being
  /// read: the copy into memory holds back only while one is, since only
  /// a chunk read gives bytes back.
  func reading(_ delta: Int) {
    condition.lock()
    working += delta
    if working == 0 { condition.broadcast() }
    condition.unlock()
  }

  /// Drops the whole pages of the file inside `range` from the process's
  /// memory, as `MappedFile.release` does; the process's own pages hold
  /// the only copy of their bytes, and stay.
  func release(_ range: Range<Int>) {
    condition.lock()
    let own = memoryStart..<max(memoryStart, spillStart)
    condition.unlock()
    let page = Self.page
    for (from, to) in [(range.lowerBound, min(range.upperBound, own.lowerBound)), (max(range.lowerBound, own.upperBound), range.upperBound)]
    where from < to {
      let start = (from + page - 1) / page * page
      let end = min(to, reserved) / page * page
      if end > start { madvise(base + start, end - start, MADV_DONTNEED) }
    }
  }

  /// Gives the bytes inside `range` back, for the confirmed part of a
  /// List, which nothing reads again: they read as zeros from then on.
  /// Ranges after the first only count from where the last one ended.
  ///
  /// Memory is given back at once, in whole `MemoryLimits.unit`s. The
  /// file's whole pages become a hole once `discardStep` bytes at least
  /// have gathered, or once the range reaches the memory: without this the
  /// spool's page cache grew by the whole input on fresh pages (see
  /// docs/performance.md).
  func discard(_ range: Range<Int>) {
    let page = Self.page
    let end = range.upperBound / page * page
    condition.lock()
    let inMemory = range.upperBound > memoryStart
    let start = max((range.lowerBound + page - 1) / page * page, discardedEnd)
    let moved = end > start && (end - start >= discardStep || inMemory && discardedEnd < memoryStart)
    if moved { discardedEnd = end }
    condition.unlock()
    if inMemory { discardMemory(range) }
    #if os(Linux)
      // Over the memory's offsets the file is a hole already.
      if moved, let punch = PunchHole.function { _ = punch(spool, 0x03 /* PUNCH_HOLE | KEEP_SIZE */, off_t(start), off_t(end - start)) }
    #endif
  }

  /// Bytes of the file given back at once, at least: each hole punched
  /// blocks the readers' page faults and the copy on the file for a
  /// moment, so a 30k-pod stream (265 MB) read about 6% slower in 64 MB
  /// steps than with no holes, and as fast in 256 MB steps; a 150k-pod
  /// stream reads 14% faster in these (docs/performance.md).
  static let discardStep = 256 << 20

  /// `discardStep` for this stream (tests give back smaller steps); set
  /// before its reading begins.
  var discardStep = SpoolStream.discardStep

  /// True once `discard` gave any bytes back: the whole input cannot be
  /// read again.
  var discarded: Bool {
    condition.lock()
    defer { condition.unlock() }
    return discardedEnd > 0 || memoryGivenBack > memoryStart
  }

  /// The part of the input copied into memory (nil when none was) and
  /// whether any of it was given back; for tests.
  var memory: (range: Range<Int>?, gaveBack: Bool) {
    condition.lock()
    defer { condition.unlock() }
    guard memoryStart < written else { return (nil, false) }
    return (memoryStart..<min(spillStart, written), memoryGivenBack > memoryStart)
  }

  /// The whole input once the copy has ended, or the copy's error.
  func finish() throws(InputError) -> MappedFile {
    _ = wait(beyond: .max)
    condition.lock()
    let (count, failure) = (written, failure)
    condition.unlock()
    if let failure { throw failure }
    if count <= reserved { return MappedFile(name: name, base: base, count: count, owner: self) }
    // Larger than the room mapped ahead (a copy into memory stops there):
    // mapped again, whole.
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
