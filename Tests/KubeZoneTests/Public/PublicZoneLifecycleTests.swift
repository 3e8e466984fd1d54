import Foundation
import Testing
@testable import KubeZone

/// A public zone goes through the same lifecycle as the cluster zone:
/// diff, --check, nsupdate output, guards, --emit, --prune; and its files
/// load in BIND, NSD and ldns and are served by a live named.
@Suite(.serialized) struct PublicZoneLifecycleTests {
  typealias F = PublicFixture

  /// A folder with the Service manifest and a hand-kept file of `hosts`
  /// A records under example.com (plus MX and TXT at the apex).
  private func setUp(hosts: Int = 3) -> String {
    let folder = TestSupport.temporaryFolder("public-life")
    TestSupport.write(PublicZoneCLITests.service, to: folder + "/in.yaml")
    writeStatic(folder, hosts: hosts)
    return folder
  }

  private func writeStatic(_ folder: String, hosts: Int, first: Int = 10) {
    var text = "$ORIGIN example.com.\n$TTL 600\n@ MX 10 mail\n@ TXT \"v=spf1 mx -all\"\nmail A 203.0.113.25\n"
    for i in 0..<hosts { text += "h\(i) A 203.0.113.\(first + i)\n" }
    TestSupport.write(text, to: folder + "/hand.zone")
  }

  private func run(_ folder: String, _ command: String, _ extra: [String] = []) -> TestSupport.CLIResult {
    TestSupport.cli([command, "--zone", "example.com", "--static", folder + "/hand.zone", "--out", folder + "/out"] + extra + [folder + "/in.yaml"])
  }

  @Test func diffAndCheckSeeAChangedPublicZone() {
    let folder = setUp()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(run(folder, "generate").code == .success)
    #expect(run(folder, "generate", ["--check"]).code == .success)
    writeStatic(folder, hosts: 4)
    let check = run(folder, "generate", ["--check"])
    #expect(check.code == .changesPending)
    #expect(check.err.contains("example.com.zone"), "\(check.err)")
    let diff = run(folder, "diff")
    #expect(diff.code == .changesPending)
    #expect(diff.out.contains("+ h3.example.com.") && diff.out.contains("203.0.113.13"), "\(diff.out)")
    #expect(!diff.out.contains("cluster.local"))
    let script = run(folder, "diff", ["--format", "nsupdate", "--server", "127.0.0.1:5353"])
    #expect(script.out.contains("zone example.com.\n"), "\(script.out)")
    #expect(script.out.contains("update add h3.example.com."))
  }

  @Test func theShrinkGuardCoversPublicZones() {
    let folder = setUp(hosts: 12)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(run(folder, "generate").code == .success)
    writeStatic(folder, hosts: 1)
    let refused = run(folder, "generate")
    #expect(refused.code == .refused, "\(refused.err)")
    #expect(TestSupport.read(folder + "/out/example.com.zone")?.contains("h11") == true)
    #expect(run(folder, "generate", ["--force"]).code == .success)
    #expect(TestSupport.read(folder + "/out/example.com.zone")?.contains("h11") == false)
  }

  @Test func emittedConfigurationsAndTheCatalogListThePublicZone() throws {
    let folder = setUp()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = run(folder, "generate", ["--emit", "bind,coredns,knot,nsd,powerdns,catalog"])
    #expect(r.code == .success, "\(r.err)")
    for file in ["named.conf.zones", "Corefile", "knot.conf.zones", "nsd.conf.zones", "pdns.bind.conf", "catalog.kubezone.invalid.zone"] {
      let text = TestSupport.read(folder + "/out/" + file) ?? ""
      #expect(text.contains("example.com"), "\(file) does not list example.com:\n\(text)")
    }
  }

  @Test func pruneDeletesAPublicZoneNoLongerAsked() {
    let folder = setUp()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(run(folder, "generate").code == .success)
    let out = folder + "/out"
    // Dropping a zone is a shrink like any other: the guard asks for --force.
    let refused = TestSupport.cli(["generate", "--prune", "--out", out, folder + "/in.yaml"])
    #expect(refused.code == .refused)
    #expect(refused.err.contains("writing would remove 7 RRsets (example.com. TXT, example.com. MX"), "\(refused.err)")
    let r = TestSupport.cli(["generate", "--prune", "--force", "--out", out, folder + "/in.yaml"])
    #expect(r.code == .success, "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: out + "/example.com.zone"))
    #expect(r.err.contains("1 zone file no longer produced deleted (--prune)"), "\(r.err)")
  }

