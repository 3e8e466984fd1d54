import Foundation
import Testing

/// A DNS server other than named (NSD, Knot, PowerDNS) running in the
/// foreground on 127.0.0.1, for tests that question it with `dig`.
/// Stopped by `stop()`.
final class LiveServer: DigAnswering {
  let port: Int
  let folder: String
  private let process: Process

  /// Runs `tool` with `arguments(folder, port)` (after `configure(folder,
  /// port)` wrote its configuration), at `port` or a free port; ready once
  /// it answers SOA for `probe`. Nil when the tool is missing outside CI.
  static func start(
    _ tool: String, probe: String, port fixedPort: Int? = nil,
    configure: (_ folder: String, _ port: Int) -> Void, arguments: (_ folder: String, _ port: Int) -> [String]
  ) throws -> LiveServer? {
    guard let path = ExternalTool.find(tool) else { return nil }
    var lastError = ""
    for _ in 0..<3 {
      let port = fixedPort ?? LoopbackPort.free()
      let folder = TestSupport.temporaryFolder(tool)
      configure(folder, port)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = arguments(folder, port)
      let logPath = folder + "/server.log"
      _ = FileManager.default.createFile(atPath: logPath, contents: nil)
      let log = FileHandle(forWritingAtPath: logPath) ?? FileHandle.nullDevice
      process.standardError = log
      process.standardOutput = log
      try process.run()
      let server = LiveServer(port: port, folder: folder, process: process)
      if server.waitUntilServing(probe, process: process) { return server }
      lastError = server.log
      server.stop()
    }
    Issue.record("\(tool) did not start:\n\(lastError.suffix(3000))")
    return nil
  }

  private init(port: Int, folder: String, process: Process) {
    self.port = port
    self.folder = folder
    self.process = process
  }

  /// The server's process id, for signals from a test.
  var pid: Int32 { process.processIdentifier }

  /// What the server has logged so far.
  var log: String { TestSupport.read(folder + "/server.log") ?? "" }

  func stop() {
    Self.stop(process)
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// SIGTERM, then SIGKILL for `process` and its children. A process
  /// started from a test thread inherits that thread's blocked signals, so
  /// NSD and PowerDNS may never see the SIGTERM.
  static func stop(_ process: Process) {
    guard process.isRunning else { return }
    process.terminate()
    let deadline = Date().addingTimeInterval(3)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning {
      let pid = process.processIdentifier
      for child in descendants(of: pid) + [pid] { kill(child, SIGKILL) }
    }
    process.waitUntilExit()
  }

  /// The children of `pid`, their children, and so on (`/proc/PID/task/*/children`).
  static func descendants(of pid: Int32) -> [Int32] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    let children = tasks.flatMap { task in
      (TestSupport.read("/proc/\(pid)/task/\(task)/children") ?? "").split(separator: " ").compactMap { Int32($0) }
    }
    return children.flatMap { descendants(of: $0) + [$0] }
  }
}
