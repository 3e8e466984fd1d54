import Foundation

/// How a stream is held in memory past its first bytes
/// (`SpoolStream+Memory.swift`).
struct MemoryLimits: Sendable {
  /// Bytes copied into the spool file before memory. None by default:
  /// 256 MB first in the file left a 150k-pod stream 0.1 s slower and a
  /// 30k-pod one no faster (docs/performance.md).
  var fileFirst: Int
  /// The copy waits while this many bytes past what was given back are
  /// held and a chunk is being read, which will give some back.
  var hold: Int
  /// Held this many bytes with nothing given back, the rest of the stream
  /// goes to the spool file (an input that is not a List in kubectl's
  /// layout, or one whose chunks stopped being confirmed).
  var spill: Int
  /// Memory is given back in whole units: huge pages (2 MB), which a
  /// partial unit would split.
  var unit: Int
  /// Bytes of pages given back kept ahead of the copy at most, to be
  /// filled again; the others are freed.
  var ready: Int

  static let `default` = MemoryLimits(fileFirst: 0, hold: 32 << 20, spill: 128 << 20, unit: 2 << 20, ready: 16 << 20)

  /// `default` when the system backs the memory asked for with huge pages
  /// (transparent huge pages `always` or `madvise`), else nil: into small
  /// pages the copy cost more than into the file (docs/performance.md).
  /// Nil too with `KUBEZONE_SPOOL=file` in the environment, for hosts that
  /// keep huge pages for others (docs/inputs.md).
  static let system: MemoryLimits? = {
    guard ProcessInfo.processInfo.environment["KUBEZONE_SPOOL"] != "file",
      let text = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
      text.contains("[always]") || text.contains("[madvise]")
    else { return nil }
    return .default
  }()
}

/// A stream copied into the process's memory: `read` straight into huge
/// pages, which the readers then find in place, without the page cache,
/// the file system or the page faults of a spool file; a 150k-pod stream
/// (1.3 GB) read 0.1-0.2 s faster. The memory of confirmed chunks is given
/// back and moved ahead of the copy to be filled again, and the copy holds
/// back so that it stays near `MemoryLimits.hold`; what cannot be given
/// back spills into the spool file.
extension SpoolStream {
  /// Copies `source` into the file up to `MemoryLimits.fileFirst` bytes
  /// (rounded up to a whole page), then into memory.
  func copyThroughMemory(from source: Int32) throws(InputError) {
    guard let limits else { return }
    let start = (limits.fileFirst + Self.page - 1) / Self.page * Self.page
    if start > 0, try InputSpool.copy(from: source, name: name, to: spool, folder: folder, limit: start, copied: publish) { return }
    // Only bytes past `written` are replaced, which nobody reads.
    let mapped = mmap(base + start, reserved - start, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0)
    guard mapped != MAP_FAILED else {
      try InputSpool.copy(from: source, name: name, to: spool, folder: folder, copied: publish)
      return
    }
    #if os(Linux)
      madvise(base + start, reserved - start, 14 /* MADV_HUGEPAGE */)
    #endif
    condition.lock()
    (memoryStart, memoryGivenBack, memoryReused, readyEnd) = (start, start, start, start)
    condition.unlock()
    InputSpool.widen(source)
    while true {
      condition.lock()
      while working > 0, written - memoryGivenBack >= limits.hold, written - memoryGivenBack < limits.spill {
        condition.wait()
      }
      let spills = written - memoryGivenBack >= limits.spill
      // Read no further than the spill would let it hold.
      let end = min(reserved, memoryGivenBack + limits.spill)
      let at = written
      let givenBack = memoryReused..<max(memoryReused, memoryGivenBack)
      memoryReused = givenBack.upperBound
      condition.unlock()
      reuse(givenBack, at: at, limits: limits)
      if spills { return try spill(from: source, at: at) }
      guard at < reserved else {
        throw InputError("\(name): the input is larger than the \(reserved >> 30) GB kubezone can read", at: nil)
      }
      guard try readSome(from: source, at: at, upTo: end) else { return }
    }
  }

  /// Memory's unit: whole pages.
  private func unit(_ limits: MemoryLimits) -> Int { max(limits.unit, Self.page) / Self.page * Self.page }

