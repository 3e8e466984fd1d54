import Testing

@testable import KubeZone

@Suite struct RRTypeTests {
  @Test func rankIsThePositionInAllCases() {
    for (i, type) in RRType.allCases.enumerated() {
      #expect(type.rank == i, "\(type)")
      #expect(type.bit == UInt16(1) << UInt16(i), "\(type)")
    }
  }

  @Test func typesOrderAsTheCasesAreListed() {
    let cases = RRType.allCases
    for (i, a) in cases.enumerated() {
      for (j, b) in cases.enumerated() {
        #expect((a < b) == (i < j), "\(a) < \(b)")
      }
    }
    #expect(cases.reversed().sorted() == Array(cases))
  }
}
