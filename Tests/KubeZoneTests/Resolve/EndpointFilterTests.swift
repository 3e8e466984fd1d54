import Testing
@testable import KubeZone

/// `--no-endpoints` and `--ignore-empty-services`, pinned to CoreDNS
/// v1.14.7 (commit 427fc80ed9ca47f354585eb30a3f1332950856c4),
/// plugin/kubernetes. kubezone publishes what lookups answer (its zones
/// hold endpoint names and PTRs, which an AXFR from CoreDNS does not), so
/// it follows kubernetes.go `findServices` and reverse.go, not xfr.go.
@Suite struct EndpointFilterTests {
  static let externalName = K8s.service("ext", type: "ExternalName", selector: nil, ports: "[]", extra: "  externalName: example.org\n")

  func run(_ yaml: String, _ filter: PublicationFilter, profile: SynthesisOptions.Profile = .coredns, podRecords: Bool = false) throws -> RuleHarness.Output {
    var harness = RuleHarness(profile: profile, podRecords: podRecords)
    harness.filter = filter
    return try harness.run(yaml)
  }

  /// CoreDNS `noendpoints`: setup.go `ParseStanza`:205 sets
  /// `initEndpointsCache = false`, so `newdnsController` keeps no
  /// EndpointSlice controller (controller.go:197-199) and `Run`:452 never
  /// fills the endpoint cache. Then `findServices` (kubernetes.go:531-585)
  /// finds no address for a headless service or an endpoint name
  /// (NXDOMAIN), `serviceRecordForIP` (reverse.go:41) no endpoint PTR;
  /// ClusterIP services (kubernetes.go:587-600, reverse.go:32-38),
  /// ExternalName services and pod records (`findPods`) are unaffected.
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func noEndpointsKeepsServiceAddressesOnly(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("web", clusterIP: "10.96.0.10")
      + K8s.pod("web-a", ips: ["10.1.0.1"])
      + K8s.endpointSlice("web-x", service: "web", addresses: ["10.1.0.1"], labels: ["app": "web"])
      + K8s.service("db", clusterIP: "None", selector: ["app": "db"], ports: "[{name: pg, port: 5432}]")
      + K8s.pod("db-0", ips: ["10.1.0.2"], labels: ["app": "db"], hostname: "db-0", subdomain: "db")
      + Self.externalName
    let out = try run(yaml, PublicationFilter(noEndpoints: true), profile: profile, podRecords: true)
    #expect(out.with("web.default.svc.cluster.local. A") == ["web.default.svc.cluster.local. A 10.96.0.10"])
    #expect(out.with("_http._tcp.web.default.svc.cluster.local.").count == 1)
    #expect(out.with("10.0.96.10.in-addr.arpa.") == ["10.0.96.10.in-addr.arpa. PTR web.default.svc.cluster.local."])
    #expect(out.with("ext.default.svc.cluster.local.") == ["ext.default.svc.cluster.local. CNAME example.org."])
    #expect(out.with("10-1-0-1.default.pod.cluster.local.").count == 1)
    #expect(out.with("10-1-0-2.default.pod.cluster.local.").count == 1)
    // No endpoint name, no headless service, no endpoint PTR.
    #expect(out.records.filter { $0.contains("10-1-0-1.web") || $0.contains("db.default.svc") }.isEmpty)
    #expect(out.records.filter { $0.contains(" PTR ") && !$0.hasPrefix("10.0.96.10.") }.isEmpty)
    #expect(out.exclusions == ["EndpointSlice default/web-x all --no-endpoints", "Service default/db all --no-endpoints"])

    // The same input without the option has all of them.
    let all = try run(yaml, PublicationFilter(), profile: profile, podRecords: true)
    #expect(all.with("db.default.svc.cluster.local. A").count == 1)
    #expect(all.with("db-0.db.default.svc.cluster.local.").count == 1)
    #expect(all.with("2.0.1.10.in-addr.arpa.").count == 1)
  }

