import Testing
@testable import KubeZone

/// A service's endpoints from the pods its selector matches, as the
/// EndpointSlice controller makes them, and why each other matched pod is
/// no endpoint (what `explain` says).
@Suite struct EndpointResolverPodTests {
  static let noIP = """
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: web-new, namespace: default, labels: {app: web}}
    spec:
      containers: [{name: c, ports: [{name: web, containerPort: 8080}]}]
    status:
      phase: Pending

    """

  static let yaml = K8s.service("web", clusterIP: "10.96.0.10", ports: "[{name: http, port: 80, targetPort: web}]")
    + K8s.pod("web-a", ips: ["10.1.0.1"], hostname: "web-a", subdomain: "web")
    + K8s.pod("web-slow", ips: ["10.1.0.6"], ready: false, hostname: "web-slow", subdomain: "other")
    + K8s.pod("web-done", ips: ["10.1.0.2"], phase: "Succeeded")
    + K8s.pod("web-other", ips: ["10.1.0.3"], ports: "[{name: admin, containerPort: 9090}]")
    + K8s.pod("web-v6", ips: ["fd00::4"])
    + K8s.pod("db-0", ips: ["10.1.0.5"], labels: ["app": "db"])
    + noIP

  @Test func selectedPodsAreEndpointsOrSaidWhyNot() throws {
    let objects = try PublicKindsDecodeTests.decode(Self.yaml, publicNames: false).objects
    var log = DiagnosticLog()
    let inventory = Inventory(objects, log: &log)
    let service = try #require(inventory.services.first)
    var skipped: [String] = []
    let (source, endpoints) = EndpointResolver(inventory).endpoints(of: service) { pod, reason in
      skipped.append("\(pod.meta.name) \(reason.id)")
    }
    #expect(source == .pods)
    #expect(endpoints.map { "\($0.ip) \($0.isReady) \($0.hostname ?? "-") \($0.podName ?? "-")" } == [
      "10.1.0.1 true web-a web-a", "10.1.0.6 false - web-slow",
    ])
    #expect(endpoints.allSatisfy { $0.ports == [ResolvedEndpoint.Port(name: "http", port: 8080, protocol: .tcp)] })
    #expect(endpoints.map(\.source.line) == [Self.line(of: "name: web-a"), Self.line(of: "name: web-slow")])
    #expect(skipped.sorted() == ["web-done pod-finished", "web-new no-pod-ip", "web-other no-target-port", "web-v6 ip-family"])
  }

  /// The line of the Pod whose metadata holds `text` (the object's
  /// position is its first line, `apiVersion`).
  static func line(of text: String) -> Int {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard let i = lines.firstIndex(where: { $0.contains(text) }) else { return 0 }
    return lines[..<i].lastIndex(where: { $0.hasPrefix("apiVersion") }).map { $0 + 1 } ?? 0
  }
}
