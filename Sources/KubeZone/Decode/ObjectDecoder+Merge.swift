extension ObjectDecoder.Result {
  /// Adds what another part of the input decoded, after this part.
  /// Takes `other`'s objects without copying them (see
  /// `KubernetesObject+Moving.swift`).
  mutating func append(_ other: consuming ObjectDecoder.Result) {
    objects.appendMoving(&other.objects)
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
    for i in objects.indices { objects[i].shiftLines(by: lines) }
    var shifted = DiagnosticLog()
    for d in log.entries {
      guard d.severity == .warning else { return false }
      shifted.warn(d.message, at: d.location.map { $0.shiftingLines(by: lines) })
    }
    for d in log.notes {
      guard d.severity == .note else { return false }
      shifted.note(d.message, at: d.location.map { $0.shiftingLines(by: lines) })
    }
    log = shifted
    return true
  }
}

extension SourceLocation {
  func shiftingLines(by lines: Int) -> SourceLocation {
    SourceLocation(source: source, line: line + lines, column: column, offset: offset)
  }
}

extension KubernetesObject {
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
