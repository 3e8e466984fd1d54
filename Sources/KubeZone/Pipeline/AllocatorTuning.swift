#if canImport(Glibc)
import Glibc
#endif

/// How the process's allocator is set up before a run.
///
/// glibc serves a large block from its heaps once a block that size has
/// been freed (its mmap threshold rises up to 32 MB), and freed heap memory
/// stays resident between live blocks. A run frees its input's objects and
/// then allocates the zone text, tens of MB at 150k pods, which then often
/// took new pages on top: the benchmark's peak RSS at 150k YAML pods was
/// 291-300 MB, against 252-262 MB with a fixed 1 MB threshold. Blocks of
/// 1 MB and more are then mapped on their own and given back to the system
/// whole when freed; mapping and zeroing fresh pages costs about 0.7 s of
/// system time at 150k pods, within the wall time's noise.
public enum AllocatorTuning {
  /// Blocks from this size on get their own mapping.
  public static let mmapThreshold: Int32 = 1 << 20

  /// Sets the threshold for this process; true where the allocator took it
  /// (glibc's `mallopt`, which Swift's Glibc module does not declare).
  @discardableResult
  public static func apply() -> Bool {
    #if canImport(Glibc)
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    // M_MMAP_THRESHOLD in <malloc.h>; setting it also stops glibc moving it.
    let mmapThresholdParameter: Int32 = -3
    return mallopt(mmapThresholdParameter, mmapThreshold) == 1
    #else
    return false
    #endif
  }
}
