import Foundation
import Testing
@testable import KubeZone

/// The small fast pieces behind the performance work, each against the
/// plain code it replaces.
@Suite struct PerfUnitTests {
  @Test func plainASCIICheckAgreesWithAByteLoop() {
    var rng = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = Array(0x20...0x7E) + [0x0A, 0x09]
    for round in 0..<2000 {
      var bytes = (0..<Int.random(in: 0...100, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 0x20 }
      if round % 2 == 0, !bytes.isEmpty {
        bytes[Int.random(in: 0..<bytes.count, using: &rng)] = [0x00, 0x0D, 0x1F, 0x7F, 0x80, 0xC3, 0xFF, 0x0B].randomElement(using: &rng) ?? 0
      }
      let expected = bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }
      #expect(bytes.withUnsafeBufferPointer(PlainASCIICheck.isPlain) == expected, "\(bytes)")
    }
  }

  @Test func zoneOrderSortedMatchesSortedByPrecedes() throws {
    // Mixed numeric and text labels, case differences and duplicates: the
    // key sort (on two cores past `ParallelSort.threshold`) must give
    // exactly the permutation of the stable sort by `precedes`.
    let labels = ["1", "2", "10", "01", "1a", "A", "a", "b", "web", "Web", "100", "_tcp"]
    var records: [ResourceRecord] = []
    var rng = SystemRandomNumberGenerator()
    let origin = try DomainName("cluster.local")
    // Past the threshold, so the two halves and their merge run; TTLs make
    // equal-keyed records distinguishable, so stability shows.
    for i in 0..<(ParallelSort.threshold + 3000) {
      let parts = (0..<Int.random(in: 1...3, using: &rng)).map { _ in labels.randomElement(using: &rng) ?? "a" }
      let owner = try origin.prepending(parts)
      let data: RData = i % 3 == 0 ? .a(IPv4Address(UInt32(i % 7))) : .ptr(try origin.prepending(labels.randomElement(using: &rng) ?? "a"))
      records.append(ResourceRecord(owner: owner, ttl: UInt32(i % 5), data: data))
    }
    #expect(ZoneOrder.sorted(records) == records.sorted(by: ZoneOrder.precedes))
  }

  /// The two-core sort and merge give the stable order: by key, then by
  /// position, whatever the halves hold (many ties, one half all smaller,
  /// all equal, odd counts).
  @Test(arguments: [0, 1, 2, 3, 4])
  func parallelSortIsStable(shape: Int) {
    var rng = SystemRandomNumberGenerator()
    for count in [ParallelSort.threshold, ParallelSort.threshold + 1, ParallelSort.threshold * 3 + 777] {
      let keys: [Int] = (0..<count).map { i in
        switch shape {
        case 0: Int.random(in: 0..<50, using: &rng)
        case 1: i < count / 2 ? Int.random(in: 0..<10, using: &rng) : Int.random(in: 10..<20, using: &rng)
        case 2: i < count / 2 ? Int.random(in: 10..<20, using: &rng) : Int.random(in: 0..<10, using: &rng)
        case 3: 7
        default: Int.random(in: 0..<Int.max, using: &rng)
        }
      }
      var positions = Array(keys.indices)
      positions.withUnsafeMutableBufferPointer { ParallelSort.sort($0) { keys[$0] < keys[$1] } }
      let expected = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
      // The first difference only: the arrays are too long to print.
      let difference = zip(positions, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      #expect(positions.count == expected.count && difference == nil, "shape \(shape), \(count) items: first difference at \(String(describing: difference))")
    }
  }

  @Test func domainNameHashIgnoresCase() throws {
    let a = try DomainName("Web.Prod.svc.cluster.local")
    let b = try DomainName("web.prod.SVC.cluster.local")
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(Set([a, b]).count == 1)
  }

  @Test func wordLoweringMatchesByteLowering() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<5000 {
      let w = UInt64.random(in: .min ... .max, using: &rng)
      var expected: UInt64 = 0
      for k in 0..<8 {
        let b = UInt8(truncatingIfNeeded: w >> (8 * UInt64(k)))
        expected |= UInt64(DomainName.lower(b)) << (8 * UInt64(k))
      }
      #expect(DomainName.lowered(w) == expected)
    }
    #expect(DomainName.lowered(0x5A41_405B_7A61_C1DA) == 0x7A61_405B_7A61_C1DA)
  }

  /// The validator's table was rewritten for speed; its messages stay.
  @Test func zoneValidatorMessages() throws {
    let origin = try DomainName("cluster.local")
    let ns = try origin.prepending(["ns", "dns"])
    let soa = SOA(mname: ns, rname: try origin.prepending("hostmaster"), serial: 1, refresh: 7200, retry: 1800, expire: 86400, minimum: 30)
    let web = try origin.prepending(["web", "svc"])
    let a = RData.a(IPv4Address(0x0A00_0001))
    func message(_ records: [ResourceRecord], nameservers: [DomainName]? = nil) -> String? {
      let zone = Zone(origin: origin, ttl: 30, soa: soa, nameservers: nameservers ?? [ns], records: [ResourceRecord(owner: ns, ttl: 30, data: a)] + records)
      do { try ZoneValidator.validate(zone) } catch { return error.diagnostic.message }
      return nil
    }
    #expect(message([ResourceRecord(owner: web, ttl: 30, data: a)]) == nil)
    #expect(message([ResourceRecord(owner: web, ttl: 30, data: a), ResourceRecord(owner: web, ttl: 60, data: .a(IPv4Address(2)))])
      == "zone cluster.local.: web.svc.cluster.local. A has two TTLs, 30 and 60")
    #expect(message([ResourceRecord(owner: web, ttl: 30, data: a), ResourceRecord(owner: web, ttl: 30, data: .cname(ns)), ResourceRecord(owner: web, ttl: 30, data: .txt([]))])
      == "zone cluster.local.: web.svc.cluster.local. has a CNAME beside other data (A, TXT)")
    #expect(message([ResourceRecord(owner: try origin.prepending("*"), ttl: 30, data: a)])
      == "zone cluster.local.: *.cluster.local. is a wildcard owner, which cluster DNS never serves")
    #expect(message([ResourceRecord(owner: try DomainName("example.org"), ttl: 30, data: a)])
      == "zone cluster.local.: example.org. lies outside the zone")
    #expect(message([], nameservers: [web]) == "zone cluster.local.: nameserver web.svc.cluster.local. lies inside the zone but has no address record")
  }

  @Test func ipv4DashedAndReverseNames() throws {
    for text in ["0.0.0.0", "10.96.1.136", "255.255.255.255", "100.108.251.43", "1.20.3.0"] {
      let ip = try #require(IPAddress(text))
      #expect(ip.dashed == text.replacingOccurrences(of: ".", with: "-"))
      let octets = text.split(separator: ".").reversed().joined(separator: ".")
      #expect(ip.reverseName.description == octets + ".in-addr.arpa.")
    }
  }

  @Test func lineCounterMatchesLineTable() {
    let text = "a\nbé\r\ncd\rx\n\nlast é line"
    let bytes = Array(text.utf8)
    var table = LineTable(bytes, file: "f")
    var counter = LineCounter(file: "f")
    bytes.withUnsafeBufferPointer { buf in
      for offset in 0...bytes.count {
        #expect(counter.location(offset, in: buf) == table.location(offset), "offset \(offset)")
      }
    }
  }
}