  /// CoreDNS `ignore empty_service`: `findServices` (kubernetes.go:492-505)
  /// skips a service that is not ExternalName and not headless when its
  /// endpoints hold no address; the endpoint cache holds ready addresses
  /// only (object/endpoint.go `endpointSliceToEndpoints`:107), and the
  /// EndpointSlice controller marks every endpoint ready under
  /// `publishNotReadyAddresses`. NodePort and LoadBalancer services are
  /// ClusterIP services with more, so they count too; headless and
  /// ExternalName services are left alone.
  ///
  /// Two places where kubezone does not copy CoreDNS: xfr.go
  /// `transferServices` ignores the option (an AXFR still lists empty
  /// services), and reverse.go `serviceRecordForIP` still answers the
  /// PTR of their cluster IP. kubezone publishes what lookups answer, and
  /// a PTR only when its name is published, so both go.
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func ignoreEmptyServicesHidesServicesWithoutAReadyEndpoint(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("ready", clusterIP: "10.96.0.1", selector: ["app": "ready"])
      + K8s.pod("ready-a", ips: ["10.1.0.1"], labels: ["app": "ready"])
      + K8s.service("notready", clusterIP: "10.96.0.2", selector: ["app": "nr"])
      + K8s.pod("nr-a", ips: ["10.1.0.2"], labels: ["app": "nr"], ready: false)
      + K8s.service("none", clusterIP: "10.96.0.3", selector: ["app": "none"])
      + K8s.service("np", clusterIP: "10.96.0.4", type: "NodePort", selector: ["app": "np"])
      + K8s.service("pnr", clusterIP: "10.96.0.5", selector: ["app": "pnr"], extra: "  publishNotReadyAddresses: true\n")
      + K8s.pod("pnr-a", ips: ["10.1.0.5"], labels: ["app": "pnr"], ready: false)
      + K8s.service("sliced", clusterIP: "10.96.0.6", selector: nil)
      + K8s.endpointSlice("sliced-x", service: "sliced", addresses: ["10.1.0.6"], ready: false)
      + K8s.service("hl", clusterIP: "None", selector: ["app": "hl"])
      + Self.externalName
    let out = try run(yaml, PublicationFilter(ignoreEmptyServices: true), profile: profile)
    #expect(out.exclusions == [
      "Service default/none all --ignore-empty-services", "Service default/notready all --ignore-empty-services",
      "Service default/np all --ignore-empty-services", "Service default/sliced all --ignore-empty-services",
    ])
    for gone in ["notready", "none", "np", "sliced"] {
      #expect(out.records.filter { $0.contains("\(gone).default.svc") }.isEmpty, "\(gone)")
    }
    for ip in 2...4 { #expect(out.with("\(ip).0.96.10.in-addr.arpa.").isEmpty) }
    #expect(out.with("6.0.96.10.in-addr.arpa.").isEmpty)
    #expect(out.with("ready.default.svc.cluster.local. A") == ["ready.default.svc.cluster.local. A 10.96.0.1"])
    #expect(out.with("1.0.96.10.in-addr.arpa.").count == 1)
    #expect(out.with("pnr.default.svc.cluster.local. A") == ["pnr.default.svc.cluster.local. A 10.96.0.5"])
    #expect(out.with("ext.default.svc.cluster.local.") == ["ext.default.svc.cluster.local. CNAME example.org."])
    #expect(out.outcome.serviceCount == 4)  // ready, pnr, hl, ext
  }

  /// Both at once: without endpoint cache every non-headless service is
  /// empty in CoreDNS (`findServices`:494-504 counts from `EpIndex`, which
  /// stays empty), so only ExternalName services answer. Said as a warning.
  @Test func bothLeaveOnlyExternalNames() throws {
    let yaml = K8s.service("web", clusterIP: "10.96.0.10") + K8s.pod("web-a", ips: ["10.1.0.1"]) + Self.externalName
    let out = try run(yaml, PublicationFilter(noEndpoints: true, ignoreEmptyServices: true))
    #expect(out.records.filter { $0.contains(".svc.") } == ["ext.default.svc.cluster.local. CNAME example.org."])
    #expect(out.exclusions == ["Service default/web all --ignore-empty-services"])
    #expect(out.warnings.contains { $0.hasPrefix("--ignore-empty-services with --no-endpoints leaves out every ClusterIP") })
  }
}
