import Testing
@testable import KubeZone

/// Apex defaults, nested zones and what public zones may hold.
@Suite struct PublicZoneAssemblerTests {
  typealias F = PublicFixture

  private func zones(
    _ names: [String], _ records: [PublicRecord], nameservers: [String] = [], addresses: [String] = []
  ) throws(InputError) -> [Zone] {
    let set = PublicZoneSet(names.map(F.name))
    var log = DiagnosticLog()
    let merged = try PublicRecordMerger(zones: set, defaultTTL: 300).merge(records, log: &log)
    let assembler = PublicZoneAssembler(
      zones: set, ttl: 300, serial: 1, nameservers: nameservers.map(F.name),
      nameserverAddresses: addresses.compactMap(IPAddress.init))
    return try assembler.assemble(merged.rrsets, statics: []).zones
  }

  @Test func theParentGetsTheChildsDelegationWithGlue() throws {
    let built = try zones(["example.com", "dev.example.com"], [F.a("api.dev.example.com", "203.0.113.7", from: F.shop)],
      addresses: ["192.0.2.53"])
    let parent = try #require(built.first { $0.origin == F.name("example.com") })
    #expect(parent.records.map(\.zoneFileLine).sorted() == [
      ResourceRecord(owner: F.name("dev.example.com"), ttl: 300, data: .ns(F.name("ns.dev.example.com"))).zoneFileLine,
      ResourceRecord(owner: F.name("ns.dev.example.com"), ttl: 300, data: .address(IPAddress("192.0.2.53")!)).zoneFileLine,
      ResourceRecord(owner: F.name("ns.example.com"), ttl: 300, data: .address(IPAddress("192.0.2.53")!)).zoneFileLine,
    ].sorted())
    let child = try #require(built.first { $0.origin == F.name("dev.example.com") })
    #expect(child.records.contains { $0.owner == F.name("api.dev.example.com") })
  }

  @Test func aNameserverOutsideTheChildNeedsNoGlue() throws {
    let built = try zones(["example.com", "dev.example.com"], [], nameservers: ["ns1.provider.net"])
    #expect(built[0].records == [ResourceRecord(owner: F.name("dev.example.com"), ttl: 300, data: .ns(F.name("ns1.provider.net")))])
    #expect(built[1].records.isEmpty)
  }

  @Test func aGivenNameserverInsideAZoneWithoutAddressIsAnError() {
    #expect {
      _ = try zones(["example.com"], [], nameservers: ["ns1.example.com"])
    } throws: { error in
      "\(error)".contains("nameserver ns1.example.com. lies inside the public zone example.com. but has no address")
    }
  }

  @Test func aNameserverWhoseAddressTheSourcesGiveNeedsNoOption() throws {
    let built = try zones(["example.com"], [F.a("ns1.example.com", "203.0.113.53", from: F.shop)], nameservers: ["ns1.example.com"])
    #expect(built[0].records.map(\.owner) == [F.name("ns1.example.com")])
  }

  @Test func wildcardOwnersArePublished() throws {
    let built = try zones(["example.com"], [F.a("*.apps.example.com", "203.0.113.9", from: F.ingress)])
    #expect(built[0].records.contains { $0.owner == F.name("*.apps.example.com") })
  }
}
