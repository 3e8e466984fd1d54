import Dispatch

/// Maps independent items on all cores, keeping their order: zones are
/// sorted, validated and rendered independently of one another.
enum ParallelMap {
  static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(body) }
    return run(count: items.count) { i in body(items[i]) }
  }

  /// `map`, with each item handed over to `body`: an item that holds the
  /// only reference to an array lets `body` change it in place, where a
  /// borrowed one would be copied whole first.
  static func map<T: Sendable, R: Sendable>(taking items: consuming [T], _ body: @Sendable (consuming T) -> R) -> [R] {
    var items = items
    var held = [T?]()
    held.reserveCapacity(items.count)
    while let item = items.popLast() { held.append(item) }
    held.reverse()
    return held.withUnsafeMutableBufferPointer { held in
      let held = UnsafeSendable(held)
      // Each iteration takes only its own item.
      return run(count: held.value.count) { i in
        guard let item = held.value[i].take() else { preconditionFailure("each item is taken once") }
        return body(item)
      }
    }
  }

  /// `body(0..<count)` in order, computed on all cores.
  private static func run<R: Sendable>(count: Int, _ body: @Sendable (Int) -> R) -> [R] {
    var results = [R?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { slots in
      let slots = UnsafeSendable(slots)
      // Each iteration writes only its own slot.
      DispatchQueue.concurrentPerform(iterations: count) { i in
        slots.value[i] = body(i)
      }
    }
    let done = results.compactMap { $0 }
    assert(done.count == count, "every item is mapped")
    return done
  }
}
