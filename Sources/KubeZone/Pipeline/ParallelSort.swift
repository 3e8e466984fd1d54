import Dispatch
import Foundation

/// A stable sort of positions that uses two cores for large inputs: each
/// half is sorted on its own core, then the halves are merged (left first
/// on ties), half of the output on each core. With a strict weak order
/// that is exactly the one-pass stable sort's result.
enum ParallelSort {
  /// Below this many items one core sorts alone (threads cost more).
  static let threshold = 16_384

  static func sort(_ items: UnsafeMutableBufferPointer<Int>, by less: (Int, Int) -> Bool) {
    guard items.count >= threshold, ProcessInfo.processInfo.activeProcessorCount > 1 else {
      var items = items
      items.sort(by: less)
      return
    }
    let mid = items.count / 2
    withoutActuallyEscaping(less) { less in
      let shared = UnsafeSendable((items, less))
      DispatchQueue.concurrentPerform(iterations: 2) { half in
        let (items, less) = shared.value
        var part = UnsafeMutableBufferPointer(rebasing: half == 0 ? items[..<mid] : items[mid...])
        part.sort(by: less)
      }
    }
    let merged = UnsafeMutableBufferPointer<Int>.allocate(capacity: items.count)
    defer { merged.deallocate() }
    // The merge on two cores too: one core takes the first half of the
    // output from the front, the other the rest from the back. Both
    // follow the one stable order (left first on ties), so they meet
    // exactly; neither waits for the other.
    withoutActuallyEscaping(less) { less in
      let shared = UnsafeSendable((UnsafeBufferPointer(items), merged, less))
      DispatchQueue.concurrentPerform(iterations: 2) { side in
        let (items, merged, less) = shared.value
        if side == 0 {
          mergeFront(items, mid: mid, into: merged, count: items.count / 2, by: less)
        } else {
          mergeBack(items, mid: mid, into: merged, from: items.count / 2, by: less)
        }
      }
    }
    _ = items.update(fromContentsOf: merged)
  }

  /// The first `count` items of the stable merge of `items[..<mid]` and
  /// `items[mid...]`, written to `merged[..<count]`.
  static func mergeFront(
    _ items: UnsafeBufferPointer<Int>, mid: Int, into merged: UnsafeMutableBufferPointer<Int>, count: Int, by less: (Int, Int) -> Bool
  ) {
    var (i, j) = (0, mid)
    for k in 0..<count {
      if j < items.count && (i == mid || less(items[j], items[i])) {
        merged[k] = items[j]
        j += 1
      } else {
        merged[k] = items[i]
        i += 1
      }
    }
  }

  /// The items of the same merge from `start` on, found from the back:
  /// the last item is the larger of the two halves' last ones, the right
  /// one on ties.
  static func mergeBack(
    _ items: UnsafeBufferPointer<Int>, mid: Int, into merged: UnsafeMutableBufferPointer<Int>, from start: Int, by less: (Int, Int) -> Bool
  ) {
    var (i, j) = (mid, items.count)
    var k = items.count
    while k > start {
      k -= 1
      if i > 0 && (j == mid || less(items[j - 1], items[i - 1])) {
        i -= 1
        merged[k] = items[i]
      } else {
        j -= 1
        merged[k] = items[j]
      }
    }
  }
}
