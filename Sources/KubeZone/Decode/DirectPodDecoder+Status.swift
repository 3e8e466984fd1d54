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

  static func status(_ p: inout PruningJSONParser) throws(PruningAbort) -> Status {
    var out = Status()
    if try p.skipsNull() { return out }
    var seen = Seen()
    try p.openObject()
    try p.members { p, key throws(PruningAbort) in
      if PruningJSONParser.equal(key, "phase") {
        try seen.once(0, &p)
        if let text = try p.optionalText() { out.phase = Pod.Phase(rawValue: text) ?? .unknown }
      } else if PruningJSONParser.equal(key, "conditions") {
        try seen.once(1, &p)
        guard try p.openArray() else { return }
        try p.elements { p throws(PruningAbort) in try condition(&p, ready: &out.ready) }
      } else if PruningJSONParser.equal(key, "podIPs") {
        try seen.once(2, &p)
        guard try p.openArray() else { return }
        try p.elements { p throws(PruningAbort) in try podIP(&p, into: &out.podIPs) }
      } else if PruningJSONParser.equal(key, "podIP") {
        try seen.once(3, &p)
        out.podIP = try p.optionalText()
      } else {
        try p.skipValue()
      }
    }
    return out
  }

  /// One condition: a `Ready` one sets `ready` (the last one wins).
  static func condition(_ p: inout PruningJSONParser, ready: inout Bool) throws(PruningAbort) {
    var seen = Seen()
    var type: String?, status: String?
    try p.openObject()
    try p.members { p, key throws(PruningAbort) in
      if PruningJSONParser.equal(key, "type") {
        try seen.once(0, &p)
        type = try p.optionalText()
      } else if PruningJSONParser.equal(key, "status") {
        try seen.once(1, &p)
        status = try p.optionalText()
      } else {
        try p.skipValue()
      }
    }
    if type == "Ready" { ready = status == "True" }
  }

  /// One `podIPs` entry: its `ip`, if set, must be an address.
  static func podIP(_ p: inout PruningJSONParser, into ips: inout [IPAddress]) throws(PruningAbort) {
    var seen = Seen()
    try p.openObject()
    try p.members { p, key throws(PruningAbort) in
      guard PruningJSONParser.equal(key, "ip") else { return try p.skipValue() }
      try seen.once(0, &p)
      guard let text = try p.optionalText() else { return }
      guard let ip = IPAddress(text) else { throw p.abort("direct: bad pod IP") }
      ips.append(ip)
    }
  }
}
