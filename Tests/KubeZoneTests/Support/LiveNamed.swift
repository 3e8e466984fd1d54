import Foundation
import Testing

/// A real `named` serving zone files on 127.0.0.1 at a free port, for
/// tests that ask it questions with `dig`. Stopped by `stop()`.
final class LiveNamed {
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
      let port = fixedPort ?? Int.random(in: 20000..<60000)
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
      if try server.waitUntilServing(probe) { return server }
      lastError = TestSupport.read(logPath) ?? ""
      server.stop()
    }
    Issue.record("named did not start:\n\(lastError.suffix(3000))")
    return nil
  }

  /// A port on 127.0.0.1 free for both TCP and UDP right now, for a
  /// server whose port must be known before it starts (a secondary the
  /// primary's configuration names).
  static func freePort() -> Int {
    for _ in 0..<50 {
      let port = Int.random(in: 20000..<60000)
      if [SOCK_STREAM, SOCK_DGRAM].allSatisfy({ canBind(port: port, type: Int32($0.rawValue)) }) { return port }
    }
    return Int.random(in: 20000..<60000)
  }

  private static func canBind(port: Int, type: Int32) -> Bool {
    let fd = socket(AF_INET, type, 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
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

  private func waitUntilServing(_ zone: String) throws -> Bool {
    for _ in 0..<100 {
      if !process.isRunning { return false }
      if let answer = try? dig(zone, "SOA"), !answer.isEmpty { return true }
      usleep(100_000)
    }
    return false
  }

  /// The answer section of `dig +short`-style output, sorted, one per line.
  func dig(_ name: String, _ type: String) throws -> [String] {
    guard let tool = ExternalTool.find("dig") else { return [] }
    let r = try ExternalTool.run(tool, [
      "@127.0.0.1", "-p", String(port), "+short", "+norecurse", "+time=2", "+tries=1", name, type,
    ], timeout: 10)
    return r.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix(";") }.sorted()
  }

  /// dig's answer section in zone-file syntax.
  func records(_ name: String, _ type: String) throws -> String {
    guard let tool = ExternalTool.find("dig") else { return "" }
    return try ExternalTool.run(tool, [
      "@127.0.0.1", "-p", String(port), "+norecurse", "+time=2", "+tries=1", "+nocmd", "+nostats",
      "+noquestion", "+nocomments", name, type,
    ], timeout: 20).stdout
  }

  /// The response code (NOERROR, NXDOMAIN, ...) for a question.
  func status(_ name: String, _ type: String) throws -> String {
    guard let tool = ExternalTool.find("dig") else { return "" }
    let r = try ExternalTool.run(tool, ["@127.0.0.1", "-p", String(port), "+norecurse", "+time=2", "+tries=1", name, type], timeout: 10)
    guard let range = r.stdout.range(of: "status: ") else { return "" }
    return String(r.stdout[range.upperBound...].prefix { $0 != "," })
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: folder)
  }
}
