import Foundation
import Testing
@testable import KubeZone

/// The acceptance test of serving at scale, with real BIND on 127.0.0.1:
/// a primary loads kubezone's `named.conf.zones` (zones and catalog); a
/// secondary configured with nothing but `catalog-zones` serves every
/// member and answers as the primary does. A regenerate that adds one
/// reverse zone and removes another, with `--on-change` reloading the
/// primary, reaches the secondary within 30 s, by IXFR where a zone only
/// changed. Missing tools fail in CI and skip elsewhere (`ExternalTool`).
@Suite(.serialized) struct CatalogServingTests {
  static let catalog = "catalog.kubezone.invalid"

  @Test func aCatalogSecondaryFollowsZonesThatComeAndGo() throws {
    guard ExternalTool.find("named") != nil, ExternalTool.find("dig") != nil else { return }
    let folder = TestSupport.temporaryFolder("catalog-serving")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let out = folder + "/out"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.245"]), in: folder)
    let primaryPort = LoopbackPort.free()
    var secondaryPort = LoopbackPort.free()
    while secondaryPort == primaryPort { secondaryPort = LoopbackPort.free() }
    let generate = ["generate", "--emit", "bind,catalog", "--secondary", "127.0.0.1:\(secondaryPort)", "--out", out, input]
    let first = TestSupport.cli(generate)
    #expect(first.code == .success, "\(first.err)")

    let include = "include \"\(ServerConfig.absolute(out))/named.conf.zones\";"
    guard let primary = try LiveNamed.start(probe: Self.catalog, port: primaryPort, { _ in include }) else { return }
    defer { primary.stop() }
    // The secondary knows the catalog and where it comes from; nothing else.
    let catalogZones = """
      catalog-zones { zone "\(Self.catalog)" default-primaries { 127.0.0.1 port \(primaryPort); } in-memory yes; };
      """
    guard let secondary = try LiveNamed.start(probe: Self.catalog, port: secondaryPort, options: catalogZones, { dir in
      "zone \"\(Self.catalog)\" { type secondary; file \"\(dir)/catalog.db\"; primaries { 127.0.0.1 port \(primaryPort); }; };"
    }) else { return }
    defer { secondary.stop() }

    let v1 = try ServingSupport.members(out + "/\(Self.catalog).zone")
    #expect(v1 == ["244.10.in-addr.arpa", "245.10.in-addr.arpa", "96.10.in-addr.arpa", "cluster.local"])
    try ServingSupport.expectSameAnswers(primary, secondary, zones: v1, out: out)

    // The pods of 10.245/16 move to 10.246/16; --on-change reloads the primary.
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.246"]), in: folder)
    let changedLog = folder + "/changed.txt"
    let hook = "printf '%s' \"$KUBEZONE_CHANGED_ZONES\" > '\(changedLog)' && kill -HUP \(primary.pid)"
    let second = TestSupport.cli(generate + ["--on-change", hook])
    #expect(second.code == .success, "\(second.err)")
    #expect(TestSupport.read(changedLog) == "cluster.local 246.10.in-addr.arpa \(Self.catalog) 245.10.in-addr.arpa")
    let deadline = Date().addingTimeInterval(30)
    var state = ""
    while Date() < deadline {
      let added = try secondary.status("246.10.in-addr.arpa", "SOA")
      let removed = try secondary.status("245.10.in-addr.arpa", "SOA")
      state = "246.10: \(added), 245.10: \(removed)"
      if added == "NOERROR" && removed == "REFUSED" { break }
      usleep(200_000)
    }
    #expect(state == "246.10: NOERROR, 245.10: REFUSED", "after 30 s the secondary serves \(state)\n\(secondary.log.suffix(3000))")
    let v2 = try ServingSupport.members(out + "/\(Self.catalog).zone")
    try ServingSupport.expectSameAnswers(primary, secondary, zones: v2, out: out)

    // BIND now keeps journals beside the zones; kubezone does not see them.
    let journals = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".jnl") }
    #expect(!journals.isEmpty, "named wrote no journal with ixfr-from-differences")
    #expect(TestSupport.cli(generate + ["--check"]).code == .success)
    #expect(TestSupport.cli(["diff", "--emit", "catalog", "--out", out, input]).code == .success)

    // One more service: cluster.local reaches the secondary by IXFR.
    let oldSerial = try #require(try LifecycleSupport.serial(out + "/cluster.local.zone"))
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.246"], extraService: true), in: folder)
    #expect(TestSupport.cli(generate + ["--on-change", "kill -HUP \(primary.pid)"]).code == .success)
    let newSerial = try #require(try LifecycleSupport.serial(out + "/cluster.local.zone"))
    let ixfr = "transfer of 'cluster.local/IN': IXFR started (serial \(oldSerial) -> \(newSerial))"
    let ixfrDeadline = Date().addingTimeInterval(30)
    while Date() < ixfrDeadline, !primary.log.contains(ixfr) { usleep(200_000) }
    #expect(primary.log.contains(ixfr), "no IXFR in the primary's log:\n\(primary.log.suffix(3000))")
    try ServingSupport.expectSameAnswers(primary, secondary, zones: ["cluster.local"], out: out)
  }
}
