import Testing
@testable import KubeZone

/// The sink's own hash table must behave as the `Set` it replaced: each
/// record once, in the order first added, across growth and merges.
@Suite struct RecordSinkTests {
  static func record(_ i: Int, ttl: UInt32 = 30) throws -> ResourceRecord {
    let owner = try DomainName("n\(i % 997).svc.cluster.local")
    return ResourceRecord(owner: owner, ttl: ttl, data: .a(IPv4Address(UInt32(i % 3001))))
  }

  static let origin = RecordOrigin(rule: .zoneApex, objects: [])

  @Test func keepsEachRecordOnceInFirstOrder() throws {
    var sink = RecordSink(ttl: 30)
    var reference: [ResourceRecord] = []
    var seen: Set<ResourceRecord> = []
    for i in 0..<20_000 {
      let r = try Self.record(i * 7919 % 12_000, ttl: i % 5 == 0 ? 60 : 30)
      sink.add(r.owner, r.data, ttl: r.ttl, origin: Self.origin)
      if seen.insert(r).inserted { reference.append(r) }
    }
    #expect(reference.count < 20_000)
    #expect(sink.finish() == reference)
  }

  @Test func mergesKeepTheFirstSinksOrder() throws {
    var a = RecordSink(ttl: 30), b = RecordSink(ttl: 30)
    for i in 0..<500 { let r = try Self.record(i); a.add(r.owner, r.data, origin: Self.origin) }
    for i in 250..<900 { let r = try Self.record(i); b.add(r.owner, r.data, origin: Self.origin) }
    a.add(contentsOf: b)
    #expect(try a.finish() == (0..<900).map { try Self.record($0) })
  }
}
