import Testing
@testable import KubeZone

/// Gateway API routes, after ExternalDNS's source/gateway_test.go
/// (`TestGatewayMatchingHost`, `TestGatewayMatchingProtocol`) and
/// source/gateway_httproute_test.go (`TestGatewayHTTPRouteSourceEndpoints`).
@Suite struct GatewayPublicSourceTests {
  typealias H = PublicSourceHarness

  // TestGatewayMatchingHost, each case both ways round.
  @Test(arguments: [
    ("", "example.net", "example.net"), ("example.net", "example.net", "example.net"),
    ("*.example.net", "test.example.net", "test.example.net"), ("*.example.net", "a.example.net", "a.example.net"),
    ("*.example.net", "foo.bar.test.example.net", "foo.bar.test.example.net"), ("*.example.net", "example.net", nil),
    ("a.example.net", "b.example.net", nil), ("*.example.net", "*.a.example.net", "*.a.example.net"),
  ] as [(String, String, String?)])
  func matchingHost(a: String, b: String, host: String?) {
    #expect(GatewayHostMatch.match(listener: a, route: b) == host)
    #expect(GatewayHostMatch.match(listener: b, route: a) == host)
  }

  // TestGatewayMatchingProtocol.
  @Test(arguments: [
    ("HTTP", "HTTP", true), ("HTTP", "HTTPS", true), ("TCP", "TLS", true), ("TLS", "TCP", false),
    ("UDP", "TCP", false), ("TLS", "TLS", true),
  ])
  func matchingProtocol(route: String, listener: String, ok: Bool) {
    #expect(GatewayHostMatch.protocolMatches(route: route, listener: listener) == ok)
  }

  static func gateway(_ listeners: String = "- name: http\n  protocol: HTTP\n  port: 80\n  hostname: \"*.example.com\"\n  allowedRoutes: {namespaces: {from: All}}", annotations: [String: String] = [:]) -> String {
    H.object(
      "gateway.networking.k8s.io/v1", "Gateway", "gw", namespace: "infra", annotations: annotations,
      spec: "gatewayClassName: x\nlisteners:\n" + listeners,
      status: "addresses:\n- type: IPAddress\n  value: 203.0.113.10\n- type: Hostname\n  value: lb.example.net")
  }

  static func route(
    _ kind: String = "HTTPRoute", version: String = "v1", hostnames: [String] = ["shop.example.com"], accepted: Bool = true,
    parent: String = "gw", annotations: [String: String] = [:]
  ) -> String {
    var spec = "parentRefs:\n- name: \(parent)\n  namespace: infra\n"
    if !hostnames.isEmpty { spec += "hostnames:\n" + hostnames.map { "- \"\($0)\"" }.joined(separator: "\n") + "\n" }
    let status = "parents:\n- parentRef: {name: \(parent), namespace: infra}\n  controllerName: x\n  conditions:\n  - type: Accepted\n    status: \"\(accepted ? "True" : "False")\""
    return H.object("gateway.networking.k8s.io/\(version)", kind, "shop", namespace: "web", annotations: annotations, spec: spec, status: status)
  }

  // TestGatewayHTTPRouteSourceEndpoints: an accepted route's hostname under
  // the listener's wildcard points at the Gateway's addresses.
  @Test func acceptedHTTPRoute() throws {
    let out = try H.run(Self.gateway() + Self.route())
    #expect(out.lines == ["shop.example.com. A 203.0.113.10", "shop.example.com. CNAME lb.example.net."])
    #expect(out.records.first?.origin.rule == "HTTPRoute hostname via Gateway infra/gw")
  }

  // The same for each route kind in its API versions (GRPCRoute v1, TLSRoute
  // v1alpha2 on a TLS listener).
  @Test func grpcAndTLSRoutes() throws {
    let listeners = "- name: http\n  protocol: HTTPS\n  port: 443\n  allowedRoutes: {namespaces: {from: All}}\n- name: tls\n  protocol: TLS\n  port: 8443\n  allowedRoutes: {namespaces: {from: All}}"
    let grpc = Self.route("GRPCRoute", hostnames: ["grpc.example.com"])
    let tls = Self.route("TLSRoute", version: "v1alpha2", hostnames: ["tls.example.com"])
    let out = try H.run(Self.gateway(listeners) + grpc + tls)
    #expect(Set(out.lines) == [
      "grpc.example.com. A 203.0.113.10", "grpc.example.com. CNAME lb.example.net.",
      "tls.example.com. A 203.0.113.10", "tls.example.com. CNAME lb.example.net.",
    ])
  }

  // gwRouteIsAccepted: a parent whose Accepted condition is not True counts not.
  @Test func notAcceptedRoute() throws {
    #expect(try H.run(Self.gateway() + Self.route(accepted: false)).records.isEmpty)
  }

  // A route hostname outside the listener's hostname gives nothing; a route
  // without hostnames takes the listener's (a wildcard here).
  @Test func hostnameIntersection() throws {
    #expect(try H.run(Self.gateway() + Self.route(hostnames: ["shop.example.org"])).records.isEmpty)
    let out = try H.run(Self.gateway() + Self.route(hostnames: []))
    #expect(out.records.map(\.owner) == [try DomainName("*.example.com"), try DomainName("*.example.com")])
  }

  // routeIsAllowed: `from: Same` (the default) refuses a route of another namespace.
  @Test func allowedRoutesSameNamespace() throws {
    let listeners = "- name: http\n  protocol: HTTP\n  port: 80"
    #expect(try H.run(Self.gateway(listeners) + Self.route()).records.isEmpty)
  }

  // The Gateway's target annotation replaces its addresses; the route's ttl applies.
  @Test func gatewayTargetAndRouteTTL() throws {
    let out = try H.run(Self.gateway(annotations: ["target": "192.0.2.9"]) + Self.route(annotations: ["ttl": "300"]))
    #expect(out.lines == ["shop.example.com. A 192.0.2.9 ttl=300"])
  }

  // docs/annotations/annotations.md, gateway-hostname-source: annotation-only.
  @Test func gatewayHostnameSourceAnnotationOnly() throws {
    let route = Self.route(annotations: ["hostname": "extra.example.com", "gateway-hostname-source": "annotation-only"])
    #expect(try H.run(Self.gateway() + route).lines == ["extra.example.com. A 203.0.113.10", "extra.example.com. CNAME lb.example.net."])
  }

  // A missing parent Gateway: a warning at the parentRef, no record;
  // --strict makes it an error.
  @Test func missingParentGateway() throws {
    let out = try H.run(Self.route(parent: "absent"))
    #expect(out.records.isEmpty)
    #expect(out.warnings.count == 1)
    // Line 8 is the spec's `- name: absent`.
    #expect(out.warnings.first?.hasPrefix("in.yaml:8:5: warning: HTTPRoute web/shop: parent Gateway infra/absent") == true)
    #expect(throws: InputError.self) { try H.run(Self.route(parent: "absent"), strict: true) }
  }
}

extension GatewayPublicSourceTests {
  // IsControllerMatch on the Gateway informer: a Gateway another controller
  // owns is no parent (a note, not a missing-parent warning).
  @Test func gatewayOfAnotherController() throws {
    let out = try H.run(Self.gateway(annotations: ["controller": "someone-else"]) + Self.route(), strict: true)
    #expect(out.records.isEmpty && out.warnings.isEmpty)
    #expect(out.log.notes.contains { $0.message.contains("belongs to another controller") })
  }
}
