import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// Synthesis runs services in slices on all cores; the slices must not
/// change a record, its order or a warning.
@Suite struct ParallelSynthesisTests {
  @Test func slicesGiveTheRecordsAndWarningsOfOnePass() throws {
    let spec = SnapshotSpec(pods: 900, services: 60, seed: 7, dualStack: true)
    var decoded = ObjectDecoder.Result()
    let decoder = ObjectDecoder()
    for kind in [SnapshotKind.pods, .services] {
      try Pipeline.decode(SnapshotWriter.bytes(kind, .json, spec: spec), file: kind.rawValue, with: decoder, into: &decoded)
    }
    // Services that warn, spread through the list, and one repeated
    // warning (the same bad port name in two services of one slice).
    let extra = (0..<6).map { i in
      """
      apiVersion: v1
      kind: Service
      metadata: {name: \(i % 2 == 0 ? "Bad_Name\(i)" : "ok-\(i)"), namespace: team-\(i)}
      spec:
        clusterIP: None
        selector: {app: none}
        ports: [{name: "bad name", port: 80}]
      """
    }.joined(separator: "\n---\n")
    try Pipeline.decode(Array(extra.utf8), file: "extra.yaml", with: decoder, into: &decoded)
    var inventoryLog = DiagnosticLog()
    let inventory = Inventory(decoded.objects, log: &inventoryLog)
    var synthesizer = RecordSynthesizer(options: SynthesisOptions(domain: try DomainName("cluster.local")))
    synthesizer.parallelSlices = 1
    var oneLog = DiagnosticLog()
    let one = try synthesizer.records(for: inventory, log: &oneLog)
    #expect(one.count > 1000)
    Self.expectSRVWeights(one, "one slice")
    #expect(oneLog.entries.count >= 3, "\(oneLog.entries)")
    for slices in [2, 3, 7, 64] {
      synthesizer.parallelSlices = slices
      var log = DiagnosticLog()
      let records = try synthesizer.records(for: inventory, log: &log)
      #expect(records == one, "\(slices) slices")
      Self.expectSRVWeights(records, "\(slices) slices")
      #expect(log.entries.map(\.description) == oneLog.entries.map(\.description), "\(slices) slices")
    }
  }

  /// Each SRV record weighs max(1, 100/n) for its RRset of n, with RRsets
  /// of several sizes among them.
  static func expectSRVWeights(_ records: [ResourceRecord], _ comment: Comment) {
    var sizes: [DomainName: Int] = [:]
    for r in records where r.type == .srv { sizes[r.owner, default: 0] += 1 }
    #expect(Set(sizes.values).count > 1, comment)
    for r in records {
      guard case .srv(let srv) = r.data, let n = sizes[r.owner] else { continue }
      #expect(Int(srv.weight) == max(1, 100 / n), comment)
    }
  }

  @Test func slicesCoverEveryServiceOnce() {
    for count in [0, 1, 5, 511, 512, 1000, 1001] {
      for parts in [1, 2, 3, 8] {
        let slices = RecordSynthesizer.slices(count, parts: parts)
        #expect(slices.flatMap { Array($0) } == Array(0..<count), "\(count) in \(parts)")
        #expect(slices.count <= parts)
      }
    }
  }
}
