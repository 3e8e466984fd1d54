import Testing
@testable import KubeZone

/// Headless services, after ExternalDNS's source/service_test.go
/// (`TestHeadlessServices`, `TestProcessEndpointSlices_PodWithHostname`,
/// `TestProcessEndpointSlices_NotReadyWithPublishNotReady`, `TestFindPodForEndpoint`).
@Suite struct HeadlessPublicSourceTests {
  typealias H = PublicSourceHarness

  static func pod(_ name: String, ip: String, hostname: String? = nil, ready: Bool = true) -> String {
    var spec = "containers:\n- name: c\n"
    if let hostname { spec += "hostname: \(hostname)\nsubdomain: db\n" }
    let status = "phase: Running\npodIP: \(ip)\nconditions:\n- type: Ready\n  status: \"\(ready ? "True" : "False")\""
    return H.object("v1", "Pod", name, labels: ["app": "db"], spec: spec, status: status)
  }

  static func headless(_ annotations: [String: String] = ["hostname": "service.example.org"], notReady: Bool = false) -> String {
    H.service(
      "db", annotations: annotations,
      spec: "clusterIP: None\nselector:\n  app: db\npublishNotReadyAddresses: \(notReady)\nports:\n- port: 5432")
  }

  // TestHeadlessServices, "annotated Headless services return IPs for each
  // pod's hostname and the service name": pods found through the selector.
  @Test func readyPodsAndTheirHostnames() throws {
    let yaml = Self.headless() + Self.pod("db-0", ip: "10.0.0.1", hostname: "foo-0") + Self.pod("db-1", ip: "10.0.0.2", hostname: "foo-1")
    let out = try H.run(yaml)
    #expect(Set(out.lines) == [
      "service.example.org. A 10.0.0.1", "service.example.org. A 10.0.0.2",
      "foo-0.service.example.org. A 10.0.0.1", "foo-1.service.example.org. A 10.0.0.2",
    ])
    #expect(out.records.count == 4)
  }

  // TestHeadlessServices, "annotated Headless services return only ready
  // pods"; with publishNotReadyAddresses the others too
  // (TestProcessEndpointSlices_NotReadyWithPublishNotReady).
  @Test(arguments: [false, true])
  func notReadyPods(publish: Bool) throws {
    let yaml = Self.headless(notReady: publish) + Self.pod("db-0", ip: "10.0.0.1") + Self.pod("db-1", ip: "10.0.0.2", ready: false)
    let lines = try H.run(yaml).lines
    #expect(lines == (publish ? ["service.example.org. A 10.0.0.1", "service.example.org. A 10.0.0.2"] : ["service.example.org. A 10.0.0.1"]))
  }

  // TestProcessEndpointSlices_PodWithHostname: an EndpointSlice endpoint's
  // targetRef leads to the Pod, whose spec.hostname names the record (a
  // pod with only status.podIP is enough).
  @Test func endpointSliceTargetRefToPod() throws {
    let slice = """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: db-abc
        namespace: default
        labels:
          kubernetes.io/service-name: db
      addressType: IPv4
      endpoints:
      - addresses: [10.0.0.9]
        conditions: {ready: true}
        targetRef: {kind: Pod, name: db-0, namespace: default}
      - addresses: [10.0.0.10]
        conditions: {ready: true}
      ---

      """
    let pod = H.object("v1", "Pod", "db-0", spec: "hostname: pg-0\ncontainers:\n- name: c", status: "podIP: 10.0.0.9")
    let out = try H.run(Self.headless() + slice + pod)
    #expect(out.lines == ["service.example.org. A 10.0.0.9", "pg-0.service.example.org. A 10.0.0.9"])
    // TestFindPodForEndpoint: an endpoint without a Pod gives nothing (warned).
    #expect(out.warnings.count == 1)
    #expect(out.warnings.first?.contains("10.0.0.10") == true)
  }

  // internal-hostname on a headless service uses the same endpoints
  // (generateEndpoints: the headless branch ignores useClusterIP).
  @Test func internalHostnameOnHeadless() throws {
    let yaml = Self.headless(["internal-hostname": "db.internal.example.org"]) + Self.pod("db-0", ip: "10.0.0.1")
    #expect(try H.run(yaml).lines == ["db.internal.example.org. A 10.0.0.1"])
  }
}
