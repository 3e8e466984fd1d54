import Testing
@testable import KubeZone

/// Rules table rows for services with a cluster IP: schema, service
/// address, service SRV, bare SRV, cluster IP PTR. Both profiles.
@Suite struct ServiceRecordRulesTests {
  static let web = K8s.service("web", clusterIP: "10.96.0.20")
    + K8s.pod("web-1", ips: ["10.1.0.5"])

  @Test(arguments: SynthesisOptions.Profile.allCases)
  func schemaVersionRecordIsAlwaysPresent(profile: SynthesisOptions.Profile) throws {
    // An empty List (what kubectl prints for an empty namespace): no
    // services at all. An empty file is refused (HostileCorpusTests).
    let out = try RuleHarness(profile: profile).run("apiVersion: v1\nkind: List\nitems: []\n")
    #expect(out.with("dns-version.cluster.local.") == ["dns-version.cluster.local. TXT \"1.1.0\""])
    let txt = out.outcome.zones[0].records.first { $0.type == .txt }
    #expect(txt?.ttl == 28800)
  }

  @Test(arguments: ["ClusterIP", "NodePort", "LoadBalancer"])
  func serviceAddressForEveryClusterIPType(type: String) throws {
    let out = try RuleHarness().run(K8s.service("web", clusterIP: "10.96.0.20", type: type, selector: nil))
    #expect(out.with("web.default.svc.cluster.local. A") == ["web.default.svc.cluster.local. A 10.96.0.20"])
  }

  @Test func dualStackServiceHasAAndAAAA() throws {
    let out = try RuleHarness().run(K8s.service("web", clusterIPs: ["10.96.0.20", "\"fd00::20\""], selector: nil))
    #expect(out.with("web.default.svc.cluster.local. A") == ["web.default.svc.cluster.local. A 10.96.0.20"])
    #expect(out.with("web.default.svc.cluster.local. AAAA") == ["web.default.svc.cluster.local. AAAA fd00::20"])
    #expect(out.with("0.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa.")
      == ["0.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa. PTR web.default.svc.cluster.local."])
  }

  @Test func serviceAddressWithoutEndpoints() throws {
    let out = try RuleHarness().run(K8s.service("lonely", clusterIP: "10.96.0.21"))
    #expect(out.with("lonely.default.svc.cluster.local. A") == ["lonely.default.svc.cluster.local. A 10.96.0.21"])
  }

  @Test(arguments: SynthesisOptions.Profile.allCases)
  func namedPortsGetServiceSRV(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service(
      "web", clusterIP: "10.96.0.20",
      ports: "[{name: http, port: 80}, {name: dns, port: 53, protocol: UDP}, {port: 9000}]")
    let out = try RuleHarness(profile: profile).run(yaml)
    #expect(out.with("_http._tcp.web.default.svc.cluster.local.") == [
      "_http._tcp.web.default.svc.cluster.local. SRV 0 100 80 web.default.svc.cluster.local."
    ])
    #expect(out.with("_dns._udp.web.default.svc.cluster.local.") == [
      "_dns._udp.web.default.svc.cluster.local. SRV 0 100 53 web.default.svc.cluster.local."
    ])
    #expect(out.records.filter { $0.contains("9000") && $0.hasPrefix("_") }.isEmpty)
  }

  @Test(arguments: SynthesisOptions.Profile.allCases)
  func bareSRVOnlyInCoreDNSProfile(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("web", clusterIP: "10.96.0.20", ports: "[{name: http, port: 80}, {port: 9000}]")
    let out = try RuleHarness(profile: profile).run(yaml)
    let bare = out.with("web.default.svc.cluster.local. SRV")
    if profile == .coredns {
      #expect(bare == [
        "web.default.svc.cluster.local. SRV 0 50 80 web.default.svc.cluster.local.",
        "web.default.svc.cluster.local. SRV 0 50 9000 web.default.svc.cluster.local.",
      ])
    } else {
      #expect(bare.isEmpty)
    }
  }

  @Test(arguments: SynthesisOptions.Profile.allCases)
  func clusterIPHasExactlyOnePTR(profile: SynthesisOptions.Profile) throws {
    // The pod shares no IP with the service; the PTR of the cluster IP
    // names the service, once.
    let out = try RuleHarness(profile: profile).run(Self.web)
    #expect(out.with("20.0.96.10.in-addr.arpa.") == ["20.0.96.10.in-addr.arpa. PTR web.default.svc.cluster.local."])
  }

  @Test func srvWeightIsShareOfTheRRset() throws {
    let yaml = K8s.service("db", clusterIP: "None", ports: "[{name: pg, port: 5432, targetPort: 5432}]")
      + K8s.pod("db-0", ips: ["10.1.0.1"], labels: ["app": "web"])
      + K8s.pod("db-1", ips: ["10.1.0.2"], labels: ["app": "web"])
      + K8s.pod("db-2", ips: ["10.1.0.3"], labels: ["app": "web"])
    let out = try RuleHarness().run(yaml)
    let srv = out.with("_pg._tcp.db.default.svc.cluster.local.")
    #expect(srv.count == 3)
    #expect(srv.allSatisfy { $0.contains(" SRV 0 33 5432 ") })
  }

  @Test func kubeDNSServiceBecomesTheNameserver() throws {
    let yaml = K8s.service("kube-dns", ns: "kube-system", clusterIP: "10.96.0.10", selector: ["k8s-app": "kube-dns"], ports: "[{name: dns, port: 53, protocol: UDP}]")
    let out = try RuleHarness().run(yaml)
    #expect(out.with("cluster.local. NS") == ["cluster.local. NS kube-dns.kube-system.svc.cluster.local."])
    #expect(out.with("ns.dns.cluster.local.").isEmpty)
    let reverse = out.outcome.zones.first { $0.origin.description == "96.10.in-addr.arpa." }
    #expect(reverse?.nameservers.map(\.description) == ["kube-dns.kube-system.svc.cluster.local."])
  }

  @Test func withoutKubeDNSTheNameserverIsNsDns() throws {
    let out = try RuleHarness().run(Self.web)
    #expect(out.with("cluster.local. NS") == ["cluster.local. NS ns.dns.cluster.local."])
    #expect(out.with("ns.dns.cluster.local.") == ["ns.dns.cluster.local. A 127.0.0.1"])
    let given = try RuleHarness(nameserverAddresses: ["192.0.2.53", "2001:db8::53"]).run(Self.web)
    #expect(given.with("ns.dns.cluster.local.") == ["ns.dns.cluster.local. A 192.0.2.53", "ns.dns.cluster.local. AAAA 2001:db8::53"])
  }

  @Test func explicitInZoneNameserverNeedsAnAddress() throws {
    #expect(throws: InputError.self) {
      try RuleHarness(nameservers: ["ns1.cluster.local"]).run(Self.web)
    }
    let out = try RuleHarness(nameservers: ["ns1.example.net"]).run(Self.web)
    #expect(out.with("cluster.local. NS") == ["cluster.local. NS ns1.example.net."])
  }
}
