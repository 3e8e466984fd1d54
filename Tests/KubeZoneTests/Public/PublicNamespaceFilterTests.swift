import Testing
@testable import KubeZone

/// Issue 7's namespace filters choose the public-name objects too
/// (ExternalDNS's `--namespace` watches one namespace); Nodes are
/// cluster-scoped and always kept.
@Suite struct PublicNamespaceFilterTests {
  typealias H = PublicSourceHarness

  static let objects =
    H.object(
      "networking.k8s.io/v1", "Ingress", "shop", namespace: "web", spec: "rules:\n- host: shop.example.com",
      status: "loadBalancer:\n  ingress:\n  - ip: 192.0.2.1")
    + H.object(
      "networking.k8s.io/v1", "Ingress", "admin", namespace: "ops", spec: "rules:\n- host: admin.example.com",
      status: "loadBalancer:\n  ingress:\n  - ip: 192.0.2.2")
    + H.object("v1", "Node", "n1.example.com", namespace: nil, status: "addresses:\n- type: ExternalIP\n  address: 198.51.100.1")

  @Test func namespacesChooseIngressesNotNodes() throws {
    let options = try H.options(sources: [.ingress, .node])
    let out = try H.run(Self.objects, options: options, filter: PublicationFilter(namespaces: ["web"]))
    #expect(out.lines == ["shop.example.com. A 192.0.2.1", "n1.example.com. A 198.51.100.1"])
  }

  @Test func routeWhoseGatewayIsFilteredOutIsANoteNotAWarning() throws {
    let gateway = H.object(
      "gateway.networking.k8s.io/v1", "Gateway", "gw", namespace: "infra",
      spec: "listeners:\n- name: http\n  protocol: HTTP\n  port: 80\n  allowedRoutes: {namespaces: {from: All}}",
      status: "addresses:\n- value: 203.0.113.10")
    let route = H.object(
      "gateway.networking.k8s.io/v1", "HTTPRoute", "r", namespace: "web",
      spec: "parentRefs:\n- name: gw\n  namespace: infra\nhostnames: [shop.example.com]",
      status: "parents:\n- parentRef: {name: gw, namespace: infra}\n  conditions: [{type: Accepted, status: \"True\"}]")
    let all = try H.run(gateway + route)
    #expect(all.lines == ["shop.example.com. A 203.0.113.10"])
    let filtered = try H.run(gateway + route, strict: true, filter: PublicationFilter(excludedNamespaces: ["infra"]))
    #expect(filtered.records.isEmpty && filtered.warnings.isEmpty)
    #expect(filtered.log.notes.contains { $0.message.contains("is left out by a filter") })
  }
}
