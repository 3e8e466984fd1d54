import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// Finding where chunks start touches a few bytes every chunk, but the
/// kernel may map whole large folios around them: both plans give each
/// searched window back (`release`) as soon as its start is found, or a
/// 1.3 GB input had 290 MB resident before any chunk was read.
@Suite struct ChunkPlanReleaseTests {
  /// The ranges a plan gave back, in order.
  final class Released: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [Range<Int>] = []
    func add(_ range: Range<Int>) { lock.withLock { all.append(range) } }
    var ranges: [Range<Int>] { lock.withLock { all } }
  }

  static func snapshot(_ format: SnapshotFormat) -> [UInt8] {
    SnapshotWriter.bytes(.pods, format, spec: SnapshotSpec(pods: 400, services: 20, seed: 7, dualStack: false))
  }

  @Test func eachJSONStartIsSearchedInAWindowGivenBack() throws {
    let bytes = Self.snapshot(.json)
    let released = Released()
    let starts = try bytes.withUnsafeBufferPointer { buf -> [Int] in
      let first = try #require(FastJSONInput.firstItem(buf, file: "in", decoder: ObjectDecoder())?.pos)
      let release: @Sendable (Range<Int>) -> Void = { released.add($0) }
      let made = JSONChunkPlan(buf, first: first, step: 30_000, threads: 1, release: release, read: { _, _, _ in FastJSONInput.Chunk() })
      let plan = try #require(made)
      plan.complete(buf)
      _ = plan.finish()
      return plan.starts
    }
    #expect(starts.count > 5)
    #expect(released.ranges.count == starts.count)
    for (start, range) in zip(starts, released.ranges) {
      #expect(range.contains(start), "start \(start) not in \(range)")
    }
  }

  @Test func eachYAMLStartIsSearchedInAWindowGivenBack() throws {
    let bytes = Self.snapshot(.yaml)
    let released = Released()
    let starts = try bytes.withUnsafeBufferPointer { buf -> [Int] in
      let itemsStart = try #require(FastYAMLInput.itemsStart(buf))
      let plan = YAMLChunkPlan(
        itemsStart: itemsStart, chunkSize: 30_000, threads: 1, release: { released.add($0) }, read: { _, _ in nil })
      plan.extend(buf)
      plan.discard()
      return Array(plan.starts.dropFirst())
    }
    #expect(starts.count > 5)
    // Each start's window comes first; reading a chunk gives its bytes back too.
    for start in starts {
      #expect(released.ranges.contains { $0.contains(start) }, "start \(start) never given back")
    }
  }
}
