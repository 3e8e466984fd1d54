import Testing
@testable import KubeZone

/// Rules table rows for endpoints: headless addresses, endpoint names,
/// headless SRV, endpoint PTRs, and where endpoints come from.
@Suite struct EndpointRecordRulesTests {
  static let headless = K8s.service("db", clusterIP: "None", ports: "[{name: pg, port: 5432, targetPort: 5432}]")

  @Test(arguments: SynthesisOptions.Profile.allCases)
  func headlessServiceAnswersReadyAddresses(profile: SynthesisOptions.Profile) throws {
    let yaml = Self.headless
      + K8s.pod("a", ips: ["10.1.0.1"])
      + K8s.pod("b", ips: ["10.1.0.2"], ready: false)
      + K8s.pod("c", ips: ["10.1.0.3"], terminating: true)
      + K8s.pod("d", ips: ["10.1.0.4"], phase: "Succeeded")
      + K8s.pod("e", ips: ["10.1.0.5"], labels: ["app": "other"])
    let out = try RuleHarness(profile: profile).run(yaml)
    #expect(out.with("db.default.svc.cluster.local. A") == ["db.default.svc.cluster.local. A 10.1.0.1"])
    #expect(out.with("10-1-0-1.db.default.svc.cluster.local.") == ["10-1-0-1.db.default.svc.cluster.local. A 10.1.0.1"])
    #expect(out.records.filter { $0.contains("10-1-0-2") || $0.contains("10.1.0.3") }.isEmpty)
  }

  @Test func headlessWithoutReadyAddressHasNoRecords() throws {
    let out = try RuleHarness().run(Self.headless + K8s.pod("b", ips: ["10.1.0.2"], ready: false))
    #expect(out.records.filter { $0.contains("db.default.svc") }.isEmpty)
  }

