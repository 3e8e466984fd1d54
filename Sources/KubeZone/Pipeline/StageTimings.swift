import Foundation

/// How long each stage of a run took, in wall-clock and CPU seconds (CPU
/// time of the whole process, so a stage on two threads can show more CPU
/// than wall time), for the benchmark.
public struct StageTimings: Sendable, Hashable {
  public struct Stage: Sendable, Hashable {
    /// `read+decode` (one stage when streamed), `inventory`, `synthesize`,
    /// `assemble` or `render`.
    public var name: String
    public var wall: Double
    public var cpu: Double
  }

  public var stages: [Stage] = []
  /// Input bytes read.
  public var inputBytes = 0

  public init() {}

  /// Seconds since an arbitrary fixed point, from the monotonic clock.
  public static func now() -> Double { seconds(CLOCK_MONOTONIC) }

  /// CPU seconds this process has used, all threads.
  public static func cpuNow() -> Double { seconds(CLOCK_PROCESS_CPUTIME_ID) }

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
      timings.stages.append(Stage(name: name, wall: w - wall, cpu: c - cpu))
      wall = w
      cpu = c
    }
  }
}
