import Testing
@testable import KubeZone

/// How `explain` reads its NAME|IP argument and the cluster names it
/// looks for near matches under.
@Suite struct ExplainQueryTests {
  @Test func addressesNamesAndNeither() throws {
    #expect(ExplainQuery("10.1.2.3") == .address(try #require(IPAddress("10.1.2.3"))))
    #expect(ExplainQuery("fd00::1") == .address(try #require(IPAddress("fd00::1"))))
    #expect(ExplainQuery("web.default.svc.cluster.local") == .name(try DomainName("web.default.svc.cluster.local.")))
    #expect(ExplainQuery("3.2.1.10.in-addr.arpa.")?.address == IPAddress("10.1.2.3"))
    for bad in ["", ".", "a..b", "a\\b"] { #expect(ExplainQuery(bad) == nil, "\(bad)") }
  }

  @Test(arguments: [
    ("web.shop.svc.cluster.local", ClusterName.service(namespace: "shop", name: "web")),
    ("WEB-0.Web.shop.svc.cluster.local", .endpoint(label: "web-0", namespace: "shop", service: "web")),
    ("_http._tcp.web.shop.svc.cluster.local", .port(port: "http", proto: "tcp", namespace: "shop", service: "web")),
    ("10-1-2-3.shop.pod.cluster.local", .pod(dashed: "10-1-2-3", namespace: "shop")),
  ])
  func clusterNames(text: String, expected: ClusterName) throws {
    let domain = try DomainName("cluster.local")
    #expect(ClusterName(try DomainName(text), domain: domain) == expected)
  }

  @Test func namesOutsideTheDomainOrShapeAreNone() throws {
    let domain = try DomainName("cluster.local")
    for text in ["web.shop.svc.example.org", "shop.svc.cluster.local", "a.b.c.d.e.svc.cluster.local", "x.web.shop.pod.cluster.local"] {
      #expect(ClusterName(try DomainName(text), domain: domain) == nil, "\(text)")
    }
  }
}