  @Test func publishNotReadyAddressesCountsEveryPod() throws {
    let yaml = K8s.service("db", clusterIP: "None", ports: "[{port: 5432}]", extra: "  publishNotReadyAddresses: true\n")
      + K8s.pod("b", ips: ["10.1.0.2"], ready: false)
      + K8s.pod("c", ips: ["10.1.0.3"], terminating: true)
    let out = try RuleHarness().run(yaml)
    #expect(out.with("db.default.svc.cluster.local. A") == [
      "db.default.svc.cluster.local. A 10.1.0.2", "db.default.svc.cluster.local. A 10.1.0.3",
    ])
  }

  @Test(arguments: SynthesisOptions.Profile.allCases)
  func headlessSRVPerNamedPortAndReadyAddress(profile: SynthesisOptions.Profile) throws {
    let yaml = Self.headless + K8s.pod("a", ips: ["10.1.0.1"]) + K8s.pod("b", ips: ["10.1.0.2"])
    let out = try RuleHarness(profile: profile).run(yaml)
    #expect(out.with("_pg._tcp.db.default.svc.cluster.local.") == [
      "_pg._tcp.db.default.svc.cluster.local. SRV 0 50 5432 10-1-0-1.db.default.svc.cluster.local.",
      "_pg._tcp.db.default.svc.cluster.local. SRV 0 50 5432 10-1-0-2.db.default.svc.cluster.local.",
    ])
    let bare = out.with("db.default.svc.cluster.local. SRV")
    #expect(bare.count == (profile == .coredns ? 2 : 0))
  }

  @Test func namedTargetPortIsLookedUpPerPod() throws {
    let yaml = K8s.service("web", clusterIP: "None", ports: "[{name: http, port: 80, targetPort: web}]")
      + K8s.pod("a", ips: ["10.1.0.1"], ports: "[{name: web, containerPort: 8080}]")
      + K8s.pod("b", ips: ["10.1.0.2"], ports: "[{name: web, containerPort: 9090}]")
      + K8s.pod("c", ips: ["10.1.0.3"], ports: "[{name: other, containerPort: 7000}]")
    let out = try RuleHarness().run(yaml)
    #expect(out.with("_http._tcp.web.default.svc.cluster.local.") == [
      "_http._tcp.web.default.svc.cluster.local. SRV 0 50 8080 10-1-0-1.web.default.svc.cluster.local.",
      "_http._tcp.web.default.svc.cluster.local. SRV 0 50 9090 10-1-0-2.web.default.svc.cluster.local.",
    ])
    #expect(out.with("web.default.svc.cluster.local. A").count == 2)
  }

  @Test func statefulSetPodsUseHostnameWhenSubdomainMatches() throws {
    let yaml = K8s.service("nginx", clusterIP: "None", ports: "[{name: web, port: 80}]")
      + K8s.pod("web-0", ips: ["10.1.0.1"], hostname: "web-0", subdomain: "nginx")
      + K8s.pod("web-1", ips: ["10.1.0.2"], hostname: "web-1", subdomain: "other")
    for profile in SynthesisOptions.Profile.allCases {
      let out = try RuleHarness(profile: profile).run(yaml)
      #expect(out.with("web-0.nginx.default.svc.cluster.local.") == ["web-0.nginx.default.svc.cluster.local. A 10.1.0.1"])
      #expect(out.with("10-1-0-2.nginx.default.svc.cluster.local.") == ["10-1-0-2.nginx.default.svc.cluster.local. A 10.1.0.2"])
      #expect(out.with("1.0.1.10.in-addr.arpa.") == ["1.0.1.10.in-addr.arpa. PTR web-0.nginx.default.svc.cluster.local."])
      // The spec profile writes endpoint PTRs only for endpoints with a hostname.
      #expect(out.with("2.0.1.10.in-addr.arpa.").count == (profile == .coredns ? 1 : 0))
    }
  }

  @Test(arguments: SynthesisOptions.Profile.allCases)
  func clusterIPServiceEndpointNamesOnlyInCoreDNSProfile(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("web", clusterIP: "10.96.0.20") + K8s.pod("a", ips: ["10.1.0.1"])
    let out = try RuleHarness(profile: profile).run(yaml)
    let names = out.with("10-1-0-1.web.default.svc.cluster.local.")
    let ptr = out.with("1.0.1.10.in-addr.arpa.")
    #expect(names.count == (profile == .coredns ? 1 : 0))
    #expect(ptr == (profile == .coredns ? ["1.0.1.10.in-addr.arpa. PTR 10-1-0-1.web.default.svc.cluster.local."] : []))
  }

  @Test func podSelectedByTwoServicesHasTwoPTRs() throws {
    let yaml = K8s.service("web", clusterIP: "10.96.0.20") + K8s.service("web-headless", clusterIP: "None")
      + K8s.pod("a", ips: ["10.1.0.1"])
    let out = try RuleHarness().run(yaml)
    #expect(out.with("1.0.1.10.in-addr.arpa.") == [
      "1.0.1.10.in-addr.arpa. PTR 10-1-0-1.web-headless.default.svc.cluster.local.",
      "1.0.1.10.in-addr.arpa. PTR 10-1-0-1.web.default.svc.cluster.local.",
    ])
  }

  @Test func endpointPTRNeverShadowsAClusterIP() throws {
    // A hand-made Endpoints object that lists another service's cluster IP.
    let yaml = K8s.service("web", clusterIP: "10.96.0.20", selector: nil)
      + K8s.service("proxy", clusterIP: "None", selector: nil)
      + """
      ---
      apiVersion: v1
      kind: Endpoints
      metadata: {name: proxy, namespace: default}
      subsets: [{addresses: [{ip: 10.96.0.20}], ports: [{port: 80}]}]

      """
    let out = try RuleHarness().run(yaml)
    #expect(out.with("20.0.96.10.in-addr.arpa.") == ["20.0.96.10.in-addr.arpa. PTR web.default.svc.cluster.local."])
    #expect(out.with("10-96-0-20.proxy.default.svc.cluster.local.").count == 1)
  }

  @Test func selectorlessServiceUsesEndpoints() throws {
    let yaml = K8s.service("ext", clusterIP: "None", selector: nil, ports: "[{name: https, port: 443}]") + """
      ---
      apiVersion: v1
      kind: Endpoints
      metadata: {name: ext, namespace: default}
      subsets:
      - addresses: [{ip: 192.0.2.10, hostname: gw}]
        notReadyAddresses: [{ip: 192.0.2.11}]
        ports: [{name: https, port: 8443}]

      """
    let out = try RuleHarness().run(yaml)
    #expect(out.with("ext.default.svc.cluster.local. A") == ["ext.default.svc.cluster.local. A 192.0.2.10"])
    #expect(out.with("_https._tcp.ext.default.svc.cluster.local.") == [
      "_https._tcp.ext.default.svc.cluster.local. SRV 0 100 8443 gw.ext.default.svc.cluster.local."
    ])
  }

  @Test func endpointSlicesTakePrecedence() throws {
    let yaml = Self.headless + K8s.pod("a", ips: ["10.1.0.1"]) + """
      ---
      apiVersion: v1
      kind: Endpoints
      metadata: {name: db, namespace: default}
      subsets: [{addresses: [{ip: 10.2.0.1}], ports: [{name: pg, port: 5432}]}]
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: db-abc12
        namespace: default
        labels: {kubernetes.io/service-name: db}
      addressType: IPv4
      endpoints:
      - addresses: [10.3.0.1]
        conditions: {ready: true, serving: true, terminating: false}
      - addresses: [10.3.0.2]
      - addresses: [10.3.0.3]
        conditions: {ready: false}
      ports: [{name: pg, port: 6432, protocol: TCP}]

      """
    let out = try RuleHarness().run(yaml)
    #expect(out.with("db.default.svc.cluster.local. A") == [
      "db.default.svc.cluster.local. A 10.3.0.1", "db.default.svc.cluster.local. A 10.3.0.2",
    ])
    #expect(out.with("_pg._tcp.db.default.svc.cluster.local.").allSatisfy { $0.contains(" 6432 ") })
  }

  @Test func ipv6EndpointNamesAreDashed() throws {
    let yaml = K8s.service("v6", clusterIP: "None", ports: "[{port: 80}]")
      + K8s.pod("a", ips: ["5678:abcd::1"]) + K8s.pod("b", ips: ["2001:db8::"])
    let out = try RuleHarness().run(yaml)
    #expect(out.with("5678-abcd--1.v6.default.svc.cluster.local.") == ["5678-abcd--1.v6.default.svc.cluster.local. AAAA 5678:abcd::1"])
    #expect(out.with("2001-db8--0.v6.default.svc.cluster.local.") == ["2001-db8--0.v6.default.svc.cluster.local. AAAA 2001:db8::"])
    let zones = out.outcome.zones.map(\.origin.description)
    #expect(zones.contains("0.0.0.0.d.c.b.a.8.7.6.5.ip6.arpa."))
  }

  @Test func dualStackPodsFollowTheServiceFamilies() throws {
    let yaml = K8s.service("web", clusterIPs: ["10.96.0.20", "\"fd00::20\""], ports: "[{port: 80}]")
      + K8s.service("web4", clusterIP: "10.96.0.21", ports: "[{port: 80}]")
      + K8s.pod("a", ips: ["10.1.0.1", "fd00:1::1"])
    let out = try RuleHarness().run(yaml)
    #expect(out.with("10-1-0-1.web.default.svc.cluster.local.").count == 1)
    #expect(out.with("fd00-1--1.web.default.svc.cluster.local.").count == 1)
    #expect(out.with("fd00-1--1.web4.default.svc.cluster.local.").isEmpty)
  }

  @Test func endpointPodNamesOption() throws {
    let yaml = Self.headless + K8s.pod("db-main", ips: ["10.1.0.1"])
    let out = try RuleHarness(endpointPodNames: true).run(yaml)
    #expect(out.with("db-main.db.default.svc.cluster.local.") == ["db-main.db.default.svc.cluster.local. A 10.1.0.1"])
  }
}
