import Testing
@testable import KubeZone

/// `--selector` (CoreDNS `labels`), pinned to CoreDNS v1.14.7 (commit
/// 427fc80ed9ca47f354585eb30a3f1332950856c4), plugin/kubernetes:
/// setup.go `ParseStanza`:166 parses it with `meta.ParseToLabelSelector`;
/// controller.go `newdnsController` hands the selector to the Service
/// (:150, `serviceListFunc`:337), Pod (:164, `podListFunc`:346) and
/// EndpointSlice (:186, `endpointSliceListFunc`:359) list-watches. So the
/// API filters each object by its own labels, and everything CoreDNS
/// answers, PTRs included (reverse.go `serviceRecordForIP` reads the same
/// caches), comes from what passed.
@Suite struct LabelFilterTests {
  func run(_ yaml: String, _ selector: String, profile: SynthesisOptions.Profile, podRecords: Bool = false) throws -> RuleHarness.Output {
    var harness = RuleHarness(profile: profile, podRecords: podRecords)
    harness.filter = PublicationFilter(selector: try LabelSelector(selector))
    return try harness.run(yaml)
  }

  /// Services by their own labels; their endpoints come along whatever
  /// the pods' labels (the controller's slices carry the service's).
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func servicesAreMatchedByTheirOwnLabels(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("web", clusterIP: "10.96.0.10", labels: ["app": "web", "tier": "front"])
      + K8s.pod("web-a", ips: ["10.1.0.1"])
      + K8s.service("api", clusterIP: "10.96.0.20", selector: ["app": "api"], labels: ["app": "api"])
      + K8s.pod("api-a", ips: ["10.1.0.2"], labels: ["app": "api"])
    let out = try run(yaml, "tier in (front)", profile: profile)
    #expect(out.with("web.default.svc.cluster.local. A") == ["web.default.svc.cluster.local. A 10.96.0.10"])
    #expect(out.with("_http._tcp.web.default.svc.cluster.local.").count == 1)
    #expect(out.with("10.0.96.10.in-addr.arpa.").count == 1)
    #expect(out.with("10-1-0-1.web.default.svc.cluster.local.").count == (profile == .coredns ? 1 : 0))
    #expect(out.with("1.0.1.10.in-addr.arpa.").count == (profile == .coredns ? 1 : 0))
    #expect(out.records.filter { $0.contains("api.default") || $0.contains("20.0.96.10") || $0.contains("2.0.1.10") }.isEmpty)
    #expect(out.exclusions == ["Service default/api all --selector"])
  }

