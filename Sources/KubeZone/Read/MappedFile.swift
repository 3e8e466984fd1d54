import Foundation

/// A file mapped read-only into memory, so a reader can walk all of it
/// without copying it into an array, and give pages back once read.
///
/// Pages the readers have finished with are dropped from the process with
/// `madvise(MADV_DONTNEED)` (they stay in the page cache), so the resident
/// size stays far below the size of a large input.
final class MappedFile: @unchecked Sendable {
  /// The name errors give: the path, or `<stdin>`.
  let name: String
  let count: Int
  private let base: UnsafeMutableRawPointer?
  /// Where the input's bytes start in the mapping (a redirected file read
  /// from the middle); whole pages before it are not mapped.
  private let skip: Int
  /// What owns the mapping when this does not (a growing spool, mapped
  /// once with room to spare, whose early readers share it); else nil and
  /// the mapping is this object's.
  private let owner: MappingOwner?

  /// Maps the regular file open as `fd` from byte `offset` to its end; the
  /// caller keeps `fd` (the mapping does not need it once made).
  init?(fd: Int32, name: String, from offset: Int) {
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, offset >= 0 else { return nil }
    self.name = name
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = min(offset, Int(info.st_size)) / page * page
    count = max(0, Int(info.st_size) - offset)
    skip = offset - start
    owner = nil
    if count == 0 {
      base = nil
      return
    }
    let mapped = mmap(nil, count + skip, PROT_READ, MAP_PRIVATE, fd, off_t(start))
    guard let mapped, mapped != MAP_FAILED else { return nil }
    madvise(mapped, count + skip, MADV_SEQUENTIAL)
    base = mapped
  }

  /// The first `count` bytes of a mapping that `owner` keeps and unmaps.
  init(name: String, base: UnsafeMutableRawPointer, count: Int, owner: MappingOwner) {
    self.name = name
    self.base = count > 0 ? base : nil
    self.count = count
    skip = 0
    self.owner = owner
  }

  deinit {
    if let base, owner == nil { munmap(base, count + skip) }
  }

  /// Runs `body` over the file's bytes; the pointer must not escape.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
    return try body(UnsafeBufferPointer(start: (base + skip).assumingMemoryBound(to: UInt8.self), count: count))
  }

  /// Drops the whole pages inside `range` (offsets in the input) from the
  /// process's memory.
  func release(_ range: Range<Int>) {
    if let owner { return owner.release(range) }
    guard let base else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (range.lowerBound + skip + page - 1) / page * page
    let end = min(range.upperBound + skip, count + skip) / page * page
    if end > start { madvise(base + start, end - start, MADV_DONTNEED) }
  }

  /// A copy of the bytes, for the full readers.
  func array() -> [UInt8] { withBytes { Array($0) } }
}

/// What keeps a mapping that `MappedFile`s share, and knows which of its
/// pages can be dropped (a spool's memory holds the only copy of its bytes).
protocol MappingOwner: AnyObject, Sendable {
  /// Drops what it can of the pages inside `range` from the process.
  func release(_ range: Range<Int>)
}
