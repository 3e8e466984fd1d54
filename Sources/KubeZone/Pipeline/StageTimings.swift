import Foundation

/// Wall-clock seconds each stage of a run took, for the benchmark and
/// `--verbose` runs.
public struct StageTimings: Sendable, Hashable {
  /// Reading, parsing and decoding the inputs (one stage when streamed).
  public var readDecode: Double = 0
  /// De-duplicating objects and indexing them (`Inventory`).
  public var inventory: Double = 0
  /// Resolving endpoints and computing records.
  public var synthesize: Double = 0
  /// Splitting into zones, sorting and validating.
  public var assemble: Double = 0
  /// Rendering zone text.
  public var render: Double = 0
  /// Input bytes read.
  public var inputBytes = 0

  public init() {}

  /// Seconds since an arbitrary fixed point, from the monotonic clock.
  public static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}
