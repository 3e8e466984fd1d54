extension ObjectDecoder.Result {
  /// Adds what another part of the input decoded, after this part.
  mutating func append(_ other: ObjectDecoder.Result) {
    objects += other.objects
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
    for i in objects.indices { objects[i] = objects[i].shiftingLines(by: lines) }
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
  /// The object with the positions it carries moved down `lines` lines.
  func shiftingLines(by lines: Int) -> KubernetesObject {
    switch self {
    case .service(var s):
      s.meta.location = s.meta.location.shiftingLines(by: lines)
      for i in s.ports.indices { s.ports[i].location = s.ports[i].location.shiftingLines(by: lines) }
      if s.publicFields != nil { s.shiftPublicFields(by: lines) }
      return .service(s)
    case .pod(var o):
      o.meta.location = o.meta.location.shiftingLines(by: lines)
      return .pod(o)
    case .endpointSlice(var o):
      o.meta.location = o.meta.location.shiftingLines(by: lines)
      return .endpointSlice(o)
    case .endpoints(var o):
      o.meta.location = o.meta.location.shiftingLines(by: lines)
      return .endpoints(o)
    case .namespace(var m):
      m.location = m.location.shiftingLines(by: lines)
      return .namespace(m)
    case .workload(var o):
      o.meta.location = o.meta.location.shiftingLines(by: lines)
      return .workload(o)
    case .ingress, .gateway, .route, .node:
      return shiftingPublicKind(by: lines)
    }
  }
}
