import Testing
@testable import KubeZone

/// Which zone holds a name, and which zones cannot sit beside the cluster.
@Suite struct PublicZoneSetTests {
  typealias F = PublicFixture
  let set = PublicZoneSet(["example.com", "dev.example.com", "lan", "example.com"].map(F.name))

  @Test func eachZoneOnceInZoneOrder() {
    #expect(set.origins.map(\.description) == ["example.com.", "dev.example.com.", "lan."])
  }

  @Test(arguments: [
    ("api.dev.example.com", "dev.example.com."), ("dev.example.com", "dev.example.com."),
    ("www.example.com", "example.com."), ("example.com", "example.com."), ("printer.lan", "lan."),
    ("example.org", nil), ("com", nil),
  ] as [(String, String?)])
  func aNameGoesToTheLongestZoneHoldingIt(name: String, zone: String?) {
    #expect(set.zone(for: F.name(name))?.description == zone)
  }

  @Test func theParentOfANestedZoneIsTheLongestOtherZoneAboveIt() {
    #expect(set.parent(of: F.name("dev.example.com")) == F.name("example.com"))
    #expect(set.parent(of: F.name("example.com")) == nil)
    #expect(set.parent(of: F.name("lan")) == nil)
  }

  @Test(arguments: [
    ("cluster.local", "--zone cluster.local. is the cluster domain"),
    ("local", "--zone local. contains the cluster domain cluster.local., whose names must not be published; pass another --domain"),
    ("svc.cluster.local", "--zone svc.cluster.local. lies inside the cluster domain cluster.local."),
  ])
  func zonesOverlappingTheClusterDomainAreRefused(zone: String, message: String) {
    let problem = PublicZoneSet.problem(F.name(zone), clusterDomain: F.name("cluster.local"))
    #expect(problem?.hasPrefix(message) == true, "\(problem ?? "nil")")
    #expect(problem?.contains("--domain") == true)
  }

  @Test(arguments: ["lan", "example.com", "local.example.com", "cluster.local.example"])
  func otherZonesAreAllowed(zone: String) {
    #expect(PublicZoneSet.problem(F.name(zone), clusterDomain: F.name("cluster.local")) == nil)
    #expect(PublicZoneSet.problem(F.name(zone), reverseZone: F.name("96.10.in-addr.arpa")) == nil)
  }

  @Test(arguments: [
    ("96.10.in-addr.arpa", "is the reverse zone"), ("in-addr.arpa", "contains the reverse zone"),
    ("1.96.10.in-addr.arpa", "lies inside the reverse zone"),
  ])
  func zonesOverlappingAReverseZoneAreRefused(zone: String, how: String) {
    let problem = PublicZoneSet.problem(F.name(zone), reverseZone: F.name("96.10.in-addr.arpa"))
    #expect(problem?.hasPrefix("--zone \(zone). \(how) 96.10.in-addr.arpa.") == true, "\(problem ?? "nil")")
  }
}
