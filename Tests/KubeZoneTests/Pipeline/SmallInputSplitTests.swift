import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// A file shorter than one chunk (the Services beside the pods: 4 MB at
/// 30k pods) is still read on every core, in even parts, with the same
/// objects as the full readers; below `minSplit` (JSON) or two
/// `minChunk`s (YAML) it stays one chunk.
@Suite struct SmallInputSplitTests {
  /// How many chunks reported their progress.
  final class Chunks: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var count: Int { lock.withLock { n } }
  }

  static func services(_ count: Int, _ format: SnapshotFormat) -> [UInt8] {
    SnapshotWriter.bytes(.services, format, spec: SnapshotSpec(pods: count * 4, services: count, seed: 5, dualStack: true))
  }

  /// The chunks the default settings read `bytes` in, on two threads, and
  /// whether the objects match the full readers'.
  static func read(_ bytes: [UInt8], _ format: SnapshotFormat) throws -> (chunks: Int, same: Bool) {
    let chunks = Chunks()
    let progress: @Sendable (Int, Int) -> Void = { _, _ in chunks.add() }
    let got = try #require(bytes.withUnsafeBufferPointer { buf in
      format == .json
        ? FastJSONInput.decode(buf, file: "in", decoder: PerfEquivalenceTests.decoder, threads: 2, progress: progress)
        : FastYAMLInput.decode(buf, file: "in", decoder: PerfEquivalenceTests.decoder, threads: 2, progress: progress)
    })
    let expected = try #require(PerfEquivalenceTests.slow(bytes))
    return (chunks.count, PerfEquivalenceTests.same(expected, got))
  }

  @Test(arguments: SnapshotFormat.allCases)
  func aSmallListIsReadInOneChunkPerThread(format: SnapshotFormat) throws {
    let bytes = Self.services(400, format)
    #expect(bytes.count > (format == .json ? FastJSONInput.minSplit : 2 * FastYAMLInput.minChunk))
    #expect(bytes.count < (format == .json ? FastJSONInput.chunkSize : FastYAMLInput.chunkSize))
    let (chunks, same) = try Self.read(bytes, format)
    #expect(chunks == 2)
    #expect(same)
  }

  @Test(arguments: SnapshotFormat.allCases)
  func aTinyListStaysOneChunk(format: SnapshotFormat) throws {
    let bytes = Self.services(20, format)
    let (chunks, same) = try Self.read(bytes, format)
    #expect(chunks == 1)
    #expect(same)
  }

  @Test func yamlChunkSizes() {
    let size = FastYAMLInput.chunkSize
    let minChunk = FastYAMLInput.minChunk
    // One thread, or items of a chunk per thread and more: unchanged.
    #expect(FastYAMLInput.chunkSize(items: 1 << 20, threads: 1, atMost: size) == size)
    #expect(FastYAMLInput.chunkSize(items: 100 << 20, threads: 2, atMost: size) == size)
    #expect(FastYAMLInput.chunkSize(items: 2 * size, threads: 2, atMost: size) == size)
    // Fewer: an even share per thread, never below `minChunk`.
    #expect(FastYAMLInput.chunkSize(items: 2 << 20, threads: 2, atMost: size) == (1 << 20) + 1)
    #expect(FastYAMLInput.chunkSize(items: 3 << 20, threads: 4, atMost: size) == (3 << 18) + 1)
    #expect(FastYAMLInput.chunkSize(items: 100_000, threads: 2, atMost: size) == minChunk)
    // A smaller size asked for (tests, streams) is kept.
    #expect(FastYAMLInput.chunkSize(items: 2 << 20, threads: 2, atMost: 300) == 300)
  }
}
