import Foundation
import Testing

/// A real `named` serving zone files on 127.0.0.1 at a free port, for
/// tests that ask it questions with `dig`. Stopped by `stop()`.
final class LiveNamed: DigAnswering {
  let port: Int
  let folder: String
  private let process: Process

  /// Starts named with `zones` (origin -> zone file path); nil when named
  /// is missing outside CI.
  static func start(zones: [(origin: String, file: String)], extraConfig: String = "") throws -> LiveNamed? {
    try start(probe: zones.first?.origin ?? ".") { _ in
      zones.map { "zone \"\($0.origin)\" { type primary; file \"\($0.file)\"; };\n" }.joined() + extraConfig
    }
  }

  /// Starts named with `statements(folder)` after an options block for
  /// 127.0.0.1 at a free port (or at `port`), with `options` added to the
  /// block; ready once it answers SOA for `probe`.
  static func start(
    probe: String, port fixedPort: Int? = nil, options: String = "", _ statements: (String) -> String
  ) throws -> LiveNamed? {
    guard let named = ExternalTool.find("named") else { return nil }
    var lastError = ""
    for _ in 0..<5 {
      let port = fixedPort ?? LoopbackPort.free()
      let folder = TestSupport.temporaryFolder("named")
      let conf = """
        options {
          directory "\(folder)";
          pid-file "\(folder)/named.pid";
          listen-on port \(port) { 127.0.0.1; };
          listen-on-v6 { none; };
          recursion no;
          dnssec-validation no;
          notify no;
        \(options)
        };
        controls { };
        \(statements(folder))
        """
      TestSupport.write(conf, to: folder + "/named.conf")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: named)
      process.arguments = ["-g", "-n", "1", "-c", folder + "/named.conf"]
      let logPath = folder + "/named.log"
      _ = FileManager.default.createFile(atPath: logPath, contents: nil)
      process.standardError = FileHandle(forWritingAtPath: logPath) ?? FileHandle.nullDevice
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let server = LiveNamed(port: port, folder: folder, process: process)
      if server.waitUntilServing(probe, process: process) { return server }
      lastError = TestSupport.read(logPath) ?? ""
      server.stop()
    }
    Issue.record("named did not start:\n\(lastError.suffix(3000))")
    return nil
  }

  /// The server's process id, for `kill -HUP` (reload) from a test.
  var pid: Int32 { process.processIdentifier }

  /// What named has logged so far.
  var log: String { TestSupport.read(folder + "/named.log") ?? "" }

  private init(port: Int, folder: String, process: Process) {
    self.port = port
    self.folder = folder
    self.process = process
  }

  func stop() {
    LiveServer.stop(process)
    try? FileManager.default.removeItem(atPath: folder)
  }
}
