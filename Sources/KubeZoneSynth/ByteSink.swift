import Foundation

/// A buffered byte writer to a file descriptor; the emitters append to it
/// and it writes out in large blocks.
public final class ByteSink {
  public private(set) var bytes: [UInt8] = []
  private let fd: Int32?
  private let flushAt = 1 << 20
  /// Bytes written so far, flushed or not.
  public private(set) var count = 0

  /// A sink writing to `fd` (nil keeps everything in `bytes`).
  public init(fd: Int32?) {
    self.fd = fd
    bytes.reserveCapacity(flushAt + 65536)
  }

  @inline(__always) public func append(_ b: UInt8) {
    bytes.append(b)
    count += 1
  }

  public func append(_ s: String) {
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0); count += $0.count }
    if fd != nil && bytes.count >= flushAt { flush() }
  }

  public func spaces(_ n: Int) {
    for _ in 0..<n { bytes.append(0x20) }
    count += n
  }

  /// Writes buffered bytes to the file descriptor.
  public func flush() {
    guard let fd else { return }
    bytes.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
        if n <= 0 { break }
        done += n
      }
    }
    bytes.removeAll(keepingCapacity: true)
  }
}
