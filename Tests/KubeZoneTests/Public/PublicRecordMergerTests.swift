import Testing
@testable import KubeZone

/// The merge rules of issue 11: what a zone file can hold when several
/// objects ask for one name (docs/public-zones.md#merge-rules).
@Suite struct PublicRecordMergerTests {
  typealias F = PublicFixture
  let merger = PublicRecordMerger(zones: PublicZoneSet([F.name("example.com"), F.name("dev.example.com")]), defaultTTL: 300)

  private func merge(_ records: [PublicRecord]) throws(InputError) -> (PublicRecordMerger.Result, DiagnosticLog) {
    var log = DiagnosticLog()
    let result = try merger.merge(records, log: &log)
    return (result, log)
  }

  @Test func oneNameFromTwoSourcesIsOneRRsetWithTheUnionOfTargets() throws {
    let (result, log) = try merge([
      F.a("shop.example.com", "203.0.113.10", from: F.shop),
      F.a("shop.example.com", "203.0.113.11", from: F.ingress),
      F.a("shop.example.com", "203.0.113.10", from: F.ingress),
    ])
    #expect(result.rrsets.count == 1)
    let set = try #require(result.rrsets.first)
    #expect(set.data == [.address(IPAddress("203.0.113.10")!), .address(IPAddress("203.0.113.11")!)])
    #expect(set.origins.map(\.object.name) == ["shop", "front", "front"])
    #expect(set.ttl == 300)
    #expect(log.warnings.isEmpty)
  }

  @Test func equalCNAMEsBecomeOne() throws {
    let (result, _) = try merge([
      F.cname("www.example.com", "lb.example.net", from: F.shop),
      F.cname("www.example.com", "lb.example.net.", from: F.ingress),
    ])
    #expect(result.rrsets.map(\.records.count) == [1])
  }

  @Test func twoCNAMETargetsAreAnErrorNamingEveryObject() {
    #expect {
      try merge([
        F.cname("www.example.com", "a.example.net", from: F.shop),
        F.cname("www.example.com", "b.example.net", from: F.ingress),
      ])
    } throws: { error in
      let e = error as? InputError
      let text = e?.description ?? ""
      return text.hasPrefix("shop.yaml:6:40: error: www.example.com. has 2 different CNAME targets")
        && text.contains("a.example.net. from Service web/shop (shop.yaml:1:1), hostname annotation at shop.yaml:6:40")
        && text.contains("b.example.net. from Ingress web/front (front.yaml:10:1), Ingress rule host at front.yaml:15:40")
    }
  }

  @Test func aCNAMEBesideOtherDataIsAnErrorNamingBoth() {
    #expect {
      try merge([
        F.a("api.example.com", "203.0.113.5", from: F.shop),
        F.cname("api.example.com", "lb.example.net", from: F.ingress),
      ])
    } throws: { error in
      let text = (error as? InputError)?.description ?? ""
      return text.hasPrefix("front.yaml:15:40: error: api.example.com. is a CNAME (from Ingress web/front (front.yaml:10:1)")
        && text.contains("A from Service web/shop (shop.yaml:1:1)") && text.contains("alone at its name")
    }
  }

  @Test(arguments: ["example.com", "dev.example.com"])
  func aCNAMEAtAZoneApexIsAnError(apex: String) {
    #expect {
      try merge([F.cname(apex, "lb.example.net", from: F.ingress)])
    } throws: { error in
      let text = (error as? InputError)?.description ?? ""
      return text.hasPrefix("front.yaml:15:40: error: \(apex). is the apex of the zone \(apex).")
        && text.contains("Ingress web/front (front.yaml:10:1)")
    }
  }

  @Test func twoTTLsGiveTheLowestWithAWarningNamingBoth() throws {
    let (result, log) = try merge([
      F.a("shop.example.com", "203.0.113.10", from: F.shop, ttl: 600),
      F.a("shop.example.com", "203.0.113.11", from: F.ingress, ttl: 60),
    ])
    #expect(result.rrsets.first?.ttl == 60)
    #expect(log.warnings.map(\.description) == [
      "front.yaml:15:40: warning: shop.example.com. A is asked for with two TTLs, 60 by Ingress web/front (front.yaml:10:1), "
        + "Ingress rule host at front.yaml:15:40 and 600 by Service web/shop (shop.yaml:1:1), hostname annotation at shop.yaml:6:40; "
        + "one RRset has one TTL, so it gets the lowest, 60"
    ])
  }

  @Test func aRecordWithoutTTLTakesTheDefaultAndCountsAsOne() throws {
    let (result, log) = try merge([
      F.a("shop.example.com", "203.0.113.10", from: F.shop),
      F.a("shop.example.com", "203.0.113.11", from: F.ingress, ttl: 300),
    ])
    #expect(result.rrsets.first?.ttl == 300)
    #expect(log.warnings.isEmpty)
  }

  @Test func namesInNoZoneAreSkippedInInputOrder() throws {
    let records = [
      F.a("shop.example.org", "203.0.113.1", from: F.shop),
      F.a("shop.example.com", "203.0.113.2", from: F.shop),
      F.a("example.net", "203.0.113.3", from: F.other),
    ]
    let (result, _) = try merge(records)
    #expect(result.skipped == [records[0], records[2]])
    #expect(result.rrsets.map(\.owner) == [F.name("shop.example.com")])
  }

  @Test func theSameNameAndTypeInDifferentZonesStayApart() throws {
    let (result, _) = try merge([
      F.a("a.dev.example.com", "203.0.113.1", from: F.shop),
      F.a("a.example.com", "203.0.113.2", from: F.shop),
      F.a("example.com", "203.0.113.3", from: F.shop),
    ])
    #expect(result.rrsets.map(\.owner.description) == ["example.com.", "a.example.com.", "a.dev.example.com."])
  }

  @Test func theSummaryCountsPerZoneAndVerboseNamesEachSkippedRecord() throws {
    var log = DiagnosticLog()
    let made = try PublicZones.make(
      [
        F.a("shop.example.com", "203.0.113.10", from: F.shop),
        F.a("shop.example.com", "203.0.113.11", from: F.ingress),
        F.a("api.dev.example.com", "203.0.113.12", from: F.shop),
        F.a("shop.example.org", "203.0.113.13", from: F.other),
      ],
      options: PublicNameOptions(zones: [F.name("example.com"), F.name("dev.example.com")]),
      cluster: ZoneOptions(domain: F.name("cluster.local")), reverse: [], log: &log)
    #expect(Summary.publicPhrase(made) == "public records: example.com 2, dev.example.com 1; 1 public record in no --zone skipped (--verbose names it)")
    #expect(log.notes.map(\.description) == [
      "other.yaml:25:40: note: shop.example.org. A lies in no --zone: skipped (from Service web/other (other.yaml:20:1), hostname annotation at other.yaml:25:40)"
    ])
    #expect(log.warnings.isEmpty)
  }
}
