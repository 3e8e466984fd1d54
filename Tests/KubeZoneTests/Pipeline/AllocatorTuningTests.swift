import Testing

@testable import KubeZone

@Suite struct AllocatorTuningTests {
  /// The symbol is found and glibc takes the value (Debian's glibc, where
  /// kubezone runs); setting it twice is harmless.
  @Test func glibcTakesTheThreshold() {
    #if canImport(Glibc)
    #expect(AllocatorTuning.apply())
    #expect(AllocatorTuning.apply())
    #endif
  }
}
