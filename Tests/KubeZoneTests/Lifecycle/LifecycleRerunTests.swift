import Foundation
import Testing
@testable import KubeZone

/// The every-minute run with nothing changed: a file that is byte for byte
/// what the run writes is `matched` from its SOA alone; any other file is
/// parsed and compared in full, with the same outcome as always.
@Suite struct LifecycleRerunTests {
  /// A zone with `n` A RRsets under `origin`.
  func zone(_ n: Int, origin: String = "cluster.local") throws -> Zone {
    let origin = try DomainName(origin)
    let records = try (0..<n).map { i in
      ResourceRecord(owner: try origin.prepending("h\(i)"), ttl: 30, data: .a(IPv4Address(10 << 24 | UInt32(i))))
    }
    let ns = try origin.prepending(["ns", "dns"])
    return Zone(
      origin: origin, ttl: 30,
      soa: SOA(mname: ns, rname: try origin.prepending("hostmaster"), serial: 0, refresh: 1, retry: 1, expire: 1, minimum: 1),
      nameservers: [ns], records: records.sorted(by: ZoneOrder.precedes))
  }

  func header(extra: String = "") throws -> Template {
    try Template(DefaultTemplates.zoneHeader + extra, file: "zone.header")
  }

  func run(_ zones: [Zone], _ out: String, header: Template? = nil) throws -> LifecyclePlan {
    var options = LifecycleOptions(now: 1_800_000_000)
    options.scheme = .increment
    return try ZoneLifecycle.run(zones: zones, serviceCount: 1, header: header ?? self.header(), folder: out, options: options)
  }

  func matched(_ zones: [Zone], _ out: String, header: Template? = nil) throws -> [String: Bool] {
    let writer = ZoneWriter(header: try header ?? self.header())
    return ExistingZones.read(folder: out, zones: zones, writer: writer).entries.mapValues(\.matched)
  }

  func entry(_ plan: LifecyclePlan, _ zone: Zone) -> LifecyclePlan.Entry? {
    plan.entries.first { $0.fileName == zone.fileName }
  }

  /// Replaces `old` in the zone file once, which must hold it.
  func edit(_ path: String, _ old: String, _ new: String) throws {
    let text = try #require(TestSupport.read(path))
    let range = try #require(text.range(of: old))
    TestSupport.write(text.replacingCharacters(in: range, with: new), to: path)
  }

  @Test func anUnchangedFileIsMatchedAndLeftAlone() throws {
    let out = TestSupport.temporaryFolder("rerun")
    let z = try zone(20)
    #expect(entry(try run([z], out), z)?.status == .new)
    let path = out + "/" + z.fileName
    let before = LifecycleSupport.state(path)
    let existing = ExistingZones.read(folder: out, zones: [z], writer: ZoneWriter(header: try header()))
    let found = try #require(existing.entries[z.fileName])
    #expect(found.matched)
    var written = z
    written.soa.serial = 1
    #expect(found.contents?.records == written.allRecords)
    let again = try #require(entry(try run([z], out), z))
    #expect(again.status == .unchanged)
    #expect(again.oldSerial == 1 && again.zone?.soa.serial == 1)
    #expect(Array(again.text.utf8) == Array(before.bytes ?? Data()))
    #expect(LifecycleSupport.state(path) == before)
  }

  @Test func oneChangedByteAfterTheSOAIsParsedAndCompared() throws {
    let out = TestSupport.temporaryFolder("rerun")
    let z = try zone(20)
    _ = try run([z], out)
    // h0's TTL, 30 -> 31: one byte, one record.
    try edit(out + "/" + z.fileName, "30      IN  A      10.0.0.0\n", "31      IN  A      10.0.0.0\n")
    #expect(try matched([z], out) == [z.fileName: false])
    let plan = try #require(entry(try run([z], out), z))
    #expect(plan.status == .changed)
    #expect(plan.oldSerial == 1 && plan.zone?.soa.serial == 2)
    #expect(try matched([z], out) == [z.fileName: true])
  }

