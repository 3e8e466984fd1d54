/// Moving objects between the stages' arrays instead of copying them.
///
/// A copy of a pod retains each of its strings, arrays and dictionaries,
/// and dropping the original releases them again: at 30,000 pods that
/// was a sixth of the time after reading, spent on memory that was cold.
/// A move leaves a `vacated` object behind, whose fields own nothing.
extension KubernetesObject {
  /// What a moved-out slot holds: a nameless Namespace with no storage.
  static let vacated = KubernetesObject.namespace(ObjectMeta(
    name: "", namespace: "", labels: [:], isLive: false, terminating: false,
    location: SourceLocation(source: SourceFile(""), line: 0, column: 0, offset: 0)))

  /// Moves every position it carries down `lines` lines, in place: the
  /// payload is taken out of `self`, not copied, so nothing is retained.
  mutating func shiftLines(by lines: Int) {
    switch consume self {
    case .service(var s):
      s.meta.location = s.meta.location.shiftingLines(by: lines)
      for i in s.ports.indices { s.ports[i].location = s.ports[i].location.shiftingLines(by: lines) }
      if s.publicFields != nil { s.shiftPublicFields(by: lines) }
      self = .service(s)
    case .pod(var o):
      o.meta.location = o.meta.location.shiftingLines(by: lines)
      self = .pod(o)
    case .endpointSlice(var o):
      o.meta.location = o.meta.location.shiftingLines(by: lines)
      self = .endpointSlice(o)
    case .endpoints(var o):
      o.meta.location = o.meta.location.shiftingLines(by: lines)
      self = .endpoints(o)
    case .namespace(var m):
      m.location = m.location.shiftingLines(by: lines)
      self = .namespace(m)
    case .workload(var o):
      o.meta.location = o.meta.location.shiftingLines(by: lines)
      self = .workload(o)
    case let other:
      self = other.shiftingPublicKind(by: lines)
    }
  }
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
  /// taken whole. `other` must be its storage's only owner, or the first
  /// move copies it.
  mutating func appendMoving(_ other: inout [KubernetesObject]) {
    if isEmpty && capacity < other.count {
      swap(&self, &other)
      return
    }
    for i in other.indices { append(other.take(at: i)) }
    other = []
  }
}
