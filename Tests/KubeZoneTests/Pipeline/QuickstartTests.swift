import Foundation
import Testing
@testable import KubeZone

/// The bundled example, end to end: zone files byte for byte, loaded by
/// real servers, and served by a real named answering like cluster DNS.
@Suite struct QuickstartTests {
  static let example = TestSupport.path("examples/quickstart")
  static let golden = TestSupport.path("Tests/KubeZoneTests/Golden/quickstart")
  static let zoneFiles = ["108.100.in-addr.arpa.zone", "96.10.in-addr.arpa.zone", "cluster.local.zone"]

  static func generate(_ inputs: [String]) -> (TestSupport.CLIResult, String) {
    let out = TestSupport.temporaryFolder("quickstart")
    let result = TestSupport.cli(["generate", "--namespace", "test", "--serial", "1", "--out", out] + inputs)
    return (result, out)
  }

  @Test func zoneFilesMatchGoldenFilesByteForByte() throws {
    let (result, out) = Self.generate([Self.example])
    #expect(result.code == .success, "\(result.err)")
    let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".zone") }.sorted()
    #expect(written == Self.zoneFiles)
    for file in Self.zoneFiles {
      let actual = FileManager.default.contents(atPath: out + "/" + file)
      let expected = FileManager.default.contents(atPath: Self.golden + "/" + file)
      #expect(actual != nil && actual == expected, "\(file) differs from the golden file")
    }
  }

  @Test func inputOrderDoesNotChangeTheBytes() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.example).sorted().map { Self.example + "/" + $0 }
    let (_, a) = Self.generate(files)
    let (_, b) = Self.generate(files.reversed())
    let (_, c) = Self.generate([files[3], files[0], files[4], files[2], files[1]])
    for file in Self.zoneFiles {
      let x = FileManager.default.contents(atPath: a + "/" + file)
      #expect(x != nil)
      #expect(x == FileManager.default.contents(atPath: b + "/" + file), "\(file)")
      #expect(x == FileManager.default.contents(atPath: c + "/" + file), "\(file)")
    }
  }

  @Test func summaryCountsRecordsAndZones() {
    let (result, out) = Self.generate([Self.example])
    #expect(result.err == "kubezone: 3 zones written to \(out)/, 41 records (3 SOA, 3 NS, 17 A, 11 PTR, 6 SRV, 1 TXT) from 2 services\n")
  }

  @Test func realServersLoadEveryZone() throws {
    let (_, out) = Self.generate([Self.example])
    #expect(try ZoneCheckers.checkFolder(out) == 3)
  }

  @Test func namedAnswersLikeClusterDNS() throws {
    let (_, out) = Self.generate([Self.example])
    let zones = Self.zoneFiles.map { (origin: String($0.dropLast(5)), file: out + "/" + $0) }
    guard let named = try LiveNamed.start(zones: zones) else { return }
    defer { named.stop() }
    let pods = ["100.108.251.30", "100.108.251.43", "100.108.251.47", "100.108.251.59", "100.108.251.67"]
    #expect(try named.dig("normal-service.test.svc.cluster.local", "A") == ["10.96.1.136"])
    #expect(try named.dig("headless-service.test.svc.cluster.local", "A") == pods)
    #expect(try named.dig("100-108-251-43.headless-service.test.svc.cluster.local", "A") == ["100.108.251.43"])
    #expect(try named.dig("43.251.108.100.in-addr.arpa", "PTR") == [
      "100-108-251-43.headless-service.test.svc.cluster.local.",
      "100-108-251-43.normal-service.test.svc.cluster.local.",
    ])
    #expect(try named.dig("136.1.96.10.in-addr.arpa", "PTR") == ["normal-service.test.svc.cluster.local."])
    #expect(try named.dig("dns-version.cluster.local", "TXT") == ["\"1.1.0\""])
    #expect(try named.status("missing.test.svc.cluster.local", "A") == "NXDOMAIN")
  }
}
