import Foundation
import Testing
@testable import KubeZone

/// `--static` files: where their names and records go, and collisions
/// with generated records (docs/public-zones.md#static-records).
@Suite struct StaticRecordTests {
  typealias F = PublicFixture

  private func staticFile(_ text: String) -> String {
    let path = TestSupport.temporaryFolder("static") + "/hand.zone"
    TestSupport.write(text, to: path)
    return path
  }

  private func assemble(
    zones: [String], records: [PublicRecord] = [], statics text: String
  ) throws(InputError) -> [Zone] {
    let set = PublicZoneSet(zones.map(F.name))
    var log = DiagnosticLog()
    let merged = try PublicRecordMerger(zones: set, defaultTTL: 300).merge(records, log: &log)
    let statics = try StaticRecordReader.read([staticFile(text)], zones: set, defaultTTL: 300)
    return try PublicZoneAssembler(zones: set, ttl: 300, serial: 7).assemble(merged.rrsets, statics: statics).zones
  }

  private func message(_ body: () throws -> Void) -> String {
    do { try body() } catch { return "\(error)" }
    return "no error"
  }

  @Test func relativeNamesTakeTheOnlyZoneAndKeepTheirPositions() throws {
    let path = staticFile("@ 600 MX 10 mail\nmail 600 A 203.0.113.25\n")
    let read = try StaticRecordReader.read([path], zones: PublicZoneSet([F.name("example.com")]), defaultTTL: 300)
    #expect(read.map(\.record.owner.description) == ["example.com.", "mail.example.com."])
    #expect(read.map(\.location.description) == ["\(path):1:1", "\(path):2:1"])
    #expect(read.first?.record.data == .mx(MX(preference: 10, exchange: F.name("mail.example.com"))))
  }

  @Test func aRecordWithoutTTLTakesThePublicTTLOrTheFilesTTL() throws {
    let zones = try assemble(zones: ["example.com"], statics: "www A 203.0.113.1\n$TTL 60\napi A 203.0.113.2\n")
    let ttls = zones[0].records.filter { $0.owner != F.name("ns.example.com") }.map(\.ttl)
    #expect(ttls == [60, 300])
  }

  @Test func withSeveralZonesAFileNamesItsOriginOrFails() throws {
    let zones = try assemble(zones: ["example.com", "lan"], statics: "$ORIGIN lan.\nprinter 60 A 192.0.2.9\n")
    #expect(zones.map(\.origin.description) == ["example.com.", "lan."])
    #expect(zones[1].records.contains(ResourceRecord(owner: F.name("printer.lan"), ttl: 60, data: .address(IPAddress("192.0.2.9")!))))
    let text = message { _ = try assemble(zones: ["example.com", "lan"], statics: "printer 60 A 192.0.2.9\n") }
    #expect(text.hasSuffix(":1:1: error: relative name 'printer' used before any $ORIGIN (with 2 --zone values a static file names its zone with $ORIGIN, or writes names in full with their trailing dot)"))
  }

  @Test func aRecordInNoZoneIsAnErrorAtItsLine() {
    let text = message { _ = try assemble(zones: ["example.com"], statics: "www 60 A 192.0.2.1\nwww.example.org. 60 A 192.0.2.2\n") }
    #expect(text.hasSuffix(":2:1: error: www.example.org. lies in no public zone (--zone example.com.); a static record belongs to one of them"), "\(text)")
  }

  @Test func anApexNSSetReplacesTheDefaultNameservers() throws {
    let zones = try assemble(zones: ["example.com"], statics: """
      @ 3600 NS ns1.provider.net.
      @ 3600 NS ns2.provider.net.
      www 60 A 192.0.2.1
      """)
    #expect(zones[0].nameservers == [F.name("ns1.provider.net"), F.name("ns2.provider.net")])
    #expect(zones[0].soa.mname == F.name("ns1.provider.net"))
    #expect(!zones[0].records.contains { $0.owner == F.name("ns.example.com") })
  }

  @Test func anApexSOAGivesTheTimersButNotTheSerial() throws {
    let zones = try assemble(zones: ["example.com"], statics: "@ 3600 SOA ns1.provider.net. dns.example.org. 99 7200 900 2419200 600\n")
    let soa = zones[0].soa
    #expect(soa == SOA(mname: F.name("ns1.provider.net"), rname: F.name("dns.example.org"), serial: 7, refresh: 7200, retry: 900, expire: 2_419_200, minimum: 600))
  }

