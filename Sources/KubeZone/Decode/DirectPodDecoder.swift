/// Decodes a JSON List item that is a v1 Pod straight from its bytes into
/// a `Pod`, reading only the fields `PodDecoder` and `ObjectMeta.decode`
/// read and skipping the rest (about 94% of a kubectl snapshot is pods), so
/// no `Node` is built for them.
///
/// It must give exactly what building the item with the pruning parser
/// and decoding it (`ObjectDecoder.decodeStreamedItem`) gives, or nothing:
/// on anything it does not expect (another kind, `kind` after `metadata`,
/// a duplicate or escaped key it reads, a field of an unusual type, a
/// decode error, a syntax error) it throws, and the caller goes back to
/// the item's start and reads it the ordinary way, which then reports or
/// handles it as before. `PerfEquivalenceTests` and the pipeline fuzz
/// harness hold both ways to the same objects.
///
///     {"apiVersion": "v1", "kind": "Pod", "metadata": {...}, "spec": {...}, "status": {...}}
///      identity first (as kubectl and the API server write it), then the rest
enum DirectPodDecoder {
  /// The pod whose `{` is at `p.pos` (after whitespace); `p` is left after
  /// its `}`. Throws, with `p` anywhere inside, to give up.
  static func decode(_ p: inout PruningJSONParser, defaultNamespace: String) throws(PruningAbort) -> Pod {
    p.skipWhitespace()
    let location = p.location(p.pos)
    try p.openObject()
    var seen = Seen()
    var isV1 = false, isPod = false
    var meta: ObjectMeta?
    var spec = Spec()
    var status = Status()
    try p.members { p, key throws(PruningAbort) in
      if PruningJSONParser.equal(key, "apiVersion") {
        try seen.once(0, &p)
        isV1 = try p.textEquals("v1")
      } else if PruningJSONParser.equal(key, "kind") {
        try seen.once(1, &p)
        isPod = try p.textEquals("Pod")
      } else if PruningJSONParser.equal(key, "metadata") {
        try seen.once(2, &p)
        try p.require(isV1 && isPod)
        meta = try metadata(&p, defaultNamespace: defaultNamespace, location: location)
      } else if PruningJSONParser.equal(key, "spec") {
        try seen.once(3, &p)
        try p.require(isV1 && isPod)
        spec = try Self.spec(&p)
      } else if PruningJSONParser.equal(key, "status") {
        try seen.once(4, &p)
        try p.require(isV1 && isPod)
        status = try Self.status(&p)
      } else {
        try p.skipValue()
      }
    }
    guard isV1, isPod, let meta else { throw p.abort("direct: not a pod, or no metadata") }
    var ips = status.podIPs
    if ips.isEmpty, let single = status.podIP, !single.isEmpty {
      guard let ip = IPAddress(single) else { throw p.abort("direct: bad podIP") }
      ips.append(ip)
    }
    return Pod(
      meta: meta, hostname: spec.hostname, subdomain: spec.subdomain, phase: status.phase,
      isReady: status.ready, ips: ips, containerPorts: spec.ports)
  }

  /// Keys read so far in one object: a second one gives up (the full
  /// readers take the last, which this reader has already passed).
  struct Seen {
    var bits: UInt32 = 0
    @inline(__always) mutating func once(_ bit: UInt32, _ p: inout PruningJSONParser) throws(PruningAbort) {
      guard bits & (1 << bit) == 0 else { throw p.abort("direct: duplicate key") }
      bits |= 1 << bit
    }
  }