  /// EndpointSlices by their own labels (`endpointSliceListFunc`), so a
  /// hand-made slice without the service's labels is not seen; and a
  /// service whose slices were all filtered has no endpoints (CoreDNS has
  /// no other source), not the ones kubezone would derive from pods.
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func endpointSlicesAreMatchedByTheirOwnLabels(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("cart", clusterIP: "None", selector: ["app": "cart"], ports: "[{name: http, port: 8080}]", labels: ["app": "cart"])
      + K8s.endpointSlice("cart-a", service: "cart", addresses: ["10.1.0.1"], labels: ["app": "cart"])
      + K8s.endpointSlice("cart-canary", service: "cart", addresses: ["10.1.0.9"])
      + K8s.pod("cart-x", ips: ["10.1.0.5"], labels: ["app": "cart"])
      + K8s.service("other", clusterIP: "None", selector: ["app": "other"], ports: "[{name: http, port: 8080}]", labels: ["app": "other"])
      + K8s.endpointSlice("other-a", service: "other", addresses: ["10.1.0.7"])
      + K8s.pod("other-p", ips: ["10.1.0.8"], labels: ["app": "other"])
    let out = try run(yaml, "app in (cart,other)", profile: profile)
    #expect(out.with("cart.default.svc.cluster.local. A") == ["cart.default.svc.cluster.local. A 10.1.0.1"])
    #expect(out.with("_http._tcp.cart.default.svc.cluster.local.") == [
      "_http._tcp.cart.default.svc.cluster.local. SRV 0 100 8080 10-1-0-1.cart.default.svc.cluster.local."
    ])
    #expect(out.records.filter { $0.contains("10.1.0.9") || $0.contains("10.1.0.5") || $0.contains("other.default") }.isEmpty)
    #expect(out.exclusions == ["EndpointSlice default/cart-canary all --selector", "EndpointSlice default/other-a all --selector"])
  }

  /// Endpoints kubezone derives from pods stand for the slices the
  /// EndpointSlice controller makes, whose labels are the service's plus
  /// `kubernetes.io/service-name`, `endpointslice.kubernetes.io/managed-by`
  /// and, for a headless service, `service.kubernetes.io/headless`
  /// (kubernetes pkg/controller/endpointslice `setEndpointSliceLabels`).
  /// So `!service.kubernetes.io/headless` hides headless services in
  /// CoreDNS (their slices are not listed; `findServices`:531-585 finds no
  /// address) and keeps ClusterIP ones whole.
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func podDerivedEndpointsAreMatchedByTheControllersSliceLabels(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("web", clusterIP: "10.96.0.10", labels: ["app": "web"])
      + K8s.pod("web-a", ips: ["10.1.0.1"])
      + K8s.service("db", clusterIP: "None", selector: ["app": "db"], ports: "[{name: pg, port: 5432}]", labels: ["app": "db"])
      + K8s.pod("db-0", ips: ["10.1.0.2"], labels: ["app": "db"])
    let noHeadless = try run(yaml, "!service.kubernetes.io/headless", profile: profile)
    #expect(noHeadless.with("web.default.svc.cluster.local. A").count == 1)
    #expect(noHeadless.with("10-1-0-1.web.default.svc.cluster.local.").count == (profile == .coredns ? 1 : 0))
    #expect(noHeadless.records.filter { $0.contains("db.default") || $0.contains("10.1.0.2") }.isEmpty)
    #expect(noHeadless.exclusions == ["Service default/db all --selector"])
    #expect(noHeadless.outcome.exclusions.first?.reason == .endpointSliceLabelsMismatch(try LabelSelector("!service.kubernetes.io/headless")))

    // A selector no controller-made slice matches: ClusterIP services keep
    // their own records and lose only their endpoint names.
    let noSlices = try run(yaml, "endpointslice.kubernetes.io/managed-by!=endpointslice-controller.k8s.io", profile: profile)
    #expect(noSlices.with("web.default.svc.cluster.local. A").count == 1)
    #expect(noSlices.with("10.0.96.10.in-addr.arpa.").count == 1)
    #expect(noSlices.records.filter { $0.contains("10-1-0-1") || $0.contains("1.0.1.10.in-addr") }.isEmpty)
    #expect(noSlices.exclusions == ["Service default/db all --selector", "Service default/web endpoints --selector"])
  }

  /// Pod records come from CoreDNS's pod cache, listed with the selector
  /// (`podListFunc`:346; `findPods`:446 reads it): a pod whose labels do
  /// not match has no pod record, yet stays an endpoint of its services.
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func podRecordsFollowThePodsOwnLabels(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("web", clusterIP: "None", labels: ["app": "web"])
      + K8s.pod("a", ips: ["10.1.0.1"])
      + K8s.pod("b", ips: ["10.1.0.2"], labels: ["app": "web", "canary": "true"])
    let out = try run(yaml, "app=web,!canary", profile: profile, podRecords: true)
    #expect(out.with("10-1-0-1.default.pod.cluster.local.") == ["10-1-0-1.default.pod.cluster.local. A 10.1.0.1"])
    #expect(out.with("10-1-0-2.default.pod.cluster.local.").isEmpty)
    #expect(out.with("web.default.svc.cluster.local. A") == [
      "web.default.svc.cluster.local. A 10.1.0.1", "web.default.svc.cluster.local. A 10.1.0.2",
    ])
    #expect(out.with("10-1-0-2.web.default.svc.cluster.local.").count == 1)
    #expect(out.exclusions == ["Pod default/b podRecord --selector"])
  }

  /// Hand-made Endpoints objects (mirrored into slices that carry their
  /// labels) are judged by their own labels too.
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func endpointsObjectsAreMatchedByTheirOwnLabels(profile: SynthesisOptions.Profile) throws {
    let endpoints = { (labels: String) in
      """
      ---
      apiVersion: v1
      kind: Endpoints
      metadata: {name: ext, namespace: default\(labels)}
      subsets: [{addresses: [{ip: 192.0.2.10}], ports: [{name: https, port: 443}]}]

      """
    }
    let service = K8s.service("ext", clusterIP: "None", selector: nil, ports: "[{name: https, port: 443}]", labels: ["app": "ext"])
    let kept = try run(service + endpoints(", labels: {app: ext}"), "app=ext", profile: profile)
    #expect(kept.with("ext.default.svc.cluster.local. A") == ["ext.default.svc.cluster.local. A 192.0.2.10"])
    let dropped = try run(service + endpoints(""), "app=ext", profile: profile)
    #expect(dropped.records.filter { $0.contains("ext.default") }.isEmpty)
    #expect(dropped.exclusions == ["Endpoints default/ext all --selector"])
  }
}
