import Testing

@testable import KubeZone

/// The assemblers validate each zone just after sorting it, telling owners
/// apart by comparing neighbours instead of a table: these pin that both
/// ways find the same problem, with the same message.
@Suite struct ZoneValidatorTests {
  static func message(_ zone: Zone, sorted: Bool) -> String? {
    do {
      try ZoneValidator.validate(zone, sorted: sorted)
    } catch {
      return error.diagnostic.message
    }
    return nil
  }

  @Test func neighboursFindWhatTheTableFinds() throws {
    let origin = try DomainName("cluster.local")
    let ns = try origin.prepending(["ns", "dns"])
    let soa = SOA(
      mname: ns, rname: try origin.prepending("hostmaster"), serial: 1, refresh: 7200, retry: 1800, expire: 86400,
      minimum: 30)
    // Owners, some only in case apart, the apex among them.
    let owners = try ["web.svc", "WEB.svc", "db.svc", "_http._tcp.web.svc", "ns.dns", "a.b.c", "A.b.C"].map {
      try DomainName($0 + ".cluster.local")
    } + [origin, try DomainName("CLUSTER.local")]
    var random = SeededGenerator(seed: 13)
    var kinds: [String: Int] = [:]
    for _ in 0..<600 {
      var records: [ResourceRecord] = []
      for _ in 0..<Int(random.next() % 12) {
        let owner = owners[Int(random.next() % UInt64(owners.count))]
        let ttl: UInt32 = random.next() % 10 == 0 ? 60 : 30
        let data: RData
        switch random.next() % 8 {
        case 0: data = .cname(ns)
        case 1: data = .txt([])
        case 2: data = .aaaa(IPv6Address(high: 0xFD00, low: random.next() % 4))
        default: data = .a(IPv4Address(UInt32(random.next() % 4)))
        }
        records.append(ResourceRecord(owner: owner, ttl: ttl, data: data))
      }
      let nameservers = random.next() % 2 == 0 ? [ns] : [try DomainName("ns1.example.org")]
      let zone = Zone(
        origin: origin, ttl: 30, soa: soa, nameservers: nameservers, records: ZoneOrder.sorted(records.uniqued()))
      let expected = Self.message(zone, sorted: false)
      #expect(Self.message(zone, sorted: true) == expected, "\(zone.records)")
      let kind = expected.map { $0.contains("two TTLs") ? "ttl" : $0.contains("CNAME") ? "cname" : "ns" } ?? "valid"
      kinds[kind, default: 0] += 1
    }
    // Every outcome came up, so the comparison covered each check.
    for kind in ["valid", "ttl", "cname", "ns"] {
      #expect(kinds[kind, default: 0] > 10, "\(kind): \(kinds)")
    }
  }
}
