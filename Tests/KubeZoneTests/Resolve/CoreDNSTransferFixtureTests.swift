import Foundation
import Testing
@testable import KubeZone

/// CoreDNS's own zone-transfer test, on the same cluster: CoreDNS v1.14.7
/// (commit 427fc80ed9ca47f354585eb30a3f1332950856c4),
/// plugin/kubernetes/xfr_test.go `TestKubernetesAXFR` sets
/// `k.Namespaces = {"testns", "kube-system"}` over the `APIConnServeTest`
/// mock of handler_test.go, whose `unexposedns` is not exposed, and
/// expects `expectedZone`. The objects are written out as manifests in
/// Fixtures/coredns-xfr (see its README); `--namespaces` is set as the
/// test sets it, `--ttl 5` is the plugin's default TTL, and
/// `--nameserver-address 10.0.0.10` the test's `localIPs`.
@Suite struct CoreDNSTransferFixtureTests {
  /// `expectedZone` of xfr_test.go without its two SOA records (serials
  /// and timers are each server's own), one record a line.
  static let expectedZone = """
    cluster.local.	5	IN	NS	ns.dns.cluster.local.
    ns.dns.cluster.local.	5	IN	A	10.0.0.10
    external.testns.svc.cluster.local.	5	IN	CNAME	ext.interwebs.test.
    external-to-service.testns.svc.cluster.local.	5	IN	CNAME	svc1.testns.svc.cluster.local.
    hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.2
    172-0-0-2.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.2
    _http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 172-0-0-2.hdls1.testns.svc.cluster.local.
    hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.3
    172-0-0-3.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.3
    _http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 172-0-0-3.hdls1.testns.svc.cluster.local.
    hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.4
    dup-name.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.4
    _http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 dup-name.hdls1.testns.svc.cluster.local.
    hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.5
    dup-name.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.5
    _http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 dup-name.hdls1.testns.svc.cluster.local.
    hdls1.testns.svc.cluster.local.	5	IN	AAAA	5678:abcd::1
    5678-abcd--1.hdls1.testns.svc.cluster.local.	5	IN	AAAA	5678:abcd::1
    _http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 5678-abcd--1.hdls1.testns.svc.cluster.local.
    hdls1.testns.svc.cluster.local.	5	IN	AAAA	5678:abcd::2
    5678-abcd--2.hdls1.testns.svc.cluster.local.	5	IN	AAAA	5678:abcd::2
    _http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 5678-abcd--2.hdls1.testns.svc.cluster.local.
    hdlsprtls.testns.svc.cluster.local.	5	IN	A	172.0.0.20
    172-0-0-20.hdlsprtls.testns.svc.cluster.local.	5	IN	A	172.0.0.20
    kubedns.kube-system.svc.cluster.local.	5	IN	A	10.0.0.10
    kubedns.kube-system.svc.cluster.local.	5	IN	SRV	0 100 53 kubedns.kube-system.svc.cluster.local.
    _dns._udp.kubedns.kube-system.svc.cluster.local.	5	IN	SRV	0 100 53 kubedns.kube-system.svc.cluster.local.
    svc-dual-stack.testns.svc.cluster.local.	5	IN	A	10.0.0.3
    svc-dual-stack.testns.svc.cluster.local.	5	IN	AAAA	10::3
    svc-dual-stack.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc-dual-stack.testns.svc.cluster.local.
    _http._tcp.svc-dual-stack.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc-dual-stack.testns.svc.cluster.local.
    svc1.testns.svc.cluster.local.	5	IN	A	10.0.0.1
    svc1.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc1.testns.svc.cluster.local.
    _http._tcp.svc1.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc1.testns.svc.cluster.local.
    svc6.testns.svc.cluster.local.	5	IN	AAAA	1234:abcd::1
    svc6.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc6.testns.svc.cluster.local.
    _http._tcp.svc6.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc6.testns.svc.cluster.local.
    svcempty.testns.svc.cluster.local.	5	IN	A	10.0.0.1
    svcempty.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svcempty.testns.svc.cluster.local.
    _http._tcp.svcempty.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svcempty.testns.svc.cluster.local.
    """

  /// A record as compared: owner, TTL, type and data; an SRV's weight as
  /// `*` (see below).
  static func key(_ r: ResourceRecord) -> String {
    var data = r.data.presentation
    if case .srv(let srv) = r.data { data = "\(srv.priority) * \(srv.port) \(srv.target)" }
    return "\(r.owner) \(r.ttl) \(r.type.rawValue) \(data)"
  }

  @Test func everyTransferredRecordAndNothingOfTheUnexposedNamespace() throws {
    let folder = TestSupport.temporaryFolder("coredns-xfr")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = TestSupport.cli([
      "generate", "--out", folder, "--ttl", "5", "--namespaces", "testns,kube-system",
      "--nameserver-address", "10.0.0.10", TestSupport.path("Tests/KubeZoneTests/Fixtures/coredns-xfr"),
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(try ZoneCheckers.checkFolder(folder) == 6)

    var zones: [String: [ResourceRecord]] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".zone") {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
      zones[file] = try ZoneFileReader.read(bytes, file: file).records
    }
    let forward = try #require(zones["cluster.local.zone"])
    let written = Set(forward.map(Self.key))
    let expected = try ZoneFileReader.read(Array(Self.expectedZone.utf8), file: "expectedZone").records
    #expect(expected.count == 40)
    for record in expected {
      #expect(written.contains(Self.key(record)), "missing: \(record.owner) \(record.type.rawValue) \(record.data.presentation)")
    }
    // SRV weights: CoreDNS weighs `_http._tcp.hdls1` by the 6 addresses of
    // its subset (xfr.go `calcSRVWeight`: 16); kubezone by the 5 records
    // left once the two identical dup-name records are one (20). Every
    // record of an RRset has the same weight either way, so clients pick
    // among them alike; the weights must agree within each RRset.
    var weights: [DomainName: Set<UInt16>] = [:]
    for r in forward { if case .srv(let srv) = r.data { weights[r.owner, default: []].insert(srv.weight) } }
    #expect(weights.values.allSatisfy { $0.count == 1 })

    // Nothing of unexposedns, forward or reverse (its cluster IP is 10.0.0.2).
    for (file, records) in zones {
      for r in records {
        #expect(!"\(r.owner) \(r.data.presentation)".contains("unexposedns"), "\(file): \(r.owner)")
        #expect(r.owner.description != "2.0.0.10.in-addr.arpa.", "\(file)")
      }
    }
    #expect(r.err.contains("filters left out 1 service (--namespaces)"))

    // Without --namespaces, unexposedns is there: the filter made the difference.
    let unfiltered = TestSupport.cli([
      "generate", "--out", folder + "/all", "--ttl", "5", TestSupport.path("Tests/KubeZoneTests/Fixtures/coredns-xfr"),
    ])
    #expect(unfiltered.code == .success)
    #expect(TestSupport.read(folder + "/all/cluster.local.zone")?.contains("svc1.unexposedns.svc") == true)
  }
}
