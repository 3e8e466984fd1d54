import Testing

@testable import KubeZone

@Suite struct ArrayPermuteTests {
  /// Counts live instances, so a lost or doubled element shows.
  final class Tracked: @unchecked Sendable {
    nonisolated(unsafe) static var live = 0
    let value: Int
    init(_ value: Int) {
      self.value = value
      Self.live += 1
    }
    deinit { Self.live -= 1 }
  }

  @Test func permuteEqualsMappingTheOrder() {
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 2, 3, 7, 64, 1000] {
      for _ in 0..<20 {
        let original = (0..<count).map { "item \($0)" }
        let order = Array(original.indices).shuffled(using: &generator)
        var moved = original
        moved.permute(by: order)
        #expect(moved == order.map { original[$0] }, "\(count) items")
      }
    }
  }

  @Test func sortedOrdersAndSingleCycles() {
    var items = Array(0..<10)
    items.permute(by: Array(0..<10))
    #expect(items == Array(0..<10))
    items.permute(by: Array((0..<10).reversed()))
    #expect(items == Array((0..<10).reversed()))
    // One cycle through every slot: each takes its right neighbour's.
    var ring = Array(0..<10)
    ring.permute(by: (0..<10).map { ($0 + 1) % 10 })
    #expect(ring == [1, 2, 3, 4, 5, 6, 7, 8, 9, 0])
  }

  @Test func everyElementIsKeptOnceAndFreedOnce() {
    do {
      var items = (0..<500).map { Tracked($0) }
      let order = Array(items.indices).shuffled()
      items.permute(by: order)
      #expect(items.map(\.value) == order)
      #expect(Tracked.live == 500)
    }
    #expect(Tracked.live == 0)
  }
}
