import Foundation

/// A file mapped read-only into memory, so a reader can walk all of it
/// without copying it into an array, and give pages back once read.
///
/// Pages the readers have finished with are dropped from the process with
/// `madvise(MADV_DONTNEED)` (they stay in the page cache), so the resident
/// size stays far below the size of a large input.
final class MappedFile: @unchecked Sendable {
  let path: String
  let count: Int
  private let base: UnsafeMutableRawPointer?

  /// Maps `path`, or returns nil when it cannot be opened or mapped.
  init?(path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    self.path = path
    count = Int(info.st_size)
    if count == 0 {
      base = nil
      return
    }
    let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
    guard let mapped, mapped != MAP_FAILED else { return nil }
    madvise(mapped, count, MADV_SEQUENTIAL)
    base = mapped
  }

  deinit {
    if let base { munmap(base, count) }
  }

  /// Runs `body` over the file's bytes; the pointer must not escape.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
    return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
  }

  /// Drops the whole pages inside `range` from the process's memory.
  func release(_ range: Range<Int>) {
    guard let base else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (range.lowerBound + page - 1) / page * page
    let end = min(range.upperBound, count) / page * page
    if end > start { madvise(base + start, end - start, MADV_DONTNEED) }
  }

  /// A copy of the bytes, for the full readers.
  func array() -> [UInt8] { withBytes { Array($0) } }
}