  static func metadata(_ p: inout PruningJSONParser, defaultNamespace: String, location: SourceLocation) throws(PruningAbort) -> ObjectMeta {
    var seen = Seen()
    var name: String?, namespace: String?
    var isLive = false, terminating = false
    var labels: [String: String] = [:]
    try p.openObject()
    try p.members { p, key throws(PruningAbort) in
      if PruningJSONParser.equal(key, "name") {
        try seen.once(0, &p)
        name = try p.optionalText()
      } else if PruningJSONParser.equal(key, "namespace") {
        try seen.once(1, &p)
        namespace = try p.optionalText()
      } else if PruningJSONParser.equal(key, "uid") {
        try seen.once(2, &p)
        if try p.optionalText() != nil { isLive = true }
      } else if PruningJSONParser.equal(key, "resourceVersion") {
        try seen.once(3, &p)
        if try p.optionalText() != nil { isLive = true }
      } else if PruningJSONParser.equal(key, "deletionTimestamp") {
        try seen.once(4, &p)
        if try !p.skipsNull() {
          terminating = true
          try p.skipValue()
        }
      } else if PruningJSONParser.equal(key, "labels") {
        try seen.once(5, &p)
        if try !p.skipsNull() { labels = try stringMap(&p) }
      } else {
        try p.skipValue()
      }
    }
    guard let name, !name.isEmpty else { throw p.abort("direct: no name") }
    return ObjectMeta(
      name: name, namespace: namespace ?? defaultNamespace, labels: labels, isLive: isLive,
      terminating: terminating, location: location)
  }

  /// A `map[string]string`: null values read as "", as `Field.stringMap`
  /// reads them; a repeated key keeps its last value, as it does.
  static func stringMap(_ p: inout PruningJSONParser) throws(PruningAbort) -> [String: String] {
    var out: [String: String] = [:]
    try p.openObject()
    try p.members { p, key throws(PruningAbort) in
      out[String(decoding: key, as: UTF8.self)] = try p.optionalText() ?? ""
    }
    return out
  }

  struct Spec {
    var hostname: String?
    var subdomain: String?
    var ports: [Pod.ContainerPort] = []
  }

  static func spec(_ p: inout PruningJSONParser) throws(PruningAbort) -> Spec {
    var out = Spec()
    if try p.skipsNull() { return out }
    var seen = Seen()
    try p.openObject()
    try p.members { p, key throws(PruningAbort) in
      if PruningJSONParser.equal(key, "hostname") {
        try seen.once(0, &p)
        out.hostname = try p.optionalText()
      } else if PruningJSONParser.equal(key, "subdomain") {
        try seen.once(1, &p)
        out.subdomain = try p.optionalText()
      } else if PruningJSONParser.equal(key, "containers") {
        try seen.once(2, &p)
        guard try p.openArray() else { return }
        try p.elements { p throws(PruningAbort) in try containerPorts(&p, into: &out.ports) }
      } else {
        try p.skipValue()
      }
    }
    return out
  }

  /// One container's named ports, appended in order.
  static func containerPorts(_ p: inout PruningJSONParser, into ports: inout [Pod.ContainerPort]) throws(PruningAbort) {
    var seen = Seen()
    try p.openObject()
    try p.members { p, key throws(PruningAbort) in
      guard PruningJSONParser.equal(key, "ports") else { return try p.skipValue() }
      try seen.once(0, &p)
      guard try p.openArray() else { return }
      try p.elements { p throws(PruningAbort) in ports.append(try port(&p)) }
    }
  }

  static func port(_ p: inout PruningJSONParser) throws(PruningAbort) -> Pod.ContainerPort {
    var seen = Seen()
    var number: Int?, name: String?
    var proto = PortProtocol.tcp
    try p.openObject()
    try p.members { p, key throws(PruningAbort) in
      if PruningJSONParser.equal(key, "containerPort") {
        try seen.once(0, &p)
        number = try p.integer()
      } else if PruningJSONParser.equal(key, "name") {
        try seen.once(1, &p)
        name = try p.optionalText()
      } else if PruningJSONParser.equal(key, "protocol") {
        try seen.once(2, &p)
        if let text = try p.optionalText() {
          guard let known = PortProtocol(rawValue: text) else { throw p.abort("direct: bad protocol") }
          proto = known
        }
      } else {
        try p.skipValue()
      }
    }
    guard let number else { throw p.abort("direct: no containerPort") }
    return Pod.ContainerPort(name: name, port: number, protocol: proto)
  }
}

extension PruningJSONParser {
  @inline(__always) func require(_ condition: Bool) throws(PruningAbort) {
    if !condition { throw abort("direct: unexpected shape") }
  }
}
