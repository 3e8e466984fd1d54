import Foundation
import Testing
@testable import KubeZone

@Suite struct ZoneOrderTests {
  @Test func numericLabelsSortAsNumbers() throws {
    let names = try ["2.1.10.in-addr.arpa", "10.1.10.in-addr.arpa", "100.1.10.in-addr.arpa", "3.2.10.in-addr.arpa"].map { try DomainName($0) }
    #expect(names.shuffled().sorted(by: ZoneOrder.namePrecedes) == names)
  }

  @Test func subtreesStayTogether() throws {
    let names = try ["web.ns.svc.z", "_http._tcp.web.ns.svc.z", "a-1.web.ns.svc.z", "web2.ns.svc.z"].map { try DomainName($0) }
    #expect(names.shuffled().sorted(by: ZoneOrder.namePrecedes) == names)
  }

  @Test func numericLabelsComeBeforeTheOthersOfTheirLevel() throws {
    // Endpoint hostnames `0`, `2`, `10` beside IP-named endpoints: before,
    // `2 < 10`, `10 < 10-0-0-9` and `10-0-0-9 < 2` all held.
    let names = try ["0", "2", "10", "010", "10-0-0-9", "1a", "a"].map { try DomainName("\($0).web.ns.svc.z") }
    let expected = try ["0", "2", "010", "10", "10-0-0-9", "1a", "a"].map { try DomainName("\($0).web.ns.svc.z") }
    for _ in 0..<20 {
      #expect(names.shuffled().sorted(by: ZoneOrder.namePrecedes) == expected)
    }
  }

  @Test func anyInputOrderGivesOneZoneOrder() throws {
    let labels = ["1", "2", "10", "01", "1a", "A", "a", "10-0-0-1", "web"]
    let origin = try DomainName("z")
    var records: [ResourceRecord] = []
    for i in 0..<400 {
      let owner = try origin.prepending([labels[i % labels.count], labels[(i / labels.count) % labels.count]])
      records.append(ResourceRecord(owner: owner, ttl: 30, data: .a(IPv4Address(UInt32(i % 3)))))
    }
    let once = ZoneOrder.sorted(records)
    for _ in 0..<10 {
      #expect(ZoneOrder.sorted(records.shuffled()) == once)
    }
  }

  @Test func ownerKeysCompareAsNamePrecedes() throws {
    let names = try DomainNameStorageTests.randomNames(200) + ["0", "00", "1", "01", "9", "10", "a\\000", "a\\000b", "a\\001", "A"].map { try DomainName("\($0).z") }
    let keys = OwnerKeys(names.map { ResourceRecord(owner: $0, ttl: 30, data: .a(IPv4Address(0))) })
    keys.withKeys { keys in
      for a in names.indices {
        for b in names.indices {
          let c = keys.compare(a, b)
          let (x, y) = (names[a], names[b])
          #expect((c < 0) == ZoneOrder.namePrecedes(x, y), "\(x) before \(y)")
          #expect((c == 0) == (x == y), "\(x) with \(y)")
        }
      }
    }
  }
}
