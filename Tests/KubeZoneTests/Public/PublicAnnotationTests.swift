import Testing
@testable import KubeZone

/// The annotation rules shared by every source, each after the
/// ExternalDNS test it follows (source/annotations/processors_test.go,
/// endpoint/utils_test.go).
@Suite struct PublicAnnotationTests {
  typealias H = PublicSourceHarness

  static func loadBalancer(_ annotations: [String: String], status: String = "loadBalancer:\n  ingress:\n  - ip: 203.0.113.10") -> String {
    H.service(annotations: annotations, spec: "type: LoadBalancer\nclusterIP: 10.96.0.10\nports:\n- port: 80", status: status)
  }

  // TestHostnamesFromAnnotations / TestSplitHostnameAnnotation: comma-separated
  // names, blanks around items dropped, trailing dots removed.
  @Test func hostnameListIsSplitAtCommas() throws {
    let out = try H.run(Self.loadBalancer(["hostname": "a.example.com, b.example.com.,"]))
    #expect(out.lines == ["a.example.com. A 203.0.113.10", "b.example.com. A 203.0.113.10"])
    #expect(out.warnings.isEmpty)
  }

  // Names and targets are written in lowercase, whatever case the
  // manifest used (DNS compares names without case; found by the pipeline
  // fuzzer, Fuzz/findings/pipeline-crash-45591c2f.yaml).
  @Test func namesAndTargetsAreLowercase() throws {
    let out = try H.run(Self.loadBalancer(["hostname": "Shop.Example.COM", "target": "LB.Example.NET"]))
    #expect(out.lines == ["shop.example.com. CNAME lb.example.net."])
  }

  // docs/annotations/annotations.md, hostname: `*.` wildcards are names too.
  @Test func wildcardHostname() throws {
    let out = try H.run(Self.loadBalancer(["hostname": "*.apps.example.com"]))
    // The label is the one octet `*` (RFC 4592), written as it is.
    #expect(out.lines == ["*.apps.example.com. A 203.0.113.10"])
    #expect(out.records.first?.owner.hasFirstLabel(Array("*".utf8)) == true)
  }

  // DefaultAnnotationPrefix (annotations.go) is external-dns.kubernetes.io/;
  // manifests for older releases carry external-dns.alpha.kubernetes.io/.
  @Test func alphaPrefixIsRead() throws {
    let out = try H.run(Self.loadBalancer(["external-dns.alpha.kubernetes.io/hostname": "old.example.com"]))
    #expect(out.lines == ["old.example.com. A 203.0.113.10"])
  }

  @Test func currentPrefixWinsOverAlphaWithAWarning() throws {
    let out = try H.run(Self.loadBalancer([
      "external-dns.alpha.kubernetes.io/hostname": "old.example.com",
      "hostname": "new.example.com",
    ]))
    #expect(out.lines == ["new.example.com. A 203.0.113.10"])
    #expect(out.warnings.count == 1)
    // The alpha annotation is line 7 (sorted before the current one).
    #expect(out.warnings.first?.hasPrefix("in.yaml:7:") == true)
    #expect(out.warnings.first?.contains("external-dns.kubernetes.io/hostname 'new.example.com'") == true)
  }

  // TestSetAnnotationPrefix: a custom prefix replaces the default one.
  @Test func annotationPrefixReadsOnlyThatPrefix() throws {
    let yaml = Self.loadBalancer(["custom.io/hostname": "custom.example.com", "hostname": "default.example.com"])
    let out = try H.run(yaml, options: try H.options(prefix: "custom.io/"))
    #expect(out.lines == ["custom.example.com. A 203.0.113.10"])
  }

  // TestTTLFromAnnotations: integers and Go durations; 0, invalid and out of
  // range give no TTL (the zone's).
  @Test(arguments: [
    ("600", UInt32?.some(600)), ("60", 60), ("10m", 600), ("1h30m", 5400), ("20.5s", 20), ("1.5h", 5400),
    ("0", nil), ("-1", nil), ("abc", nil), ("", nil), ("2147483648", nil), ("999999", 999999),
  ])
  func ttlAnnotation(text: String, ttl: UInt32?) throws {
    let out = try H.run(Self.loadBalancer(["hostname": "shop.example.com", "ttl": text]))
    #expect(out.records.map(\.ttl) == [ttl])
  }

  @Test func invalidTTLIsWarnedAtItsValue() throws {
    let out = try H.run(Self.loadBalancer(["hostname": "shop.example.com", "ttl": "soon"]))
    #expect(out.warnings.count == 1)
    #expect(out.warnings.first?.hasPrefix("in.yaml:8:") == true)
    #expect(throws: InputError.self) { try H.run(Self.loadBalancer(["hostname": "shop.example.com", "ttl": "soon"]), strict: true) }
  }

  // TestTargetsFromTargetAnnotation and TestSuitableType: IPv4 -> A, IPv6 ->
  // AAAA, anything else -> CNAME; the annotation replaces the status targets.
  @Test func targetAnnotationOverridesTargets() throws {
    let out = try H.run(Self.loadBalancer(["hostname": "shop.example.com", "target": "192.0.2.1, 2001:db8::1,lb.example.net."]))
    #expect(out.lines == [
      "shop.example.com. A 192.0.2.1", "shop.example.com. AAAA 2001:db8::1", "shop.example.com. CNAME lb.example.net.",
    ])
  }

  // TestIsControllerMismatch: a controller other than dns-controller skips the object.
  @Test(arguments: [("dns-controller", 1), ("other", 0)])
  func controllerAnnotation(value: String, count: Int) throws {
    let out = try H.run(Self.loadBalancer(["hostname": "shop.example.com", "controller": value]))
    #expect(out.records.count == count)
  }

  // TestEndpointsForHostname: one name, targets grouped A, AAAA, CNAME.
  @Test func statusTargetsByType() throws {
    let status = "loadBalancer:\n  ingress:\n  - hostname: lb.example.net\n  - ip: 2001:db8::5\n  - ip: 198.51.100.7"
    let out = try H.run(Self.loadBalancer(["hostname": "shop.example.com"], status: status))
    #expect(out.lines == [
      "shop.example.com. A 198.51.100.7", "shop.example.com. AAAA 2001:db8::5", "shop.example.com. CNAME lb.example.net.",
    ])
  }
}
