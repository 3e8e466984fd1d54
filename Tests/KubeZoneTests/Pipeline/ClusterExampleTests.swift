import Foundation
import Testing
@testable import KubeZone

/// The dual-stack cluster example (`examples/cluster`), end to end: zone
/// files byte for byte, loaded by real servers, and served by a real named
/// answering as cluster DNS would (`docs/records.md`).
@Suite struct ClusterExampleTests {
  static let example = TestSupport.path("examples/cluster")
  static let golden = TestSupport.path("Tests/KubeZoneTests/Golden/cluster")
  static let reverseZones = "10.96.0.0/16,10.244.0.0/16,fd00:10:96::/112,fd00:10:244::/56"
  static let zoneFiles = [
    "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa.zone",
    "0.0.4.4.2.0.0.1.0.0.0.0.d.f.ip6.arpa.zone",
    "244.10.in-addr.arpa.zone",
    "96.10.in-addr.arpa.zone",
    "cluster.local.zone",
  ]

  static func generate(_ inputs: [String]) -> (TestSupport.CLIResult, String) {
    let out = TestSupport.temporaryFolder("cluster")
    let result = TestSupport.cli(
      ["generate", "--serial", "1", "--reverse-zone", reverseZones, "--out", out] + inputs)
    return (result, out)
  }

  /// The example's input files (its README is not one).
  static func inputFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: example)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { example + "/" + $0 }
  }

  static func bytes(_ folder: String, _ file: String) -> Data? {
    FileManager.default.contents(atPath: folder + "/" + file)
  }

  @Test func zoneFilesMatchGoldenFilesByteForByte() throws {
    let (result, out) = Self.generate([Self.example])
    #expect(result.code == .success, "\(result.err)")
    let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".zone") }.sorted()
    #expect(written == Self.zoneFiles)
    for file in Self.zoneFiles {
      let actual = Self.bytes(out, file)
      let expected = Self.bytes(Self.golden, file)
      #expect(actual != nil && actual == expected, "\(file) differs from the golden file: \(Self.firstDifference(actual, expected))")
    }
  }

  /// The first line where two files differ, for a readable failure.
  static func firstDifference(_ a: Data?, _ b: Data?) -> String {
    let x = String(decoding: a ?? Data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let y = String(decoding: b ?? Data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
      let got = i < x.count ? String(x[i]) : "(end of file)"
      let want = i < y.count ? String(y[i]) : "(end of file)"
      return "line \(i + 1): got '\(got)', golden '\(want)'"
    }
    return "same lines"
  }

  @Test func summaryAndWarning() {
    let (result, out) = Self.generate([Self.example])
    let lines = result.err.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(result.err)")
    #expect(lines.first?.hasSuffix(
      "services.yaml:268:3: warning: ExternalName Service shop/legacy-ldap points at the IP address 192.168.40.15; cluster DNS serves no record for it") == true)
    #expect(lines.last == "kubezone: 5 zones written to \(out)/, 88 records (5 SOA, 5 NS, 24 A, 7 AAAA, 1 CNAME, 24 PTR, 21 SRV, 1 TXT) from 11 services; 1 object skipped (1 batch/v1/Job); 2 PTR outside every reverse zone; 1 warning")
  }

  @Test func realServersLoadEveryZone() throws {
    let (_, out) = Self.generate([Self.example])
    #expect(try ZoneCheckers.checkFolder(out) == Self.zoneFiles.count)
  }

  @Test func inputOrderDoesNotChangeTheBytes() throws {
    let files = try Self.inputFiles()
    #expect(files.count == 7)
    let (_, a) = Self.generate(files)
    let (_, b) = Self.generate(files.reversed())
    var rng = SeededGenerator(seed: 1035)
    let (_, c) = Self.generate(files.shuffled(using: &rng))
    for file in Self.zoneFiles {
      let x = Self.bytes(a, file)
      #expect(x != nil)
      #expect(x == Self.bytes(b, file), "\(file)")
      #expect(x == Self.bytes(c, file), "\(file)")
    }
  }

  @Test func namedAnswersLikeClusterDNS() throws {
    let (_, out) = Self.generate([Self.example])
    let zones = Self.zoneFiles.map { (origin: String($0.dropLast(5)), file: out + "/" + $0) }
    guard let named = try LiveNamed.start(zones: zones) else { return }
    defer { named.stop() }
    let nginx = "nginx.default.svc.cluster.local"

    #expect(try named.dig("kube-dns.kube-system.svc.cluster.local", "A") == ["10.96.0.10"])
    #expect(try named.dig("cluster.local", "NS") == ["kube-dns.kube-system.svc.cluster.local."])
    #expect(try named.dig("web-0." + nginx, "A") == ["10.244.1.5"])
    #expect(try named.dig("web-0." + nginx, "AAAA") == ["fd00:10:244:1::5"])
    #expect(try named.dig("_web._tcp." + nginx, "SRV") == [
      "0 50 80 web-0.nginx.default.svc.cluster.local.", "0 50 80 web-1.nginx.default.svc.cluster.local.",
    ])
    #expect(try named.dig("frontend.shop.svc.cluster.local", "AAAA") == ["fd00:10:96::7e1c"])
    #expect(try named.dig("frontend.shop.svc.cluster.local", "A") == ["10.96.112.40"])
    #expect(try named.dig("smtp.shop.svc.cluster.local", "CNAME") == ["email-smtp.eu-west-1.amazonaws.com."])
    #expect(try named.status("legacy-ldap.shop.svc.cluster.local", "A") == "NXDOMAIN")
    #expect(try named.status("legacy-ldap.shop.svc.cluster.local", "CNAME") == "NXDOMAIN")

    // IPv6 PTRs: a StatefulSet pod, a dual-stack cluster IP.
    #expect(try named.dig(try Self.reverse("fd00:10:244:1::5"), "PTR") == ["web-0.nginx.default.svc.cluster.local."])
    #expect(try named.dig(try Self.reverse("fd00:10:96::7e1c"), "PTR") == ["frontend.shop.svc.cluster.local."])
    // A pod selected by two services has a PTR for each.
    #expect(try named.dig(try Self.reverse("10.244.1.5"), "PTR") == [
      "10-244-1-5.web-public.default.svc.cluster.local.", "web-0.nginx.default.svc.cluster.local.",
    ])

    // Only ready pods answer: web-2 is not ready, web-3 terminating, report-0 succeeded.
    #expect(try named.dig(nginx, "A") == ["10.244.1.5", "10.244.2.4"])
    #expect(try named.dig(nginx, "AAAA") == ["fd00:10:244:1::5", "fd00:10:244:2::4"])
    #expect(try named.dig("report-workers.default.svc.cluster.local", "A") == ["10.244.2.7"])
    for name in ["web-2." + nginx, "web-3." + nginx, "report-0.report-workers.default.svc.cluster.local"] {
      #expect(try named.status(name, "A") == "NXDOMAIN", "\(name)")
    }
    for ip in ["10.244.1.6", "fd00:10:244:1::6", "10.244.2.5", "fd00:10:244:2::5", "10.244.1.9"] {
      #expect(try named.status(try Self.reverse(ip), "PTR") == "NXDOMAIN", "\(ip)")
    }
  }

  /// The reverse-lookup name of `ip`, without the trailing dot.
  static func reverse(_ ip: String) throws -> String {
    let address = try #require(IPAddress(ip))
    return String(address.reverseName.description.dropLast())
  }
}

/// A small deterministic generator (SplitMix64), so a shuffled order is
/// the same on every run and a failure can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
