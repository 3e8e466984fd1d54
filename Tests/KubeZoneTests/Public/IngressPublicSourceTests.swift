import Testing
@testable import KubeZone

/// The ingress source, after ExternalDNS's source/ingress_test.go
/// (`TestIngress`, `testEndpointsFromIngress`, `testEndpointsFromIngressHostnameSourceAnnotation`).
@Suite struct IngressPublicSourceTests {
  typealias H = PublicSourceHarness

  static func ingress(
    _ annotations: [String: String] = [:], rules: [String] = ["foo.bar"], tls: [String] = [],
    status: String = "loadBalancer:\n  ingress:\n  - ip: 8.8.8.8\n  - hostname: elb.com"
  ) -> String {
    var spec = "rules:\n" + rules.map { "- host: \($0)\n  http: {paths: []}" }.joined(separator: "\n")
    if !tls.isEmpty { spec += "\ntls:\n- hosts: [" + tls.joined(separator: ", ") + "]" }
    return H.object("networking.k8s.io/v1", "Ingress", "shop", annotations: annotations, spec: spec, status: status)
  }

  // testEndpointsFromIngress, "one rule.host one lb.IP" and "one rule.host
  // one lb.Hostname": rule hosts point at the status targets.
  @Test func ruleHostsToStatus() throws {
    let out = try H.run(Self.ingress())
    #expect(out.lines == ["foo.bar. A 8.8.8.8", "foo.bar. CNAME elb.com."])
    #expect(out.records.first?.origin.rule == "Ingress rule host")
  }

  // TestIngress, "ingress rules with tls hosts": spec.tls hosts are
  // published too (--ignore-ingress-tls-spec is off by default); and the
  // hostname annotation adds its names.
  @Test func tlsHostsAndHostnameAnnotation() throws {
    let out = try H.run(Self.ingress(["hostname": "extra.example.org"], tls: ["secure.example.org"]))
    #expect(out.lines == [
      "foo.bar. A 8.8.8.8", "foo.bar. CNAME elb.com.",
      "secure.example.org. A 8.8.8.8", "secure.example.org. CNAME elb.com.",
      "extra.example.org. A 8.8.8.8", "extra.example.org. CNAME elb.com.",
    ])
  }

  // testEndpointsFromIngressHostnameSourceAnnotation: defined-hosts-only and
  // annotation-only.
  @Test(arguments: [
    ("defined-hosts-only", ["foo.bar. A 8.8.8.8"]),
    ("annotation-only", ["extra.example.org. A 8.8.8.8"]),
  ])
  func ingressHostnameSource(value: String, lines: [String]) throws {
    let yaml = Self.ingress(["hostname": "extra.example.org", "ingress-hostname-source": value], status: "loadBalancer:\n  ingress:\n  - ip: 8.8.8.8")
    #expect(try H.run(yaml).lines == lines)
  }

  // TestIngress, "ingress with target annotation": it replaces the status.
  @Test func targetAnnotation() throws {
    let out = try H.run(Self.ingress(["target": "ingress-target.com", "ttl": "10"]))
    #expect(out.lines == ["foo.bar. CNAME ingress-target.com. ttl=10"])
  }

  // TestIngress, "template for ingress if host is missing": the templates
  // name an Ingress that gives no name of its own.
  @Test func templateWhenNoHost() throws {
    let yaml = H.object(
      "networking.k8s.io/v1", "Ingress", "fake1", spec: "defaultBackend: {service: {name: x, port: {number: 80}}}",
      status: "loadBalancer:\n  ingress:\n  - ip: 8.8.8.8")
    let out = try H.run(yaml, options: try H.options(templates: ["{{name}}.ext-dns.test.com"]))
    #expect(out.lines == ["fake1.ext-dns.test.com. A 8.8.8.8"])
  }

  // An Ingress without status targets publishes nothing (EndpointsForHostname
  // with no targets).
  @Test func noStatusNoRecords() throws {
    #expect(try H.run(Self.ingress(status: "loadBalancer: {}")).records.isEmpty)
  }
}
