import Foundation
import Testing

/// Runs the real DNS tools (BIND, NSD, ldns) the tests check zones with.
///
/// In CI (`CI=true`) a missing tool fails the test: `.ci/run` installs
/// them, so absence means a broken setup. Elsewhere the test is skipped
/// with a message.
enum ExternalTool {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
    var text: String { stdout + stderr }
  }

  static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// The tool's full path, or nil (recording an issue in CI) when missing.
  static func find(_ name: String) -> String? {
    for dir in ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin", "/usr/local/sbin"] {
      let path = dir + "/" + name
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    if inCI {
      Issue.record("\(name) is not installed; .ci/run must install it")
    } else {
      print("skipping: \(name) is not installed (apt-get install bind9 bind9-utils bind9-dnsutils nsd ldnsutils knot pdns-server pdns-backend-bind)")
    }
    return nil
  }

  /// Makes a write to a pipe or FIFO whose reader has gone fail with EPIPE
  /// instead of killing the whole test process with SIGPIPE (a reader that
  /// stops early, a spool test's pipe released before its writer is done).
  static func ignoreSIGPIPE() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// A pipe whose ends close on exec: only the child it is handed to gets
  /// it (as its standard input or output), never a process another test
  /// starts meanwhile. A tmux server (ShellSession) that inherited one
  /// kept it open for its whole life, and the reader waited forever.
  static func privatePipe() -> Pipe {
    ignoreSIGPIPE()
    let pipe = Pipe()
    for fd in [pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor] {
      _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
    }
    return pipe
  }

  /// Runs `tool` with `arguments` and waits, with a time limit.
  static func run(_ tool: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let out = privatePipe()
    let err = privatePipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Drain both pipes while the tool runs, so a chatty tool cannot block.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    group.wait()
    return Output(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
