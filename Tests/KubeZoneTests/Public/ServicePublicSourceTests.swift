import Testing
@testable import KubeZone

/// The service source by type, after ExternalDNS's source/service_test.go.
@Suite struct ServicePublicSourceTests {
  typealias H = PublicSourceHarness

  // TestServiceSource, "annotated services return an endpoint with target IP"
  // and "... with target hostname" (LoadBalancer status ip and hostname).
  @Test func loadBalancerStatus() throws {
    let yaml = H.service(
      annotations: ["hostname": "foo.example.org."],
      spec: "type: LoadBalancer\nclusterIP: 10.96.0.10\nports:\n- port: 80",
      status: "loadBalancer:\n  ingress:\n  - ip: 1.2.3.4\n  - hostname: lb.com")
    let out = try H.run(yaml)
    #expect(out.lines == ["foo.example.org. A 1.2.3.4", "foo.example.org. CNAME lb.com."])
    #expect(out.records.first?.origin.rule == "hostname annotation")
    #expect(out.records.first?.origin.object.key == ObjectKey(kind: "Service", namespace: "default", name: "web"))
  }

  // TestServiceSource, "load balancer services with external IPs return an
  // endpoint with the external IP" (extractLoadBalancerTargets).
  @Test func loadBalancerExternalIPsWin() throws {
    let yaml = H.service(
      annotations: ["hostname": "foo.example.org"],
      spec: "type: LoadBalancer\nexternalIPs:\n- 10.2.3.4\n- 11.2.3.4\nports:\n- port: 80",
      status: "loadBalancer:\n  ingress:\n  - ip: 1.2.3.4")
    #expect(try H.run(yaml).lines == ["foo.example.org. A 10.2.3.4", "foo.example.org. A 11.2.3.4"])
  }

  // TestServiceSource, "annotated services with internal-hostname return an
  // endpoint with the cluster IP" for a LoadBalancer.
  @Test func internalHostnameGivesClusterIP() throws {
    let yaml = H.service(
      annotations: ["hostname": "foo.example.org", "internal-hostname": "foo.internal.example.org"],
      spec: "type: LoadBalancer\nclusterIP: 10.96.0.10\nports:\n- port: 80",
      status: "loadBalancer:\n  ingress:\n  - ip: 1.2.3.4")
    #expect(try H.run(yaml).lines == ["foo.example.org. A 1.2.3.4", "foo.internal.example.org. A 10.96.0.10"])
  }

  // TestClusterIpServices: a ClusterIP service's hostname gives nothing
  // unless --publish-internal-services (not offered); internal-hostname
  // gives the cluster IP.
  @Test func clusterIPServices() throws {
    let hostname = H.service(annotations: ["hostname": "foo.example.org"], spec: "clusterIP: 10.96.0.10\nports:\n- port: 80")
    #expect(try H.run(hostname).records.isEmpty)
    let internalName = H.service(annotations: ["internal-hostname": "foo.example.org"], spec: "clusterIP: 10.96.0.10\nports:\n- port: 80")
    #expect(try H.run(internalName).lines == ["foo.example.org. A 10.96.0.10"])
  }

  // TestExternalServices: an ExternalName service is a CNAME to its name,
  // or A/AAAA when the name is an IP, or its external IPs.
  @Test(arguments: [
    ("externalName: remote.example.net", ["foo.example.org. CNAME remote.example.net."]),
    ("externalName: 111.111.111.111", ["foo.example.org. A 111.111.111.111"]),
    ("externalName: 2001:db8::111", ["foo.example.org. AAAA 2001:db8::111"]),
    ("externalName: remote.example.net\nexternalIPs:\n- 10.2.3.4", ["foo.example.org. A 10.2.3.4"]),
  ])
  func externalName(spec: String, lines: [String]) throws {
    let yaml = H.service(annotations: ["hostname": "foo.example.org"], spec: "type: ExternalName\n" + spec)
    #expect(try H.run(yaml).lines == lines)
  }

  // TestServiceSource, "annotated services with multiple target annotations"
  // and the ttl rows: the target annotation applies to every type.
  @Test func targetAndTTLOnAClusterIPService() throws {
    let yaml = H.service(
      annotations: ["hostname": "foo.example.org", "target": "lb.example.net", "ttl": "1m"],
      spec: "clusterIP: 10.96.0.10\nports:\n- port: 80")
    #expect(try H.run(yaml).lines == ["foo.example.org. CNAME lb.example.net. ttl=60"])
  }

  // TestServiceSource, "not annotated services with set fqdnTemplate return
  // an endpoint with target IP"; an annotated one keeps its annotation.
  @Test func fqdnTemplateNamesUnannotatedServices() throws {
    let plain = H.service("plain", spec: "type: LoadBalancer\nports:\n- port: 80", status: "loadBalancer:\n  ingress:\n  - ip: 1.2.3.4")
    let annotated = H.service(
      "named", annotations: ["hostname": "named.example.org"], spec: "type: LoadBalancer\nports:\n- port: 80",
      status: "loadBalancer:\n  ingress:\n  - ip: 1.2.3.5")
    let options = try H.options(templates: ["{{name}}.{{namespace}}.example.org, {{kind}}-{{name}}.example.org"])
    let out = try H.run(plain + annotated, options: options)
    #expect(out.lines == [
      "named.example.org. A 1.2.3.5", "plain.default.example.org. A 1.2.3.4", "service-plain.example.org. A 1.2.3.4",
    ])
    #expect(out.records.last?.origin.rule == "fqdn template")
  }

  // TestServiceSource, the annotationFilter and labelFilter rows.
  @Test func annotationAndLabelFilters() throws {
    let spec = "type: LoadBalancer\nports:\n- port: 80"
    let status = "loadBalancer:\n  ingress:\n  - ip: 1.2.3.4"
    let a = PublicSourceHarness.object(
      "v1", "Service", "a", annotations: ["hostname": "a.example.org", "kubernetes.io/ingress.class": "public"],
      labels: ["team": "shop"], spec: spec, status: status)
    let b = PublicSourceHarness.object(
      "v1", "Service", "b", annotations: ["hostname": "b.example.org", "kubernetes.io/ingress.class": "internal"],
      spec: spec, status: status)
    let byAnnotation = try H.run(a + b, options: try H.options(annotationFilter: "kubernetes.io/ingress.class in (public)"))
    #expect(byAnnotation.lines == ["a.example.org. A 1.2.3.4"])
    let byLabel = try H.run(a + b, options: try H.options(labelFilter: "team!=shop"))
    #expect(byLabel.lines == ["b.example.org. A 1.2.3.4"])
  }

  // `--source` without service: no Service is read.
  @Test func serviceSourceCanBeLeftOut() throws {
    let yaml = H.service(annotations: ["hostname": "foo.example.org"], spec: "type: LoadBalancer", status: "loadBalancer:\n  ingress:\n  - ip: 1.2.3.4")
    #expect(try H.run(yaml, options: try H.options(sources: [.ingress])).records.isEmpty)
  }
}
