import Foundation
import Testing
@testable import KubeZone

/// A stream copied into memory (`SpoolStream+Memory.swift`) under random
/// limits and bursts, read as the chunk readers read it: whatever has not
/// been given back is always exactly the stream's bytes, whether it lies
/// in the file, in memory moved ahead and filled again, or in the file the
/// copy spilled into.
@Suite struct SpoolStreamMemoryTests {
  /// The stream's byte at `offset`: no run of it repeats within a page.
  static func byte(_ offset: Int) -> UInt8 { UInt8(truncatingIfNeeded: offset &* 131 &+ offset >> 12 &+ offset >> 20) }

  /// How one run went: what went where, and the first wrong byte if any.
  struct Outcome {
    var wrong: Int?
    var memory: Range<Int>?
    var gaveBack = false
  }

  /// `count` bytes written in random bursts into a pipe copied under
  /// `limits`; the reader waits for more, checks what is new (marked as
  /// read, as a chunk is), then gives back a random part of it.
  static func run(count: Int, limits: MemoryLimits, seed: UInt64) throws -> Outcome {
    var random = SeededGenerator(seed: seed)
    let pipe = ExternalTool.privatePipe()
    defer { withExtendedLifetime(pipe) {} }
    let writer = pipe.fileHandleForWriting
    let bursts = (0..<8).map { _ in Int.random(in: 1...max(1, count / 4), using: &random) }
    Thread {
      var at = 0, i = 0
      while at < count {
        let end = min(count, at + bursts[i % bursts.count])
        try? writer.write(contentsOf: Data((at..<end).map(byte)))
        at = end
        i += 1
        if i % 3 == 0 { usleep(200) }
      }
      try? writer.close()
    }.start()
    let source = try InputSpool.start(fd: pipe.fileHandleForReading.fileDescriptor, closing: false, name: "<stdin>", memory: limits)
    guard case .stream(let stream) = source else { return Outcome(wrong: -1) }
    stream.discardStep = 4096
    var outcome = Outcome()
    // Bytes before `kept` were given back; those from it on are checked.
    var kept = 0
    var checked = 0
    var (bytes, ended) = stream.wait(beyond: 0)
    while true {
      stream.reading(1)
      for offset in max(kept, checked)..<bytes.count where bytes[offset] != byte(offset) {
        outcome.wrong = offset
        break
      }
      checked = bytes.count
      stream.reading(-1)
      if outcome.wrong != nil || ended { break }
      // Confirmed up to somewhere in what is there; the readers drop
      // their pages too, which memory ignores.
      let frontier = Int.random(in: kept...bytes.count, using: &random)
      stream.discard(kept..<frontier)
      stream.release(kept..<frontier)
      kept = frontier
      (bytes, ended) = stream.wait(beyond: bytes.count)
    }
    let whole = try stream.finish()
    whole.withBytes { all in
      if all.count != count { outcome.wrong = outcome.wrong ?? all.count }
      for offset in kept..<all.count where all[offset] != byte(offset) {
        outcome.wrong = outcome.wrong ?? offset
        break
      }
    }
    (outcome.memory, outcome.gaveBack) = stream.memory
    return outcome
  }

  @Test(arguments: 1...24)
  func whatIsKeptIsTheStreamsBytes(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed &* 7919)
    let page = SpoolStream.page
    let unit = page * Int.random(in: 1...4, using: &random)
    let limits = MemoryLimits(
      fileFirst: seed % 3 == 0 ? 0 : page * Int.random(in: 1...16, using: &random), hold: unit * Int.random(in: 2...32, using: &random),
      spill: unit * Int.random(in: 8...256, using: &random), unit: unit, ready: unit * Int.random(in: 0...8, using: &random))
    let count = Int.random(in: 1...(3 << 20), using: &random)
    let outcome = try Self.run(count: count, limits: limits, seed: seed)
    #expect(outcome.wrong == nil, "seed \(seed), \(count) bytes, \(limits): wrong byte at \(outcome.wrong ?? 0)")
    if count > limits.fileFirst {
      #expect(outcome.memory?.lowerBound == limits.fileFirst, "seed \(seed): memory \(String(describing: outcome.memory))")
    }
  }
}
