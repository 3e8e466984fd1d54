import Dispatch

/// Maps independent items on all cores, keeping their order: zones are
/// sorted, validated and rendered independently of one another.
enum ParallelMap {
  static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(body) }
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { slots in
      let slots = UnsafeSendable(slots)
      // Each iteration writes only its own slot.
      DispatchQueue.concurrentPerform(iterations: items.count) { i in
        slots.value[i] = body(items[i])
      }
    }
    let done = results.compactMap { $0 }
    assert(done.count == items.count, "every item is mapped")
    return done
  }
}
