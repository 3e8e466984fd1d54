import Dispatch
import Glibc
import Testing

@testable import KubeZone

@Suite struct BackgroundReleaseTests {
  /// Says on which thread it was freed.
  final class Probe: Sendable {
    let caller: pthread_t
    let freed: @Sendable (Bool) -> Void
    init(caller: pthread_t, freed: @escaping @Sendable (Bool) -> Void) {
      self.caller = caller
      self.freed = freed
    }
    deinit { freed(pthread_equal(pthread_self(), caller) != 0) }
  }

  final class Outcome: @unchecked Sendable {
    var onCaller: Bool?
    let done = DispatchSemaphore(value: 0)
  }

  @Test func theValueIsFreedOnAnotherThread() {
    let outcome = Outcome()
    do {
      let probes = (0..<3).map { _ in
        Probe(caller: pthread_self()) { onCaller in
          if outcome.onCaller != true { outcome.onCaller = onCaller }
          outcome.done.signal()
        }
      }
      BackgroundRelease.release(consume probes)
    }
    for _ in 0..<3 { #expect(outcome.done.wait(timeout: .now() + 10) == .success) }
    #expect(outcome.onCaller == false)
  }
}
