import Testing
@testable import KubeZone

/// The seam the filters (issue 10 part 1) plug into: an object a filter
/// left out, as `Exclusion.filtered`, is shown for the names under it and
/// for its addresses, and for nothing else.
@Suite struct FilterSeamTests {
  static func explainer() throws -> Explainer {
    let domain = try DomainName("cluster.local")
    var request = GenerateRequest(
      inputs: [TestSupport.path("examples/quickstart")], namespace: "test",
      synthesis: SynthesisOptions(domain: domain), zones: ZoneOptions(domain: domain),
      header: try Template(DefaultTemplates.zoneHeader, file: "zone.header"))
    request.synthesis.provenance = true
    return try #require(Explainer(try Pipeline.generate(request), request: request))
  }

  static let nowhere = SourceLocation(file: "in.yaml", line: 1, column: 1, offset: 0)

  @Test func aFilteredObjectExplainsTheNamesUnderItAndItsAddresses() throws {
    var explainer = try Self.explainer()
    let domain = explainer.synthesis.domain
    explainer.filterExclusions = [
      .filtered(
        ObjectReference(kind: "Namespace", namespace: "", name: "kube-system", location: Self.nowhere),
        filter: "--exclude-namespaces", detail: "namespace kube-system is excluded", domain: domain),
      .filtered(
        ObjectReference(kind: "Service", namespace: "shop", name: "cart", location: Self.nowhere),
        filter: "--selector", detail: "labels app=cart do not match tier=web", domain: domain),
      .filtered(
        ObjectReference(kind: "Pod", namespace: "shop", name: "cart-0", location: Self.nowhere),
        filter: "--namespaces", detail: "namespace shop is not in --namespaces test", domain: domain,
        addresses: [try #require(IPAddress("10.9.9.9"))]),
    ]
    func reasons(_ query: String) throws -> [String] {
      explainer.explain(try #require(ExplainQuery(query))).exclusions.map(\.reason.description)
    }
    #expect(try reasons("kube-dns.kube-system.svc.cluster.local") == ["left out by --exclude-namespaces: namespace kube-system is excluded"])
    #expect(try reasons("10-1-2-3.kube-system.pod.cluster.local") == ["left out by --exclude-namespaces: namespace kube-system is excluded"])
    #expect(try reasons("_http._tcp.cart.shop.svc.cluster.local") == ["left out by --selector: labels app=cart do not match tier=web"])
    for query in ["10.9.9.9", "9.9.9.10.in-addr.arpa", "10-9-9-9.shop.pod.cluster.local"] {
      #expect(try reasons(query) == ["left out by --namespaces: namespace shop is not in --namespaces test"], "\(query)")
    }
    #expect(try reasons("normal-service.test.svc.cluster.local").isEmpty)
    let json = ExplanationFormatter.json(explainer.explain(try #require(ExplainQuery("cart.shop.svc.cluster.local"))))
    #expect(json.contains("\"reason\": \"filtered\""))
  }

  @Test func withoutFiltersThereAreNoFilterExclusions() throws {
    #expect(try Self.explainer().filterExclusions.isEmpty)
  }
}
