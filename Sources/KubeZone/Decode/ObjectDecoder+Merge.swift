extension ObjectDecoder.Result {
  /// Adds what another part of the input decoded, after this part.
  /// Takes `other`'s objects without copying them (see
  /// `KubernetesObject+Moving.swift`).
  mutating func append(_ other: consuming ObjectDecoder.Result) {
    objects.appendMoving(&other.objects)
    addCounts(of: other)
  }

  /// Adds what other parts of the input decoded, in order, after this
  /// part, as `append` of each would, with their objects moved into place
  /// on all cores (`joinMoving`).
  mutating func append(contentsOf others: inout [ObjectDecoder.Result]) {
    guard !others.isEmpty else { return }
    var parts: [[KubernetesObject]] = []
    parts.reserveCapacity(others.count + 1)
    parts.append(objects)
    objects = []
    for i in others.indices {
      // Taken out, so that each part is its storage's only owner.
      parts.append(others[i].objects)
      others[i].objects = []
      addCounts(of: others[i])
    }
    others = []
    objects = .joinMoving(&parts)
  }

  /// Everything `other` holds but its objects: documents, skips, log.
  private mutating func addCounts(of other: ObjectDecoder.Result) {
    documentCount += other.documentCount
    for (label, n) in other.skipped { skipped[label, default: 0] += n }
    log.append(contentsOf: other.log)
  }

  /// Moves every position down `lines` lines, in place (a chunk read on
  /// its own counts lines from 1, and its only copy is not copied again);
  /// false, leaving it unusable, when it holds diagnostics other than notes
  /// and warnings.
  mutating func shiftLines(by lines: Int) -> Bool {
    guard lines != 0 else { return true }
    return shift(LocationShift(lines: lines))
  }

  /// Moves every position as `shift` says, in place; false, as
  /// `shiftLines`.
  mutating func shift(_ shift: LocationShift) -> Bool {
    guard isShiftable else { return false }
    for i in objects.indices { objects[i].shift(shift) }
    var shifted = DiagnosticLog()
    for d in log.entries {
      shifted.warn(d.message, at: d.location.map { $0.shifting(shift) })
    }
    for d in log.notes {
      shifted.note(d.message, at: d.location.map { $0.shifting(shift) })
    }
    log = shifted
    return true
  }

  /// True when `shiftLines` can move it: its diagnostics are warnings and
  /// notes only.
  var isShiftable: Bool {
    log.entries.allSatisfy { $0.severity == .warning } && log.notes.allSatisfy { $0.severity == .note }
  }
}

/// How positions move when a part of the input was read on its own: down
/// `lines` lines, and offsets from `from` on by `bytes` (a List taken up
/// in a shorter copy of the input, `ResumedInput`).
struct LocationShift: Sendable {
  var lines = 0
  var bytes = 0
  var from = 0
}

extension SourceLocation {
  func shifting(_ shift: LocationShift) -> SourceLocation {
    SourceLocation(source: source, line: line + shift.lines, column: column, offset: offset >= shift.from ? offset + shift.bytes : offset)
  }
}

extension KubernetesObject {
  /// Moves every position it carries down `lines` lines, in place.
  mutating func shiftLines(by lines: Int) { shift(LocationShift(lines: lines)) }

  /// Moves every position it carries as `shift` says, in place: the
  /// payload is taken out of `self`, not copied, so nothing is retained.
  mutating func shift(_ shift: LocationShift) {
    switch consume self {
    case .service(var s):
      s.meta.location = s.meta.location.shifting(shift)
      for i in s.ports.indices { s.ports[i].location = s.ports[i].location.shifting(shift) }
      if s.publicFields != nil { s.shiftPublicFields(shift) }
      self = .service(s)
    case .pod(var o):
      o.meta.location = o.meta.location.shifting(shift)
      self = .pod(o)
    case .endpointSlice(var o):
      o.meta.location = o.meta.location.shifting(shift)
      self = .endpointSlice(o)
    case .endpoints(var o):
      o.meta.location = o.meta.location.shifting(shift)
      self = .endpoints(o)
    case .namespace(var m):
      m.location = m.location.shifting(shift)
      self = .namespace(m)
    case .workload(var o):
      o.meta.location = o.meta.location.shifting(shift)
      self = .workload(o)
    case let other:
      self = other.shiftingPublicKind(shift)
    }
  }
}
