import Testing

@testable import KubeZone

/// The conflict check reads pods and records on all cores; cut into any
/// number of ranges, it keeps and drops the same records, and reports the
/// same conflicts in the same order, as one pass over them.
@Suite struct ConflictCheckSplitTests {
  @Test func splittingChangesNothing() throws {
    var generator = SeededGenerator(seed: 1123)
    let domain = try DomainName("cluster.local")
    var sawDrops = 0
    var sawPodHits = 0
    for round in 0..<40 {
      let yaml = Self.snapshot(&generator)
      var decoded = ObjectDecoder.Result()
      try Pipeline.decode(Array(yaml.utf8), file: "f.yaml", with: ObjectDecoder(defaultNamespace: "default"), into: &decoded)
      var inventoryLog = DiagnosticLog()
      let inventory = Inventory(decoded.objects, log: &inventoryLog)
      var synthesisLog = DiagnosticLog()
      let records = try RecordSynthesizer(options: SynthesisOptions(domain: domain)).records(for: inventory, log: &synthesisLog)

      func run(_ minimum: Int) throws -> (records: [ResourceRecord], log: [String], dropped: [String]) {
        var log = DiagnosticLog()
        var dropped: [String] = []
        let kept = try ConflictCheck(strict: false, minimumSplit: minimum).records(
          records, inventory: inventory, domain: domain, log: &log
        ) { record, why in dropped.append("\(record.owner) \(record.data.presentation): \(why)") }
        return (kept, log.entries.map(\.description), dropped)
      }
      let one = try run(.max)
      sawDrops += one.dropped.isEmpty ? 0 : 1
      sawPodHits += one.log.contains { $0.contains("Pod ") } ? 1 : 0
      for minimum in [1, 2, 3, 7, 64] {
        let split = try run(minimum)
        #expect(split.records == one.records, "round \(round), \(minimum)")
        #expect(split.log == one.log, "round \(round), \(minimum)")
        #expect(split.dropped == one.dropped, "round \(round), \(minimum)")
      }
      // Strict stops at the same first conflict, however it is split.
      func strictError(_ minimum: Int) -> String? {
        var log = DiagnosticLog()
        do {
          _ = try ConflictCheck(strict: true, minimumSplit: minimum).records(records, inventory: inventory, domain: domain, log: &log)
          return nil
        } catch {
          return error.description
        }
      }
      #expect(strictError(1) == strictError(.max), "round \(round)")
    }
    // The inputs did exercise what is split.
    #expect(sawDrops > 10)
    #expect(sawPodHits > 10)
  }

  @Test func rangesCoverEveryIndexOnceInOrder() {
    for count in [0, 1, 5, 100, 8191, 8192, 16384, 100_000] {
      for minimum in [1, 10, 8192] {
        for parts in [1, 2, 3, 8] {
          let ranges = ParallelMap.ranges(count, minimum: minimum, parts: parts)
          #expect(ranges.flatMap { Array($0) } == Array(0..<count), "\(count), \(minimum), \(parts)")
          #expect(ranges.count <= max(1, parts))
          #expect(ranges.count == 1 || ranges.allSatisfy { $0.count >= minimum / 2 })
        }
      }
    }
  }

  /// `build` fills each index once, in order, however the work is cut.
  @Test func buildFillsEveryIndexInOrder() {
    for count in [0, 1, 5, 100, 8191, 20_000] {
      for minimum in [1, 10, 4096] {
        let built = ParallelMap.build(count: count, minimum: minimum) { "item \($0)" }
        #expect(built == (0..<count).map { "item \($0)" }, "\(count), \(minimum)")
      }
    }
  }

  /// Services sharing a few cluster IPs, ExternalName services that point
  /// at each other (loops and chains), and pods whose IPs are cluster IPs.
  static func snapshot(_ g: inout SeededGenerator) -> String {
    var yaml = ""
    let clusterIP = { (g: inout SeededGenerator) in "10.96.0.\(Int.random(in: 1...6, using: &g))" }
    for i in 0..<Int.random(in: 1...14, using: &g) {
      let ns = "ns\(Int.random(in: 0..<2, using: &g))"
      if Bool.random(using: &g) {
        let target = "s\(Int.random(in: 0..<14, using: &g)).ns\(Int.random(in: 0..<2, using: &g)).svc.cluster.local"
        yaml += K8s.service("s\(i)", ns: ns, type: "ExternalName", selector: nil, ports: "[]", extra: "  externalName: \(target)\n")
      } else {
        yaml += K8s.service("s\(i)", ns: ns, clusterIP: clusterIP(&g))
      }
    }
    for i in 0..<Int.random(in: 0...20, using: &g) {
      let ip = Bool.random(using: &g) ? clusterIP(&g) : "10.1.0.\(i + 1)"
      yaml += K8s.pod("p\(i)", ns: "ns\(Int.random(in: 0..<2, using: &g))", ips: [ip])
    }
    return yaml
  }
}
