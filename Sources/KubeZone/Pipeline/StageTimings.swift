import Foundation

/// How long each stage of a run took, in wall-clock and CPU seconds (CPU
/// time of the whole process, so a stage on two threads can show more CPU
/// than wall time), and the peak memory so far, for the benchmark.
public struct StageTimings: Sendable, Hashable {
  public struct Stage: Sendable, Hashable {
    /// `read+decode` (one stage when streamed), `inventory`, `synthesize`,
    /// `assemble` (the benchmark adds `write` and `rerun-write`).
    public var name: String
    public var wall: Double
    public var cpu: Double
    /// Peak resident set size of the process at the stage's end, in bytes:
    /// where it grows is the stage that set the peak.
    public var peakRSS: Int
  }

  public var stages: [Stage] = []
  /// Input bytes read.
  public var inputBytes = 0

  public init() {}

  /// Seconds since an arbitrary fixed point, from the monotonic clock.
  public static func now() -> Double { seconds(CLOCK_MONOTONIC) }

  /// CPU seconds this process has used, all threads.
  public static func cpuNow() -> Double { seconds(CLOCK_PROCESS_CPUTIME_ID) }

  /// Peak resident set size of this process so far, in bytes (VmHWM).
  public static func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kb = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
      return kb * 1024
    }
    return 0
  }

  private static func seconds(_ clock: clockid_t) -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// A running clock that records a stage at each `lap`.
  struct Clock {
    var wall = StageTimings.now()
    var cpu = StageTimings.cpuNow()

    mutating func lap(_ name: String, into timings: inout StageTimings) {
      let w = StageTimings.now(), c = StageTimings.cpuNow()
      timings.stages.append(Stage(name: name, wall: w - wall, cpu: c - cpu, peakRSS: StageTimings.peakRSS()))
      wall = w
      cpu = c
    }
  }
}
