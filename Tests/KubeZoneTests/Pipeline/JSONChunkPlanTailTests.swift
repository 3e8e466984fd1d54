import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// A whole input's last chunks are cut to a quarter of the step, so the
/// threads run out of chunks together instead of one reading the last
/// whole chunk while the others wait; an input of one chunk per thread
/// keeps its even parts.
@Suite struct JSONChunkPlanTailTests {
  /// The starts a file's plan finds in a 400-pod List with `step`.
  static func starts(step: Int, threads: Int = 1) throws -> (starts: [Int], first: Int, count: Int) {
    let bytes = SnapshotWriter.bytes(.pods, .json, spec: SnapshotSpec(pods: 400, services: 20, seed: 7, dualStack: false))
    return try bytes.withUnsafeBufferPointer { buf in
      let first = try #require(FastJSONInput.firstItem(buf, file: "in", decoder: ObjectDecoder())?.pos)
      let made = JSONChunkPlan(
        buf, first: first, step: step, threads: threads, release: { _ in }, read: { _, _, _ in FastJSONInput.Chunk() })
      let plan = try #require(made)
      plan.complete(buf)
      _ = plan.finish()
      return (plan.starts, first, buf.count)
    }
  }

  @Test(arguments: [1, 3])
  func theLastChunksAreAQuarterOfTheStep(threads: Int) throws {
    let step = 30_000
    let (starts, first, count) = try Self.starts(step: step, threads: threads)
    let zone = (threads + 1) * step
    #expect(count - first > 2 * zone)
    var previous = first
    var short = 0
    for start in starts {
      let size = start - previous
      if count - previous > zone {
        #expect(size >= step, "a chunk of \(size) bytes before the last \(zone)")
      } else {
        #expect(size >= step / 4 && size < step, "a chunk of \(size) bytes in the last \(zone)")
        short += 1
      }
      previous = start
    }
    // More short chunks than threads (the caller reads too), and the last
    // chunk, through the List's end, after them.
    #expect(short >= threads + 1)
  }

  @Test func anInputOfOneChunkPerThreadKeepsEvenParts() throws {
    let (_, first, count) = try Self.starts(step: 1)
    let half = (count - first) / 2
    let (starts, _, _) = try Self.starts(step: half)
    #expect(starts.count == 1)
    #expect(try #require(starts.first) - first >= half)
  }
}
