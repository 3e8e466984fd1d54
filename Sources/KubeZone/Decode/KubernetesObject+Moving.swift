import Foundation

/// Moving objects between the stages' arrays instead of copying them.
///
/// A copy of a pod retains each of its strings, arrays and dictionaries,
/// and dropping the original releases them again, on memory not touched
/// since the pod was read: building the inventory of 30,000 pods spent
/// 43% of its samples there. A move leaves a `vacated` object behind,
/// whose fields own nothing.
extension KubernetesObject {
  /// What a moved-out slot holds: a nameless Namespace with no storage.
  static let vacated = KubernetesObject.namespace(ObjectMeta(
    name: "", namespace: "", labels: [:], isLive: false, terminating: false,
    location: SourceLocation(source: SourceFile(""), line: 0, column: 0, offset: 0)))
}

extension Array where Element == KubernetesObject {
  /// The object at `i`, moved out; `vacated` is left in its place.
  mutating func take(at i: Int) -> KubernetesObject {
    var object = KubernetesObject.vacated
    swap(&self[i], &object)
    return object
  }

  /// Appends `other`'s objects by moving them, leaving `other` empty.
  /// Into an empty array without room for them, `other`'s storage is
  /// taken whole. Room for them is made in one step, not object by
  /// object. `self` and `other` must each be their storage's only owner,
  /// or the first move copies every object, retaining all it holds (a
  /// stream's confirmed objects were: 70 ms on one core at 150k pods).
  mutating func appendMoving(_ other: inout [KubernetesObject]) {
    if isEmpty && capacity < other.count {
      swap(&self, &other)
      return
    }
    // At least doubling, so that many appends stay linear.
    if capacity < count + other.count { reserveCapacity(Swift.max(count + other.count, 2 * capacity)) }
    for i in other.indices { append(other.take(at: i)) }
    other = []
  }

  /// `parts`' objects in order, moved (each part's `vacated` left behind),
  /// on all cores: each part into its own place in the result. The join
  /// of a List's chunks moved 30,000 pods one by one on one core (about
  /// 12 ms, half of it faulting the result's fresh pages in) while the
  /// other cores waited. Each part must be its storage's only owner, as
  /// for `appendMoving`.
  static func joinMoving(_ parts: inout [[KubernetesObject]]) -> [KubernetesObject] {
    if parts.count == 1 { return parts.removeLast() }
    let (offsets, total) = ParallelMap.starts(of: parts.map(\.count))
    let joined = [KubernetesObject](unsafeUninitializedCapacity: total) { buf, initialized in
      if let base = buf.baseAddress {
        let destination = UnsafeSendable(base)
        parts.withUnsafeMutableBufferPointer { all in
          let all = UnsafeSendable(all)
          DispatchQueue.concurrentPerform(iterations: all.value.count) { i in
            all.value[i].withUnsafeMutableBufferPointer { part in
              guard let from = part.baseAddress else { return }
              (destination.value + offsets[i]).moveInitialize(from: from, count: part.count)
              from.initialize(repeating: .vacated, count: part.count)
            }
            // Freed here, in parallel too, not all at once at the end.
            all.value[i] = []
          }
        }
      }
      initialized = total
    }
    parts = []
    return joined
  }

  /// The pods at `positions`, in that order, moved out on all cores
  /// (`vacated` left behind), and the positions of the other objects, in
  /// order, untouched. Moving 30,000 pods into the inventory one by one
  /// took 10-15 ms on one core while the others waited. Positions must be
  /// distinct; `minimum` is the fewest positions a core takes.
  mutating func takePods(at positions: [Int], minimum: Int = 4096) -> (pods: [Pod], others: [Int]) {
    let ranges = ParallelMap.ranges(positions.count, minimum: minimum)
    let found = withUnsafeBufferPointer { all in
      let all = UnsafeSendable(all)
      return ParallelMap.map(ranges) { range -> (pods: Int, others: [Int]) in
        var pods = 0
        var others: [Int] = []
        for j in range {
          if case .pod = all.value[positions[j]] { pods += 1 } else { others.append(positions[j]) }
        }
        return (pods, others)
      }
    }
    let (offsets, total) = ParallelMap.starts(of: found.map(\.pods))
    let pods = [Pod](unsafeUninitializedCapacity: total) { buffer, initialized in
      if let base = buffer.baseAddress {
        let destination = UnsafeSendable(base)
        withUnsafeMutableBufferPointer { all in
          guard let objects = all.baseAddress else { return }
          let source = UnsafeSendable(objects)
          // Each range moves only its own positions' pods into its own
          // part of the result.
          DispatchQueue.concurrentPerform(iterations: ranges.count) { r in
            var at = offsets[r]
            for j in ranges[r] {
              let slot = source.value + positions[j]
              guard case .pod = slot.pointee else { continue }
              // Taken as `take(at:)` takes: the pod's fields are moved,
              // not retained and released.
              if case .pod(let pod) = slot.move() {
                (destination.value + at).initialize(to: pod)
                at += 1
              }
              slot.initialize(to: .vacated)
            }
          }
        }
      }
      initialized = total
    }
    return (pods, found.flatMap(\.others))
  }
}