  @Test func sameRecordsInAnotherLayoutAreStillReformatted() throws {
    let out = TestSupport.temporaryFolder("rerun")
    let z = try zone(3)
    _ = try run([z], out)
    let path = out + "/" + z.fileName
    let written = try #require(TestSupport.read(path))
    TestSupport.write(written.replacingOccurrences(of: "      IN  A      ", with: "\tIN A\t"), to: path)
    #expect(try matched([z], out) == [z.fileName: false])
    let plan = try #require(entry(try run([z], out), z))
    #expect(plan.status == .reformatted)
    #expect(plan.zone?.soa.serial == 1)
    #expect(TestSupport.read(path) == written)
  }

  @Test func aHeaderWithRecordsOfItsOwnIsComparedInFull() throws {
    // The file holds a record the zone lacks, so the full comparison finds
    // a change on every run; equal bytes must not hide that.
    let out = TestSupport.temporaryFolder("rerun")
    let z = try zone(3)
    let glue = try header(extra: "ns.dns {{ttl}} IN A 192.0.2.53\n")
    _ = try run([z], out, header: glue)
    #expect(try matched([z], out, header: glue) == [z.fileName: false])
    let plan = try #require(entry(try run([z], out, header: glue), z))
    #expect(plan.status == .changed)
    #expect(plan.oldSerial == 1 && plan.zone?.soa.serial == 2)
  }

  @Test func theGuardCountsMatchedZonesOnBothSidesAndOtherFilesOnce() throws {
    let out = TestSupport.temporaryFolder("rerun")
    let kept = try zone(50)
    _ = try run([kept, try zone(50, origin: "other.local")], out)
    var foreign = "$ORIGIN foreign.local.\n$TTL 30\n"
    for i in 0..<10 { foreign += "f\(i) A 192.0.2.\(i)\n" }
    TestSupport.write(foreign, to: out + "/foreign.local.zone")
    let shrunk = try zone(10, origin: "other.local")
    #expect(try matched([kept, shrunk], out) == [kept.fileName: true, shrunk.fileName: false, "foreign.local.zone": false])
    do {
      _ = try run([kept, shrunk], out)
      Issue.record("a 45% shrink was not refused")
    } catch {
      guard case .refused(let message) = error as? KubeZoneFailure else { throw error }
      #expect(message.contains("the new zones hold 60 RRsets, 45% fewer than the 110 in \(out)/"), "\(message)")
      #expect(message.contains("writing would remove 50 RRsets (f0.foreign.local. A, "), "\(message)")
    }
  }

  @Test func theSOAIsReadWithoutReadingWhatFollows() throws {
    let text = "; a hand-written zone\r\n$ORIGIN example.org.\n$TTL 1h\n"
      + "@ IN SOA ns1 hostmaster ( ; a comment ( inside\n  2024010101 ; serial\n  2h 30m 1w\n  60 )\n"
      + "$INCLUDE other.zone\nbroken ( \"never closed\n"
    let bytes = Array(text.utf8)
    let soa = try #require(try ZoneFileReader.firstSOA(bytes, file: "t.zone"))
    #expect(soa == SOA(
      mname: try DomainName("ns1.example.org"), rname: try DomainName("hostmaster.example.org"), serial: 2_024_010_101,
      refresh: 7200, retry: 1800, expire: 604_800, minimum: 60))
    #expect(throws: ZoneFileError.self) { try ZoneFileReader.read(bytes, file: "t.zone") }
    #expect(try ZoneFileReader.firstSOA(Array("$ORIGIN a.\n$TTL 5\nx A 192.0.2.1\n".utf8), file: "t.zone") == nil)
    let early = #expect(throws: ZoneFileError.self) {
      try ZoneFileReader.firstSOA(Array("$ORIGIN a.\nx 5 CAA 0 issue y\n@ 5 SOA a. b. 1 2 3 4 5\n".utf8), file: "t.zone")
    }
    #expect(early?.description.hasPrefix("t.zone:2:5: error: unknown or unsupported record type 'CAA'") == true)
  }
}
