import Foundation

/// Makes a stream (standard input from a pipe, a FIFO, `<(kubectl ...)`)
/// into a mapped file, so it is read exactly like a file: by the same fast
/// readers, with the same fallback and the same pages given back.
///
/// The stream is copied in chunks into memory on huge pages given back as
/// it is read (`SpoolStream+Memory.swift`), or into an unlinked temporary
/// file in `$TMPDIR` (else `/tmp`) that is mapped; nothing ever holds the
/// whole input in the process's memory, and the file disappears with the
/// mapping. A regular file (`< snapshot.json`) is mapped in place.
enum InputSpool {
  /// Bytes moved per system call.
  static let chunk = 1 << 20

  /// Where spool files go: `$TMPDIR` when set, else `/tmp`.
  static var folder: String {
    if let dir = ProcessInfo.processInfo.environment["TMPDIR"], !dir.isEmpty { return dir }
    return "/tmp"
  }

  /// The input open as `fd`, mapped; errors name it `name`.
  static func map(fd: Int32, name: String, folder: String = folder) throws(InputError) -> MappedFile {
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
      // From the current offset, as reading it would.
      let offset = lseek(fd, 0, SEEK_CUR)
      if let mapped = MappedFile(fd: fd, name: name, from: max(0, Int(offset))) { return mapped }
    }
    let spool = try create(in: folder, for: name)
    defer { close(spool) }
    try copy(from: fd, name: name, to: spool, folder: folder)
    guard let mapped = MappedFile(fd: spool, name: name, from: 0) else {
      throw failure(name, "cannot map the temporary copy in \(folder)", errno)
    }
    return mapped
  }

  /// The input open as `fd`: a regular file mapped in place, else a
  /// stream whose copy has started (`SpoolStream`), so reading can begin
  /// before it ends. `fd` is closed once read when `closing`.
  static func start(
    fd: Int32, closing: Bool, name: String, folder: String = folder, memory: MemoryLimits? = .system
  ) throws(InputError) -> Source {
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
      defer { if closing { close(fd) } }
      return .mapped(try map(fd: fd, name: name, folder: folder))
    }
    do throws(InputError) {
      if let stream = try SpoolStream.start(source: fd, closing: closing, name: name, folder: folder, memory: memory) {
        return .stream(stream)
      }
    } catch {
      if closing { close(fd) }
      throw error
    }
    defer { if closing { close(fd) } }
    return .mapped(try map(fd: fd, name: name, folder: folder))
  }

  /// An input ready to read, or on its way.
  enum Source {
    case mapped(MappedFile)
    case stream(SpoolStream)
  }

  /// A new temporary file in `folder` that has no name, so nothing is left
  /// behind whatever happens to the process (`O_TMPFILE`, else `mkstemp`
  /// and `unlink` at once).
  static func create(in folder: String, for name: String) throws(InputError) -> Int32 {
    #if os(Linux)
      let oTmpFile: Int32 = 0o20000000 | O_DIRECTORY
      let unnamed = open(folder, oTmpFile | O_RDWR | O_CLOEXEC, 0o600)
      if unnamed >= 0 { return unnamed }
    #endif
    var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast()) + Array("kubezone-stdin-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      throw failure(name, "cannot create a temporary file in \(folder) (set TMPDIR to a writable folder)", errno)
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return fd
  }

  /// Copies `source` to its end, or `limit` bytes of it, into `spool` at
  /// its offset: `splice` from a pipe (no copy through this process), else
  /// `read` and `write`. `copied` hears of each step's bytes once they are
  /// in the spool. True when the source ended.
  @discardableResult
  static func copy(
    from source: Int32, name: String, to spool: Int32, folder: String, limit: Int = .max, copied: (Int) -> Void = { _ in }
  ) throws(InputError) -> Bool {
    var left = limit
    #if os(Linux)
      if let splice = Splice.function {
        widen(source)
        var first = true
        while left > 0 {
          let n = splice(source, nil, spool, nil, min(chunk, left), 0)
          if n > 0 {
            first = false
            left -= n
            copied(n)
            continue
          }
          if n == 0 { return true }
          if errno == EINTR || errno == EAGAIN && wait(for: source) { continue }
          // Not a pipe: only before anything moved, so nothing is lost.
          if first, errno == EINVAL { break }
          throw spliceFailure(source: source, name: name, folder: folder, errno)
        }
        if left == 0 { return false }
      }
    #endif
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
    defer { buffer.deallocate() }
    while left > 0 {
      let n = try readAvailable(source, into: buffer, count: min(chunk, left), name: name)
      if n == 0 { return true }
      var done = 0
      while done < n {
        let w = write(spool, buffer + done, n - done)
        if w < 0, errno == EINTR { continue }
        guard w > 0 else { throw failure(name, "cannot copy the input to a temporary file in \(folder)", errno) }
        done += w
      }
      left -= n
      copied(n)
    }
    return false
  }

  /// A larger pipe means fewer wake-ups; refused (not a pipe, or over the
  /// user's limit) changes nothing.
  static func widen(_ source: Int32) {
    _ = fcntl(source, 1031 /* F_SETPIPE_SZ */, Int32(chunk))
  }

  /// Reads up to `count` bytes of `source` into `buffer`, waiting out
  /// interruptions and a non-blocking source; 0 at its end.
  static func readAvailable(_ source: Int32, into buffer: UnsafeMutableRawPointer, count: Int, name: String) throws(InputError) -> Int {
    while true {
      let n = read(source, buffer, count)
      if n >= 0 { return n }
      guard errno == EINTR || errno == EAGAIN && wait(for: source) else { throw failure(name, "cannot read", errno) }
    }
  }

  /// Waits until a non-blocking `fd` has data or its end; false when it
  /// cannot be waited on.
  private static func wait(for fd: Int32) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, -1) >= 0 || errno == EINTR
  }

  /// A failed `splice` is the spool's fault (disk full, file too large)
  /// unless reading the source fails on its own.
  private static func spliceFailure(source: Int32, name: String, folder: String, _ code: Int32) -> InputError {
    switch code {
    case ENOSPC, EFBIG, EDQUOT, EROFS: failure(name, "cannot copy the input to a temporary file in \(folder)", code)
    default: failure(name, "cannot read", code)
    }
  }

  static func failure(_ name: String, _ what: String, _ code: Int32) -> InputError {
    InputError("\(name): \(what): \(String(cString: strerror(code)))", at: nil)
  }
}

#if os(Linux)
  /// `splice(2)`, which Glibc declares only under `_GNU_SOURCE` and so
  /// Swift does not import; looked up once by name.
  enum Splice {
    typealias Function = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int
    static let function: Function? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "splice").map { unsafeBitCast($0, to: Function.self) }
  }
#endif
