import Testing
@testable import KubeZone

@Suite struct SerialTests {
  @Test(arguments: [
    (UInt32(1), UInt32(2), true),
    (2, 1, false),
    (5, 5, false),
    (4_294_967_295, 0, true),
    (4_294_967_295, 5, true),
    (5, 4_294_967_295, false),
    (0, 0x7FFF_FFFF, true),
    (0, 0x8000_0000, false),  // exactly half the circle: undefined, so never "greater"
  ])
  func rfc1982Order(a: UInt32, b: UInt32, less: Bool) {
    #expect(Serial(a).isLess(than: Serial(b)) == less)
  }

  @Test func advancingNeverGoesBackwardsOrToZero() {
    #expect(Serial(10).advanced(toward: 100).value == 100)
    #expect(Serial(100).advanced(toward: 10).value == 101)
    #expect(Serial(100).advanced(toward: 100).value == 101)
    #expect(Serial(4_294_967_295).advanced(toward: 3).value == 3)
    #expect(Serial(4_294_967_295).advanced(toward: 4_294_967_295).value == 1)  // 0 is skipped
    #expect(Serial(4_294_967_295).advanced(toward: 0).value == 1)
  }

  // 2026-11-26 12:00:00 UTC
  let noon: Int64 = 1_795_694_400

  @Test func unixtimeScheme() {
    #expect(SerialScheme.unixtime.next(after: nil, now: noon) == 1_795_694_400)
    #expect(SerialScheme.unixtime.next(after: 1_700_000_000, now: noon) == 1_795_694_400)
  }

  @Test func unixtimeWithAnOldSerialAheadOfTheClockStillIncreases() {
    let ahead: UInt32 = 1_900_000_000
    let next = SerialScheme.unixtime.next(after: ahead, now: noon)
    #expect(next == ahead + 1)
    #expect(Serial(ahead).isLess(than: Serial(next)))
  }

  @Test func dateScheme() {
    #expect(SerialScheme.civilDate(noon) == 2026_11_26)
    #expect(SerialScheme.civilDate(0) == 1970_01_01)
    #expect(SerialScheme.civilDate(951_782_400) == 2000_02_29)
    #expect(SerialScheme.date.next(after: nil, now: noon) == 2_026_112_600)
    #expect(SerialScheme.date.next(after: 2_026_112_600, now: noon) == 2_026_112_601)
    #expect(SerialScheme.date.next(after: 2_026_112_517, now: noon) == 2_026_112_600)
    // A unixtime serial from another tool is far ahead of a date serial.
    #expect(SerialScheme.date.next(after: 2_100_000_000, now: noon) == 2_100_000_001)
  }

  @Test func dateSchemeWithMoreThan100ChangesInOneDayKeepsIncreasing() {
    var serial = SerialScheme.date.next(after: nil, now: noon)
    for _ in 0..<150 {
      let next = SerialScheme.date.next(after: serial, now: noon)
      #expect(Serial(serial).isLess(than: Serial(next)))
      serial = next
    }
    #expect(serial == 2_026_112_600 + 150)
    // The next day starts above the borrowed numbers without going back.
    let tomorrow = SerialScheme.date.next(after: serial, now: noon + 86_400)
    #expect(tomorrow == serial + 1)
  }

  @Test func incrementScheme() {
    #expect(SerialScheme.increment.next(after: nil, now: noon) == 1)
    #expect(SerialScheme.increment.next(after: 41, now: noon) == 42)
  }

  @Test(arguments: SerialScheme.allCases)
  func everySchemeWrapsPast2To32(scheme: SerialScheme) {
    let old: UInt32 = 4_294_967_290
    let next = scheme.next(after: old, now: noon)
    #expect(next != 0)
    #expect(Serial(old).isLess(than: Serial(next)))
  }

  @Test func clockHonoursSourceDateEpoch() {
    #expect(Clock.now(environment: ["SOURCE_DATE_EPOCH": "1234567890"]) == 1_234_567_890)
    #expect(Clock.now(environment: [:]) > 1_600_000_000)
  }
}
