import Foundation
import Testing
@testable import KubeZone

/// Inputs too big to keep in the repository, generated per run: deep
/// nesting and 100 MB scalars. Each must fail fast with the limit's error
/// at the byte that crossed it, leaving the zones on disk untouched.
@Suite struct HostileLimitsTests {
  /// Writes `bytes` to a temporary file and runs the case on it.
  static func run(_ name: String, _ bytes: [UInt8], _ c: HostileCase, seconds limit: Double) throws {
    let folder = TestSupport.temporaryFolder("limits")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/" + name
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let start = Date()
    try HostileRunner.check(c, input: path)
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed < limit, "\(name) took \(elapsed) s")
  }

  static let depth = 100_000

  @Test func yamlFlowNesting100000Deep() throws {
    let bytes = Array(String(repeating: "[", count: Self.depth).utf8) + Array(String(repeating: "]", count: Self.depth).utf8)
    try Self.run("deep-flow.yaml", bytes, HostileCase("", .invalidInput, .error("nesting depth exceeds 512"), at: "1:513"), seconds: 10)
  }

  @Test func yamlBlockSequenceNesting100000Deep() throws {
    let bytes = Array((String(repeating: "- ", count: Self.depth) + "x\n").utf8)
    try Self.run("deep-block.yaml", bytes, HostileCase("", .invalidInput, .error("nesting depth exceeds 512"), at: "1:1025"), seconds: 10)
  }

  @Test func jsonNesting100000Deep() throws {
    let bytes = Array((String(repeating: "{\"a\":", count: Self.depth) + "1" + String(repeating: "}", count: Self.depth)).utf8)
    try Self.run("deep.json", bytes, HostileCase("", .invalidInput, .error("nesting depth exceeds 512"), at: "1:2561"), seconds: 10)
  }

  /// A ConfigMap whose block scalar holds 100 MB: rejected at 64 MiB.
  @Test func yaml100MBBlockScalar() throws {
    var bytes = Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  file: |\n    ".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 100 << 20)
    bytes += [0x0A]
    let c = HostileCase("", .invalidInput, .error("scalar exceeds 67108864 bytes"), at: "6:67108869")
    try Self.run("big.yaml", bytes, c, seconds: 120)
  }

  @Test func json100MBString() throws {
    var bytes = Array("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"file\": \"".utf8)
    let column = bytes.count + 1 + (64 << 20)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 100 << 20)
    bytes += Array("\"}}".utf8)
    let c = HostileCase("", .invalidInput, .error("scalar exceeds 67108864 bytes"), at: "1:\(column)")
    try Self.run("big.json", bytes, c, seconds: 120)
  }

  /// Every scalar style stops at the byte that crosses the limit, not at
  /// the scalar's end (cheap to check with a small limit).
  @Test(arguments: [
    ("k: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", 14),
    ("k: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n", 15),
    ("k: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n", 15),
    ("k: xxxxx xxxxx xxxxx xxxxx xxxxx\n", 14),
    ("k: |\n  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", 13),
  ])
  func scalarLimitIsEnforcedAtTheCrossingByte(yaml: String, column: Int) {
    let limits = ReadLimits(maxScalarBytes: 10)
    do {
      _ = try YAMLReader.documents(Array(yaml.utf8), file: "s.yaml", limits: limits)
      Issue.record("accepted a scalar over the limit")
    } catch {
      #expect(error.message == "scalar exceeds 10 bytes")
      #expect(error.location.column == column, "\(error)")
    }
  }
}

/// Hostile input that is not file content: names of files in a folder.
@Suite struct HostileFileNameTests {
  @Test func controlCharactersInAFileNameCannotForgeOutputLines() throws {
    let folder = TestSupport.temporaryFolder("names")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let name = "svc\nkubezone: 3 zones written to out/\u{1B}[2J.yaml"
    TestSupport.write("apiVersion: v1\nkind: Service\nmetadata: {name: \"a;b\"}\n", to: folder + "/" + name)
    TestSupport.write("apiVersion: v1\nkind: Service\nmetadata: {name: ok}\nspec: {clusterIP: 10.96.0.9}\n", to: folder + "/ok.yaml")
    let result = TestSupport.cli(["generate", "--out", folder + "/out", folder])
    #expect(result.code == .success, "\(result.err)")
    let lines = result.err.split(separator: "\n")
    #expect(lines.count == 2, "\(result.err)")
    #expect(lines.first?.hasSuffix("svc\\nkubezone: 3 zones written to out/\\u{1B}[2J.yaml:1:1: warning: Service name 'a;b' is not a DNS-1035 label; skipped") == true, "\(result.err)")
    for line in lines {
      #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
    }
  }
}
