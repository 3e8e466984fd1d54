import Testing

@testable import KubeZone

/// The assembler routes each record to its zone in place and moves it;
/// these pin the routing against the rule written as a plain loop.
@Suite struct ZoneAssemblerTests {
  static var domain: DomainName { get throws { try DomainName("cluster.local") } }
  static var target: DomainName { get throws { try DomainName("web.default.svc.cluster.local") } }

  /// Forward records, PTRs of IPv4 and IPv6 addresses in several /16 and
  /// /48 blocks (interleaved, some owners upper-cased), PTR owners that
  /// are not addresses, and records that belong nowhere.
  static func records(seed: UInt64) throws -> [ResourceRecord] {
    let (domain, target) = (try Self.domain, try Self.target)
    var random = SeededGenerator(seed: seed)
    var records: [ResourceRecord] = []
    for i in 0..<600 {
      switch random.next() % 7 {
      case 0, 1:
        let owner = try domain.prepending(["pod-\(i)", "default", "svc"])
        records.append(ResourceRecord(owner: owner, ttl: 30, data: .a(IPv4Address(UInt32(i)))))
      case 2, 3:
        let blocks: [UInt32] = [0x0A00_0000, 0x0A01_0000, 0xC0A8_0000, 0x0AF4_0000]
        let ip = IPAddress.v4(IPv4Address(blocks[Int(random.next() % 4)] | UInt32(random.next() % 65536)))
        var owner = ip.reverseName
        if random.next() % 5 == 0 { owner = try DomainName(owner.description.uppercased()) }
        records.append(ResourceRecord(owner: owner, ttl: 30, data: .ptr(target)))
      case 4:
        let prefix = ["fd00:10:96", "fd00:10:244", "2001:db8:1"][Int(random.next() % 3)]
        let ip = try #require(IPAddress("\(prefix)::\(String(random.next() % 65536, radix: 16))"))
        // Now and then a partial IPv6 name under the same /48: IPv4's rule.
        let owner = random.next() % 4 == 0 ? ip.reverseName.suffix(labels: 16) : ip.reverseName
        records.append(ResourceRecord(owner: owner, ttl: 30, data: .ptr(target)))
      case 5:
        // Not an address's name: too few labels, or not a reverse tree.
        let owner = try DomainName(["7.10.in-addr.arpa", "1.2.3.in-addr.arpa", "x.example.org"][Int(random.next() % 3)])
        records.append(ResourceRecord(owner: owner, ttl: 30, data: .ptr(target)))
      default:
        // A non-PTR record outside the domain belongs nowhere.
        records.append(ResourceRecord(owner: try DomainName("host.example.org"), ttl: 30, data: .a(IPv4Address(1))))
      }
    }
    return records
  }

  /// The routing rule as a plain loop over copies: the oracle.
  static func expected(
    _ records: [ResourceRecord], domain: DomainName, explicit: [DomainName]?
  ) -> (zones: [DomainName: [ResourceRecord]], skipped: Int) {
    var zones: [DomainName: [ResourceRecord]] = [domain: []]
    for zone in explicit ?? [] { zones[zone] = [] }
    var skipped = 0
    for record in records {
      if record.owner.isSubdomain(of: domain) {
        zones[domain, default: []].append(record)
        continue
      }
      var zone: DomainName?
      if case .ptr = record.data {
        if let explicit {
          zone = explicit.filter { record.owner.isSubdomain(of: $0) }.max { $0.labelCount < $1.labelCount }
        } else {
          let keep = record.owner.labelCount == 34 ? 12 + 2 : 2 + 2
          zone = record.owner.labelCount >= keep ? record.owner.suffix(labels: keep) : nil
        }
      }
      if let zone { zones[zone, default: []].append(record) } else { skipped += 1 }
    }
    return (zones, skipped)
  }

  @Test(arguments: [
    nil, ["10.0.0.0/8"], ["10.0.0.0/16", "10.0.0.0/8", "10.0.0.0/8", "fd00:10::/32"], ["192.168.0.0/16", "2001:db8::/32"],
  ] as [[String]?])
  func recordsGoToTheZoneTheRuleNames(cidrs: [String]?) throws {
    let explicit = try cidrs.map { try $0.map { try CIDR($0) } }
    let domain = try Self.domain
    for seed in 1...4 as ClosedRange<UInt64> {
      let records = try Self.records(seed: seed)
      let options = ZoneOptions(
        domain: domain, nameservers: [try DomainName("ns1.example.org")], reverseZones: explicit)
      let result = try ZoneAssembler(options: options).assemble(records)
      let (zones, skipped) = Self.expected(records, domain: domain, explicit: explicit?.map(\.zoneName))
      #expect(result.skippedPTRs == skipped)
      #expect(result.zones.map(\.origin) == [domain] + zones.keys.filter { $0 != domain }.sorted(by: ZoneOrder.namePrecedes))
      for zone in result.zones {
        #expect(zone.records == (zones[zone.origin] ?? []).sorted(by: ZoneOrder.precedes), "\(zone.origin)")
      }
    }
  }
}
