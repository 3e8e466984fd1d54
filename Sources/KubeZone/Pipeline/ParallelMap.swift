import Dispatch
import Foundation

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

  /// `0..<count` cut into one contiguous range a core, each `minimum`
  /// long at least (one range below that, so small inputs start no
  /// threads); never none.
  static func ranges(_ count: Int, minimum: Int, parts: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Range<Int>] {
    let parts = max(1, min(parts, count / max(1, minimum)))
    let step = max(1, (count + parts - 1) / parts)
    return count == 0 ? [0..<0] : stride(from: 0, to: count, by: step).map { $0..<min(count, $0 + step) }
  }

  /// Where each of `counts` starts when they are laid end to end, and
  /// their total: each part's place in a result joined on all cores.
  static func starts(of counts: [Int]) -> (starts: [Int], total: Int) {
    var total = 0
    let starts = counts.map { count in
      defer { total += count }
      return total
    }
    return (starts, total)
  }

  /// `[body(0), body(1), ...]` computed on all cores, a contiguous range
  /// each (`ranges`), straight into the result: no optional slots and no
  /// second copy, which for values holding strings would retain each one.
  static func build<R: Sendable>(count: Int, minimum: Int, _ body: @Sendable (Int) -> R) -> [R] {
    let ranges = ranges(count, minimum: minimum)
    return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let base = buffer.baseAddress {
        let destination = UnsafeSendable(base)
        // Each range initializes only its own elements.
        DispatchQueue.concurrentPerform(iterations: ranges.count) { r in
          for i in ranges[r] { (destination.value + i).initialize(to: body(i)) }
        }
      }
      initialized = count
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
