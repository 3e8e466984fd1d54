import Foundation

/// An advisory `flock` on `<out>/.kubezone.lock`, so two runs on one output
/// folder never interleave (cron firing while a slow run still writes).
///
/// The lock belongs to the open file, so the kernel drops it when the
/// process dies: a killed run never leaves a stale lock behind.
public final class OutputLock: @unchecked Sendable {
  public static let fileName = ".kubezone.lock"

  private var descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Takes the lock, waiting up to `timeout` seconds for another run.
  public static func acquire(folder: String, timeout: Double) throws(InputError) -> OutputLock {
    let path = folder + "/" + fileName
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw InputError("\(path): cannot open lock file (\(String(cString: strerror(errno))))", at: nil)
    }
    let deadline = Date().addingTimeInterval(max(0, timeout))
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let reason = errno
      guard reason == EWOULDBLOCK || reason == EINTR else {
        close(fd)
        throw InputError("\(path): cannot lock (\(String(cString: strerror(reason))))", at: nil)
      }
      if Date() >= deadline {
        close(fd)
        throw InputError(
          "\(path): another kubezone run holds the lock on \(folder)/; gave up after \(formatSeconds(timeout)) s "
            + "(raise --lock-timeout to wait longer)", at: nil)
      }
      usleep(20_000)
    }
    return OutputLock(descriptor: fd)
  }

  /// Releases the lock; also done on deinit.
  public func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }

  private static func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(s)
  }
}
