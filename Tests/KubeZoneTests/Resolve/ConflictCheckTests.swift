import Foundation
import Testing
@testable import KubeZone

/// Conflicts between objects, beyond the corpus cases: which record wins,
/// and that the settled zones hold what the rules say.
@Suite struct ConflictCheckTests {
  @Test func sharedClusterIPKeepsBothAddressesAndOnePTR() throws {
    let out = try RuleHarness().run(
      K8s.service("web", clusterIP: "10.96.0.20", selector: nil) + K8s.service("api", clusterIP: "10.96.0.20", selector: nil))
    #expect(out.with("web.default.svc.cluster.local. A") == ["web.default.svc.cluster.local. A 10.96.0.20"])
    #expect(out.with("api.default.svc.cluster.local. A") == ["api.default.svc.cluster.local. A 10.96.0.20"])
    #expect(out.with("20.0.96.10.in-addr.arpa. PTR") == ["20.0.96.10.in-addr.arpa. PTR api.default.svc.cluster.local."])
    #expect(out.warnings.count == 1)
  }

  /// An ExternalName Service that lists a cluster IP (the API server
  /// would refuse it) does not take that IP's PTR from the real owner.
  @Test func externalNameWithAClusterIPDoesNotOwnIt() throws {
    let out = try RuleHarness().run(
      K8s.service("web", clusterIP: "10.96.0.20", selector: nil)
        + K8s.service("alias", clusterIP: "10.96.0.20", type: "ExternalName", selector: nil, extra: "  externalName: example.com\n"))
    #expect(out.with("20.0.96.10.in-addr.arpa. PTR") == ["20.0.96.10.in-addr.arpa. PTR web.default.svc.cluster.local."])
    #expect(out.with("alias.default.svc.cluster.local.") == ["alias.default.svc.cluster.local. CNAME example.com."])
    #expect(out.warnings.isEmpty)
  }

  @Test func cnameLoopOfThreeIsDroppedButAChainIntoItIsKept() throws {
    func ext(_ name: String, _ target: String) -> String {
      K8s.service(name, type: "ExternalName", selector: nil, ports: "[]", extra: "  externalName: \(target).default.svc.cluster.local\n")
    }
    let out = try RuleHarness().run(ext("a", "b") + ext("b", "c") + ext("c", "a") + ext("d", "a"))
    #expect(out.records.filter { $0.contains(" CNAME ") } == ["d.default.svc.cluster.local. CNAME a.default.svc.cluster.local."])
    #expect(out.warnings.count == 3)
    #expect(out.warnings.allSatisfy { $0.contains("(a.default.svc.cluster.local. -> b.default.svc.cluster.local. -> c.default.svc.cluster.local. -> a.default.svc.cluster.local.)") })
  }

  @Test func liveServiceWinsOverAManifestWithOtherIPs() throws {
    let live = K8s.service("web", clusterIP: "10.96.0.21", selector: nil)
      .replacingOccurrences(of: "namespace: default}", with: "namespace: default, uid: u1}")
    let out = try RuleHarness().run(live + K8s.service("web", clusterIP: "10.96.0.20", selector: nil))
    #expect(out.with("web.default.svc.cluster.local. A") == ["web.default.svc.cluster.local. A 10.96.0.21"])
    #expect(out.warnings.count == 1)
    #expect(out.warnings.first?.contains("10.96.0.20 here, 10.96.0.21 at") == true)
  }

  @Test func aManifestWithoutClusterIPIsNoConflict() throws {
    let out = try RuleHarness().run(K8s.service("web", selector: nil) + K8s.service("web", clusterIP: "10.96.0.21", selector: nil))
    #expect(out.warnings.isEmpty)
  }

  @Test func strictTurnsAConflictIntoAnErrorAtTheObject() throws {
    var harness = RuleHarness()
    harness.strict = true
    #expect(throws: InputError.self) {
      try harness.run(K8s.pod("p", ips: ["10.1.0.1"]) + K8s.pod("p", ips: ["10.1.0.2"]))
    }
  }

  /// The fallback names the zone needs (ns.dns, hostmaster, dns-version)
  /// fit under a long domain, and one too long for them is refused.
  @Test func longDomainStillHasItsFixedNames() throws {
    let label = String(repeating: "d", count: 63)
    // 238 octets, the longest allowed: "<domain>.zone" and its temporary
    // file name stay within the 255 bytes a file name may have.
    let domain = "\(label).\(label).\(label).\(String(repeating: "e", count: 44))"
    let out = TestSupport.temporaryFolder("long")
    let ok = TestSupport.cli(["generate", "--out", out, "--domain", domain, TestSupport.path("examples/quickstart")])
    #expect(ok.code == .success, "\(ok.err)")
    let zone = try #require(TestSupport.read(out + "/" + domain + ".zone"))
    #expect(zone.contains("IN  SOA    ns.dns.\(domain). hostmaster.\(domain). "))
    #expect(zone.contains("dns-version "))
    try ZoneCheckers.checkAll(origin: domain, file: out + "/" + domain + ".zone")
    let tooLong = TestSupport.cli(["generate", "--domain", domain + "e", TestSupport.path("examples/quickstart")])
    #expect(tooLong.code == .invalidInput)
    #expect(tooLong.err.contains("is 239 octets long; at most 238"), "\(tooLong.err)")
  }
}

/// `--nameserver` naming an ExternalName service's name: the zone would
/// need NS pointing at a CNAME, which RFC 2181 forbids; refused with the
/// reason, with or without `--nameserver-address`.
@Suite struct NameserverAliasTests {
  @Test(arguments: [[], ["--nameserver-address", "10.0.0.53"]])
  func nameserverThatIsAnAliasIsRefused(extra: [String]) throws {
    let text = """
      apiVersion: v1
      kind: Service
      metadata: {name: ext, namespace: test}
      spec: {type: ExternalName, externalName: example.com}

      """
    TestSupport.generate(text, as: "ext.yaml", ["--nameserver", "ext.test.svc.cluster.local"] + extra) { folder, result in
      #expect(result.code == .invalidInput)
      #expect(result.err.contains("--nameserver ext.test.svc.cluster.local. is an alias"), "\(result.err)")
      #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
  }
}
