/// `status` for `DirectPodDecoder`: phase, the Ready condition and the
/// pod's IPs, as `PodDecoder` reads them.
extension DirectPodDecoder {
  struct Status {
    /// `.pending` when absent, as `PodDecoder` defaults it.
    var phase = Pod.Phase.pending
    /// The last `Ready` condition's status is `True`.
    var ready = false
    var podIPs: [IPAddress] = []
    var podIP: String?
  }

  static func status<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> Status {
    var out = Status()
    try fields(&r, Keys.status, optional: true) { r, field throws(PruningAbort) in
      switch field {
      case 0:
        if let i = try r.optionalTextIndex(in: Texts.phases) {
          out.phase = i < Texts.phaseValues.count ? Texts.phaseValues[i] : .unknown
        }
      case 1: _ = try r.optionalElements { r throws(PruningAbort) in try condition(&r, ready: &out.ready) }
      case 2: _ = try r.optionalElements { r throws(PruningAbort) in try podIP(&r, into: &out.podIPs) }
      default: out.podIP = try r.optionalText()
      }
    }
    return out
  }

  /// One condition: a `Ready` one sets `ready` (the last one wins).
  static func condition<R: DirectReader>(_ r: inout R, ready: inout Bool) throws(PruningAbort) {
    var isReadyType = false, isTrue = false
    try fields(&r, Keys.condition) { r, field throws(PruningAbort) in
      if field == 0 {
        isReadyType = try r.optionalTextIndex(in: Texts.ready) == 0
      } else {
        isTrue = try r.optionalTextIndex(in: Texts.isTrue) == 0
      }
    }
    if isReadyType { ready = isTrue }
  }

  /// One `podIPs` entry: its `ip`, if set, must be an address.
  static func podIP<R: DirectReader>(_ r: inout R, into ips: inout [IPAddress]) throws(PruningAbort) {
    try fields(&r, Keys.podIP) { r, _ throws(PruningAbort) in
      guard let text = try r.optionalText() else { return }
      guard let ip = IPAddress(text) else { throw r.abort("direct: bad pod IP") }
      ips.append(ip)
    }
  }
}
