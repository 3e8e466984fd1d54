import Testing
@testable import KubeZone

/// `SafetyGuard` thresholds on hand-made zones.
@Suite struct LifecycleGuardTests {
  /// A zone with `n` A RRsets (plus SOA and NS, which do not count).
  func zone(_ n: Int, firstOctet: UInt32 = 10) throws -> Zone {
    let origin = try DomainName("cluster.local")
    let records = try (0..<n).map { i in
      ResourceRecord(owner: try origin.prepending("h\(i)"), ttl: 30, data: .a(IPv4Address(firstOctet << 24 | UInt32(i))))
    }
    let ns = try origin.prepending(["ns", "dns"])
    return Zone(
      origin: origin, ttl: 30,
      soa: SOA(mname: ns, rname: try origin.prepending("hostmaster"), serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1),
      nameservers: [ns], records: records)
  }

  func existing(_ z: Zone) -> ExistingZones {
    ExistingZones(entries: [
      z.fileName: .init(path: "out/" + z.fileName, bytes: [], contents: ZoneFileContents(origin: z.origin, records: z.allRecords), problem: nil)
    ])
  }

  /// The refusal message, or nil when the run may write.
  func outcome(old: Int, new: Int, services: Int = 1, limit: Int = 30) throws -> String? {
    let existing = existing(try zone(old))
    let new = try zone(new)
    do throws(KubeZoneFailure) {
      try SafetyGuard(maxShrinkPercent: limit).check(existing: existing, new: [new], serviceCount: services, folder: "out")
      return nil
    } catch {
      guard case .refused(let message) = error else { return "not a refusal: \(error)" }
      return message
    }
  }

  @Test func countsLeaveOutTheSOAAndApexNS() throws {
    let z = try zone(3)
    #expect(RRsetCount.count([z]) == 3)
    #expect(existing(z).rrsetCount == 3)
  }

  @Test(arguments: [
    (100, 70, true),   // exactly 30%: allowed
    (100, 69, false),  // 31%
    (10, 6, false),    // 40% of the minimum 10
    (9, 1, true),      // below 10 RRsets: not checked
    (100, 100, true),
    (5, 50, true),     // growth
  ])
  func shrinkThreshold(old: Int, new: Int, passes: Bool) throws {
    let failure = try outcome(old: old, new: new)
    #expect((failure == nil) == passes)
    if let message = failure {
      #expect(message.contains("writing would remove \(old - new) RRsets (h\(new).cluster.local. A, "), "\(message)")
    }
  }

  @Test func raisingTheLimitLetsAShrinkThrough() throws {
    #expect(try outcome(old: 100, new: 40, limit: 60) == nil)
  }

  @Test func noServicesRefusesOnlyWhenRecordsWouldGo() throws {
    #expect(try outcome(old: 3, new: 1, services: 0) != nil)
    #expect(try outcome(old: 1, new: 1, services: 0) == nil)  // an empty cluster stays empty
    #expect(try outcome(old: 0, new: 0, services: 0) == nil)
  }
}
