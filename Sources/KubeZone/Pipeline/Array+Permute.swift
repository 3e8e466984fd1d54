extension Array {
  /// Rearranges the elements so that position `k` holds the element that
  /// was at `order[k]`, moving each element once, cycle by cycle.
  ///
  /// `order.map { self[$0] }` would copy every element and then release
  /// the originals, touching each element's storage twice; a zone's
  /// records are long out of cache by the time they are sorted.
  /// - Precondition: `order` is a permutation of `indices`.
  mutating func permute(by order: [Int]) {
    precondition(order.count == count, "order is a permutation of the indices")
    var placed = [Bool](repeating: false, count: count)
    withUnsafeMutableBufferPointer { items in
      guard let base = items.baseAddress else { return }
      for start in 0..<order.count where !placed[start] {
        let held = (base + start).move()
        var slot = start
        while true {
          placed[slot] = true
          let from = order[slot]
          if from == start {
            (base + slot).initialize(to: held)
            break
          }
          // `from` is read before it is filled: each slot is visited once,
          // and only the cycle's start has been emptied ahead of its turn.
          precondition(!placed[from], "order is a permutation of the indices")
          (base + slot).moveInitialize(from: base + from, count: 1)
          slot = from
        }
      }
    }
  }
}