  /// Public zones made from injected records (as the sources will give
  /// them) and a static file, written by the lifecycle.
  private func writeInjected(_ folder: String) throws -> LifecyclePlan {
    // Two zones: the file names its origin.
    TestSupport.write(
      "$ORIGIN example.com.\n@ 600 MX 10 mail\n@ 600 TXT \"v=spf1 mx -all\"\nmail 600 A 203.0.113.25\n", to: folder + "/hand.zone")
    let records = [
      F.a("shop.example.com", "203.0.113.10", from: F.shop),
      F.a("shop.example.com", "2001:db8::10", from: F.ingress),
      F.cname("www.example.com", "shop.example.com", from: F.ingress),
      F.a("*.apps.example.com", "203.0.113.11", from: F.other, ttl: 60),
      F.a("api.dev.example.com", "203.0.113.12", from: F.shop),
      F.a("elsewhere.example.org", "203.0.113.13", from: F.shop),
    ]
    var log = DiagnosticLog()
    let options = PublicNameOptions(zones: [F.name("example.com"), F.name("dev.example.com")], staticFiles: [folder + "/hand.zone"])
    let cluster = ZoneOptions(domain: F.name("cluster.local"), nameserverAddresses: [IPAddress("127.0.0.1")!])
    let made = try PublicZones.make(records, options: options, cluster: cluster, reverse: [], log: &log)
    #expect(made.skipped.map(\.owner) == [F.name("elsewhere.example.org")])
    let header = try Template(DefaultTemplates.zoneHeader, file: "zone.header")
    return try ZoneLifecycle.run(
      zones: made.zones, serviceCount: 1, header: header, folder: folder + "/out",
      options: LifecycleOptions(now: 1_700_000_000))
  }

  /// The written files read back equal (wildcard owner included), so the
  /// next run changes nothing: same bytes, same serial.
  @Test func aSecondRunLeavesThePublicZonesUntouched() throws {
    let folder = TestSupport.temporaryFolder("public-rerun")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try writeInjected(folder)
    #expect(first.entries.filter { $0.zone != nil }.allSatisfy { $0.status != .unchanged })
    let before = TestSupport.read(folder + "/out/example.com.zone")
    let second = try writeInjected(folder)
    #expect(second.entries.filter { $0.zone != nil }.map(\.status) == [.unchanged, .unchanged])
    #expect(TestSupport.read(folder + "/out/example.com.zone") == before)
    #expect(before?.contains("\n*.apps ") == true, "the wildcard label is written as *, not \\*: \(before ?? "")")
  }

  @Test func publicZonesLoadInBINDNSDAndLdns() throws {
    let folder = TestSupport.temporaryFolder("public-check")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try writeInjected(folder)
    #expect(try ZoneCheckers.checkFolder(folder + "/out") == 2)
  }

  @Test func aLiveNamedServesThePublicZones() throws {
    let folder = TestSupport.temporaryFolder("public-named")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try writeInjected(folder)
    let out = folder + "/out"
    guard let named = try LiveNamed.start(zones: [
      ("example.com", out + "/example.com.zone"), ("dev.example.com", out + "/dev.example.com.zone"),
    ]) else { return }
    defer { named.stop() }
    #expect(try named.dig("shop.example.com", "A") == ["203.0.113.10"])
    #expect(try named.dig("shop.example.com", "AAAA") == ["2001:db8::10"])
    #expect(try named.dig("www.example.com", "CNAME") == ["shop.example.com."])
    #expect(try named.dig("anything.apps.example.com", "A") == ["203.0.113.11"])
    #expect(try named.dig("example.com", "MX") == ["10 mail.example.com."])
    #expect(try named.dig("example.com", "TXT") == ["\"v=spf1 mx -all\""])
    #expect(try named.dig("api.dev.example.com", "A") == ["203.0.113.12"])
    #expect(try named.records("dev.example.com", "NS").contains("ns.dev.example.com."))
  }
}
