import Dispatch
import Foundation

/// A stable sort of positions that uses two cores for large inputs: each
/// half is sorted on its own core, then the halves are merged (left first
/// on ties). With a strict weak order that is exactly the one-pass stable
/// sort's result.
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
    var (i, j, k) = (0, mid, 0)
    while i < mid && j < items.count {
      if less(items[j], items[i]) {
        merged[k] = items[j]
        j += 1
      } else {
        merged[k] = items[i]
        i += 1
      }
      k += 1
    }
    while i < mid {
      merged[k] = items[i]
      i += 1
      k += 1
    }
    while j < items.count {
      merged[k] = items[j]
      j += 1
      k += 1
    }
    _ = items.update(fromContentsOf: merged)
  }
}
