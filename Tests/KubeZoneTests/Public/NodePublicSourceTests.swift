import Testing
@testable import KubeZone

/// The node source, after ExternalDNS's source/node_test.go (`TestNodeSource`).
@Suite struct NodePublicSourceTests {
  typealias H = PublicSourceHarness

  static func node(_ addresses: [(String, String)], annotations: [String: String] = [:]) -> String {
    let status = "addresses:\n" + addresses.map { "- type: \($0.0)\n  address: \"\($0.1)\"" }.joined(separator: "\n")
    return H.object("v1", "Node", "node1.example.org", namespace: nil, annotations: annotations, status: status)
  }

  // TestNodeSource, "node with short hostname returns one endpoint" and
  // "ipv6 node with fqdn returns AAAA record": ExternalIPs only.
  @Test func externalAddresses() throws {
    let yaml = Self.node([("ExternalIP", "1.2.3.4"), ("InternalIP", "10.0.0.1"), ("ExternalIP", "2001:db8::4")])
    let out = try H.run(yaml, options: try H.options(sources: [.node]))
    #expect(out.lines == ["node1.example.org. A 1.2.3.4", "node1.example.org. AAAA 2001:db8::4"])
  }

  // TestNodeSource, "node with no external IP returns internal IP".
  @Test func internalFallback() throws {
    let out = try H.run(Self.node([("InternalIP", "2.3.4.5")]), options: try H.options(sources: [.node]))
    #expect(out.lines == ["node1.example.org. A 2.3.4.5"])
  }

  // TestNodeSource, "node with fqdnTemplate returns endpoint with expanded
  // hostname" and "annotated node with target".
  @Test func templateAndTarget() throws {
    let yaml = Self.node([("ExternalIP", "1.2.3.4")], annotations: ["target": "203.0.113.1"])
    let out = try H.run(yaml, options: try H.options(sources: [.node], templates: ["{{name}}.nodes.example.com"]))
    #expect(out.lines == ["node1.example.org.nodes.example.com. A 203.0.113.1"])
  }

  // Nodes are read only with --source node.
  @Test func notADefaultSource() throws {
    #expect(try H.run(Self.node([("ExternalIP", "1.2.3.4")])).records.isEmpty)
  }
}
