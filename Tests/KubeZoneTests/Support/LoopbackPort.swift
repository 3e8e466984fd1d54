import Foundation

/// Ports on 127.0.0.1 for the live servers of the tests.
enum LoopbackPort {
  /// A port free for both TCP and UDP right now, for a server whose port
  /// must be known before it starts (a secondary the primary's
  /// configuration names). Another process may still take it: servers
  /// that fail to start are retried.
  static func free() -> Int {
    for _ in 0..<50 {
      let port = Int.random(in: 20000..<60000)
      if canBind(port, type: Int32(SOCK_STREAM.rawValue)) && canBind(port, type: Int32(SOCK_DGRAM.rawValue)) {
        return port
      }
    }
    return Int.random(in: 20000..<60000)
  }

  private static func canBind(_ port: Int, type: Int32) -> Bool {
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
}

/// A server on 127.0.0.1 at `port` that tests question with `dig`.
protocol DigAnswering {
  var port: Int { get }
}

extension DigAnswering {
  /// Polls SOA for `zone` until it is answered (true), `process` ends or
  /// 20 s pass (false).
  func waitUntilServing(_ zone: String, process: Process) -> Bool {
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
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
}
