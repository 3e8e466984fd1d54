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

  /// Joining on all cores gives what merging one sink after another does,
  /// with records repeated across any of the parts, split any way.
  @Test func joiningEqualsMergingInOrder() throws {
    var generator = SeededGenerator(seed: 29)
    for round in 0..<60 {
      let parts = try (0..<Int.random(in: 1...5, using: &generator)).map { _ in
        var sink = RecordSink(ttl: 30)
        for _ in 0..<Int.random(in: 0...400, using: &generator) {
          let r = try Self.record(Int.random(in: 0..<1500, using: &generator))
          sink.add(r.owner, r.data, origin: Self.origin)
        }
        return sink
      }
      var merged = parts[0]
      for part in parts.dropFirst() { merged.add(contentsOf: part) }
      let expected = merged.finish()
      for minimum in [1, 7, 100, 4096] {
        #expect(RecordSink.joined(parts, minimumSplit: minimum) == expected, "round \(round), \(minimum)")
      }
    }
  }
}

/// With provenance on, origins stay beside their records through
/// de-duplication and merges.
@Suite struct RecordSinkProvenanceTests {
  static func origin(_ name: String) -> RecordOrigin {
    RecordOrigin(rule: .serviceSRV(port: 80), objects: [ObjectReference(kind: "Service", namespace: "default", name: name, location: SourceLocation(file: "in.yaml", line: 1, column: 1, offset: 0))])
  }

  @Test func originsFollowTheirRecords() throws {
    var a = RecordSink(ttl: 30, provenance: true), b = RecordSink(ttl: 30, provenance: true)
    let r1 = try RecordSinkTests.record(1), r2 = try RecordSinkTests.record(2)
    a.add(r1.owner, r1.data, origin: Self.origin("x"))
    a.add(r1.owner, r1.data, origin: Self.origin("x"))
    b.add(r2.owner, r2.data, origin: Self.origin("y"))
    b.add(r1.owner, r1.data, origin: Self.origin("z"))
    b.exclude(Exclusion(.terminating, objects: []))
    a.add(contentsOf: b)
    let log = try #require(a.provenance)
    #expect(a.finish() == [r1, r2])
    #expect(log.origins == [[Self.origin("x"), Self.origin("z")], [Self.origin("y")]])
    #expect(log.exclusions == [Exclusion(.terminating, objects: [])])
  }

  @Test func offKeepsNothingAndBuildsNoOrigin() throws {
    var sink = RecordSink(ttl: 30)
    let r = try RecordSinkTests.record(1)
    var built = 0
    func origin() -> RecordOrigin { built += 1; return Self.origin("x") }
    sink.add(r.owner, r.data, origin: origin())
    sink.exclude(Exclusion(.terminating, objects: []))
    #expect(sink.provenance == nil)
    #expect(built == 0)
  }
}