  @Test func twoStaticFilesWithDifferentSOAsForOneZoneAreAnError() throws {
    let set = PublicZoneSet([F.name("example.com")])
    let first = staticFile("@ 3600 SOA ns1.provider.net. dns.example.org. 1 7200 900 2419200 600\n")
    let same = TestSupport.temporaryFolder("static") + "/same.zone"
    TestSupport.write("@ 3600 SOA ns1.provider.net. dns.example.org. 2 7200 900 2419200 600\n", to: same)
    let other = TestSupport.temporaryFolder("static") + "/other.zone"
    TestSupport.write("www 60 A 192.0.2.1\n@ 3600 SOA ns1.provider.net. dns.example.org. 1 3600 900 2419200 600\n", to: other)
    func assemble(_ files: [String]) throws(InputError) -> [Zone] {
      let statics = try StaticRecordReader.read(files, zones: set, defaultTTL: 300)
      return try PublicZoneAssembler(zones: set, ttl: 300, serial: 7).assemble([], statics: statics).zones
    }
    // A different serial is no disagreement: kubezone owns the serial.
    #expect(try assemble([first, same])[0].soa.refresh == 7200)
    let text = message { _ = try assemble([first, other]) }
    #expect(text.hasSuffix("\(other):2:1: error: a second, different SOA for example.com. (the first is at \(first):1:1); keep one in the --static files"), "\(text)")
  }

  @Test func theDefaultApexIsNsAndHostmasterWithPublicTimers() throws {
    let zones = try assemble(zones: ["lan"], statics: "printer 60 A 192.0.2.9\n")
    #expect(zones[0].nameservers == [F.name("ns.lan")])
    #expect(zones[0].soa == SOA(mname: F.name("ns.lan"), rname: F.name("hostmaster.lan"), serial: 7, refresh: 3600, retry: 600, expire: 1_209_600, minimum: 300))
    #expect(zones[0].records.contains(ResourceRecord(owner: F.name("ns.lan"), ttl: 300, data: .address(IPAddress("127.0.0.1")!))))
  }

  @Test func anEqualGeneratedRRsetIsKeptOnceWithTheStaticTTL() throws {
    let zones = try assemble(
      zones: ["example.com"],
      records: [F.a("shop.example.com", "203.0.113.10", from: F.shop)],
      statics: "shop 60 A 203.0.113.10\n")
    #expect(zones[0].records.filter { $0.owner == F.name("shop.example.com") } == [
      ResourceRecord(owner: F.name("shop.example.com"), ttl: 60, data: .address(IPAddress("203.0.113.10")!))
    ])
  }

  @Test func aDifferentGeneratedRRsetIsAnErrorNamingBothPlaces() {
    let text = message {
      _ = try assemble(
        zones: ["example.com"],
        records: [F.a("shop.example.com", "203.0.113.10", from: F.shop)],
        statics: "www 60 A 192.0.2.1\nshop 60 A 203.0.113.99\n")
    }
    #expect(text.contains(":2:1: error: shop.example.com. A is kept by hand at "), "\(text)")
    #expect(text.contains("hand.zone:2:1 and made by Service web/shop (shop.yaml:1:1), hostname annotation at shop.yaml:6:40 with other data"))
  }

  @Test(arguments: [
    ("www 60 CNAME lb.example.net.\n", F.a("www.example.com", "203.0.113.10", from: F.shop)),
    ("www 60 TXT \"hello\"\n", F.cname("www.example.com", "lb.example.net", from: F.shop)),
  ])
  func aCNAMEBesideStaticOrGeneratedDataIsAnError(file: String, record: PublicRecord) {
    let text = message { _ = try assemble(zones: ["example.com"], records: [record], statics: file) }
    #expect(text.contains("www.example.com. is a CNAME and has other data too"), "\(text)")
    #expect(text.contains("Service web/shop (shop.yaml:1:1)") && text.contains("the static record at "))
  }

  @Test func aStaticCNAMEAtTheApexIsAnErrorAtItsLine() {
    let text = message { _ = try assemble(zones: ["example.com"], statics: "www 60 A 192.0.2.1\n@ 60 CNAME lb.example.net.\n") }
    #expect(text.contains(":2:1: error: example.com. is the apex of the zone example.com."), "\(text)")
  }

  @Test func anSOABelowAnApexIsAnError() {
    let text = message { _ = try assemble(zones: ["example.com"], statics: "$ORIGIN www.example.com.\n@ 60 SOA ns. h. 1 2 3 4 5\n") }
    #expect(text.contains(":2:1: error: an SOA record belongs at a zone's apex"), "\(text)")
  }

  @Test func twoTTLsInOneStaticRRsetAreAnError() {
    let text = message { _ = try assemble(zones: ["example.com"], statics: "www 60 A 192.0.2.1\nwww 120 A 192.0.2.2\n") }
    #expect(text.contains(":2:1: error: www.example.com. A has TTL 120 here and 60 at "), "\(text)")
  }
}
