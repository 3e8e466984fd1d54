import Testing
@testable import KubeZone

/// NodePort services, after ExternalDNS's source/service_test.go
/// (`TestServiceSourceNodePortServices`, `TestNodesExternalTrafficPolicyTypeLocal`).
@Suite struct NodePortPublicSourceTests {
  typealias H = PublicSourceHarness

  static func node(_ name: String, _ addresses: [(String, String)]) -> String {
    let status = "addresses:\n" + addresses.map { "- type: \($0.0)\n  address: \"\($0.1)\"" }.joined(separator: "\n")
    return H.object("v1", "Node", name, namespace: nil, status: status)
  }

  static let nodes =
    node("node1", [("ExternalIP", "54.10.11.1"), ("InternalIP", "10.0.1.1"), ("ExternalIP", "2001:DB8::1"), ("InternalIP", "2001:DB8::2")])
    + node("node2", [("ExternalIP", "54.10.11.2"), ("InternalIP", "10.0.1.2"), ("ExternalIP", "2001:DB8::3"), ("InternalIP", "2001:DB8::4")])

  static func service(_ annotations: [String: String] = ["hostname": "foo.example.org"], local: Bool = false) -> String {
    H.service(
      "foo", annotations: annotations,
      spec: "type: NodePort\nselector:\n  app: foo\n" + (local ? "externalTrafficPolicy: Local\n" : "")
        + "ports:\n- port: 80\n  nodePort: 30192")
  }

  // "annotated NodePort services return an endpoint with IP addresses of the
  // cluster's nodes": ExternalIPs, and an SRV `_foo._tcp` with 0 50 30192.
  @Test func externalAddressesAndSRV() throws {
    let out = try H.run(Self.service() + Self.nodes)
    #expect(out.lines == [
      "foo.example.org. A 54.10.11.1", "foo.example.org. A 54.10.11.2",
      "foo.example.org. AAAA 2001:db8::1", "foo.example.org. AAAA 2001:db8::3",
      "_foo._tcp.foo.example.org. SRV 0 50 30192 foo.example.org.",
    ])
  }

  // "annotated NodePort services return an endpoint with IP addresses of the
  // private cluster's nodes": no ExternalIP anywhere -> InternalIPs.
  @Test func internalAddressesWhenNoneIsExternal() throws {
    let nodes = Self.node("node1", [("InternalIP", "10.0.1.1"), ("InternalIP", "2001:DB8::1")])
      + Self.node("node2", [("InternalIP", "10.0.1.2"), ("InternalIP", "2001:DB8::2")])
    let lines = try H.run(Self.service() + nodes).lines
    #expect(lines.prefix(4) == ["foo.example.org. A 10.0.1.1", "foo.example.org. A 10.0.1.2", "foo.example.org. AAAA 2001:db8::1", "foo.example.org. AAAA 2001:db8::2"])
  }

  // The access annotation (docs/annotations/annotations.md, access):
  // private -> InternalIPs even when ExternalIPs exist.
  @Test func accessPrivate() throws {
    let lines = try H.run(Self.service(["hostname": "foo.example.org", "access": "private"]) + Self.nodes).lines
    #expect(lines.prefix(4) == ["foo.example.org. A 10.0.1.1", "foo.example.org. A 10.0.1.2", "foo.example.org. AAAA 2001:db8::2", "foo.example.org. AAAA 2001:db8::4"])
  }

  // "annotated NodePort services with ExternalTrafficPolicy=Local return an
  // endpoint with IP addresses of the cluster's nodes where pods is running
  // only"; TestNodesExternalTrafficPolicyTypeLocal: ready pods win over
  // not-ready ones.
  @Test func externalTrafficPolicyLocal() throws {
    func pod(_ name: String, node: String, ready: Bool) -> String {
      H.object(
        "v1", "Pod", name, labels: ["app": "foo"], spec: "nodeName: \(node)\ncontainers:\n- name: c",
        status: "phase: Running\npodIP: 10.1.0.\(name.count)\nconditions:\n- type: Ready\n  status: \"\(ready ? "True" : "False")\"")
    }
    let yaml = Self.service(local: true) + Self.nodes + pod("p-ready", node: "node2", ready: true) + pod("p-slow", node: "node1", ready: false)
    #expect(try H.run(yaml).lines == [
      "foo.example.org. A 54.10.11.2", "foo.example.org. AAAA 2001:db8::3",
      "_foo._tcp.foo.example.org. SRV 0 50 30192 foo.example.org.",
    ])
  }
}