  /// The input offset of the first unit boundary at or after `offset`, or
  /// at or before it (`up` false): units are whole in the address space,
  /// where huge pages lie, whatever the mapping's start.
  private func unitBoundary(_ offset: Int, _ unit: Int, up: Bool) -> Int {
    let address = Int(bitPattern: base) + offset
    return (up ? (address + unit - 1) / unit : address / unit) * unit - Int(bitPattern: base)
  }

  /// Reads what `source` has, up to `InputSpool.chunk` bytes and `end`,
  /// into memory at `at` and publishes it; false at the stream's end.
  private func readSome(from source: Int32, at: Int, upTo end: Int) throws(InputError) -> Bool {
    let n = try InputSpool.readAvailable(source, into: base + at, count: min(InputSpool.chunk, end - at), name: name)
    if n > 0 { publish(n) }
    return n > 0
  }

  /// The rest of the stream into the spool file again, at the same offsets
  /// and mapped there, from the next page on; the page the copy is in is
  /// filled from the stream first.
  private func spill(from source: Int32, at: Int) throws(InputError) {
    let start = (at + Self.page - 1) / Self.page * Self.page
    var at = at
    while at < start {
      guard try readSome(from: source, at: at, upTo: start) else { return }
      condition.lock()
      at = written
      condition.unlock()
    }
    // Only bytes past `written` are replaced, which nobody reads.
    let mapped = mmap(base + start, reserved - start, PROT_READ, MAP_SHARED | MAP_FIXED, spool, off_t(start))
    guard mapped != MAP_FAILED, lseek(spool, off_t(start), SEEK_SET) == off_t(start) else {
      throw InputSpool.failure(name, "cannot map the temporary copy in \(folder)", errno)
    }
    madvise(base + start, reserved - start, MADV_SEQUENTIAL)
    condition.lock()
    spillStart = start
    condition.unlock()
    try InputSpool.copy(from: source, name: name, to: spool, folder: folder, copied: publish)
  }

  /// Gives the whole units of memory inside `range` back, from where the
  /// last ones ended, and wakes the copy, which reuses or frees them.
  func discardMemory(_ range: Range<Int>) {
    guard let limits else { return }
    let unit = unit(limits)
    condition.lock()
    let start = max(unitBoundary(max(range.lowerBound, memoryStart), unit, up: true), memoryGivenBack)
    let end = unitBoundary(min(range.upperBound, spillStart, written), unit, up: false)
    if end > start {
      // Only whole units: the ones before were given back whole.
      if memoryGivenBack < start { memoryReused = start }
      memoryGivenBack = end
      condition.broadcast()
    }
    condition.unlock()
  }

  /// Moves the pages of `range` just ahead of the copy, which is at `at`,
  /// so that it fills them instead of new ones that the kernel would
  /// clear first (a fifth of the copy's time); they read as zeros where
  /// they were. Frees them when enough are ahead already, or when the
  /// kernel cannot move them (`MREMAP_DONTUNMAP` is Linux 5.7's).
  private func reuse(_ range: Range<Int>, at: Int, limits: MemoryLimits) {
    guard !range.isEmpty else { return }
    let unit = unit(limits)
    let to = max(readyEnd, unitBoundary(at, unit, up: true))
    var freed = range
    #if os(Linux)
      let room = min(range.count, at + limits.ready - to, reserved - to) / unit * unit
      // MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP
      if room > 0, let move = Mremap.function, move(base + range.lowerBound, room, room, 1 | 2 | 4, base + to) != MAP_FAILED {
        readyEnd = to + room
        freed = range.lowerBound + room..<range.upperBound
      }
    #endif
    if !freed.isEmpty { madvise(base + freed.lowerBound, freed.count, MADV_DONTNEED) }
  }
}

#if os(Linux)
  /// `mremap(2)` with its fifth argument, which Swift cannot pass to the
  /// variadic declaration; looked up once by name, as `Splice` is.
  enum Mremap {
    typealias Function = @convention(c) (UnsafeMutableRawPointer, Int, Int, Int32, UnsafeMutableRawPointer) -> UnsafeMutableRawPointer?
    static let function: Function? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mremap").map { unsafeBitCast($0, to: Function.self) }
  }
#endif
