/// Decodes a List item that is a v1 Pod straight from its bytes into a
/// `Pod`, reading only the fields `PodDecoder` and `ObjectMeta.decode` read
/// and skipping the rest (about 94% of a kubectl snapshot is pods), so no
/// `Node` is built for them. One decoder for both formats: the JSON and
/// the simple YAML reader each walk their own syntax (`DirectReader`).
///
/// It must give exactly what building the item with the pruning reader
/// and decoding it (`ObjectDecoder.decodeStreamedItem`) gives, or nothing:
/// on anything it does not expect (another kind, `kind` after `metadata`,
/// a repeated or escaped key it reads, a field of an unusual type, a
/// decode error, a syntax error) it throws, and the caller goes back to
/// the item's start and reads it the ordinary way, which then reports or
/// handles it as before. `PerfEquivalenceTests`, `DirectPodDecoderTests`
/// and the pipeline fuzz harness hold both ways to the same objects.
///
///     {"apiVersion": "v1", "kind": "Pod", "metadata": {...}, "spec": {...}, "status": {...}}
///      identity first (as kubectl and the API server write it), then the rest
enum DirectPodDecoder {
  /// The pod that starts where `r` stands; `r` is left after it. Throws,
  /// with `r` anywhere inside, to give up.
  static func decode<R: DirectReader>(_ r: inout R, defaultNamespace: String) throws(PruningAbort) -> Pod {
    var spec = Spec()
    var status = Status()
    let meta = try object(&r, kind: Texts.kind, keys: Keys.object, defaultNamespace: defaultNamespace) { r, field throws(PruningAbort) in
      if field == 3 { spec = try Self.spec(&r) } else { status = try Self.status(&r) }
    }
    var ips = status.podIPs
    if ips.isEmpty, let single = status.podIP, !single.isEmpty {
      guard let ip = IPAddress(single) else { throw r.abort("direct: bad podIP") }
      ips.append(ip)
    }
    return Pod(
      meta: meta, hostname: spec.hostname, subdomain: spec.subdomain, phase: status.phase,
      isReady: status.ready, ips: ips, containerPorts: spec.ports)
  }

  /// Walks an item that must be a `v1` object of `kind`: `keys` lists
  /// apiVersion, kind and metadata first (read here, the identity before
  /// anything else), then the keys `read` gets (from 3 on); the metadata
  /// as `ObjectMeta.decode` reads it.
  static func object<R: DirectReader>(
    _ r: inout R, kind: [StaticString], keys: [StaticString], defaultNamespace: String,
    _ read: (inout R, Int) throws(PruningAbort) -> Void
  ) throws(PruningAbort) -> ObjectMeta {
    let location = r.itemLocation()
    var isV1 = false, isKind = false
    var meta: ObjectMeta?
    try fields(&r, keys) { r, field throws(PruningAbort) in
      switch field {
      // Another identity gives up at once: the next decoder tried (a
      // Service's, a slice's) then reads the item from its start.
      case 0:
        guard try r.optionalTextIndex(in: Texts.apiVersion) == 0 else { throw r.abort("direct: another apiVersion") }
        isV1 = true
      case 1:
        guard try r.optionalTextIndex(in: kind) == 0 else { throw r.abort("direct: another kind") }
        isKind = true
      default:
        // The rest is read as this kind's only once it is known to be one.
        guard isV1 && isKind else { throw r.abort("direct: another kind, or kind after its fields") }
        if field == 2 {
          meta = try metadata(&r, defaultNamespace: defaultNamespace, location: location)
        } else {
          try read(&r, field)
        }
      }
    }
    guard isV1, isKind, let meta else { throw r.abort("direct: another kind, or no metadata") }
    return meta
  }

  /// The texts values are compared with (as bytes: see `DirectReader.index`).
  enum Texts {
    static let apiVersion: [StaticString] = ["v1"]
    static let kind: [StaticString] = ["Pod"]
    static let ready: [StaticString] = ["Ready"]
    static let isTrue: [StaticString] = ["True"]
    /// `Pod.Phase`'s raw values, in `phaseValues`' order.
    static let phases: [StaticString] = ["Pending", "Running", "Succeeded", "Failed", "Unknown"]
    static let phaseValues: [Pod.Phase] = [.pending, .running, .succeeded, .failed, .unknown]
    static let all = [apiVersion, kind, ready, isTrue, phases]
  }

  /// The keys read in each mapping; any other key's value is skipped.
  enum Keys {
    static let object: [StaticString] = ["apiVersion", "kind", "metadata", "spec", "status"]
    static let metadata: [StaticString] = ["name", "namespace", "uid", "resourceVersion", "deletionTimestamp", "labels"]
    static let spec: [StaticString] = ["hostname", "subdomain", "containers"]
    static let container: [StaticString] = ["ports"]
    static let port: [StaticString] = ["containerPort", "name", "protocol"]
    static let status: [StaticString] = ["phase", "conditions", "podIPs", "podIP"]
    static let condition: [StaticString] = ["type", "status"]
    static let podIP: [StaticString] = ["ip"]
  }

  /// Walks a mapping (or, `optional`, a mapping or null), calling `read`
  /// with the position in `names` of each key listed there; the others'
  /// values are skipped. A listed key seen twice gives up: the full
  /// readers take the last one, which this reader has already passed.
  static func fields<R: DirectReader>(
    _ r: inout R, _ names: [StaticString], optional: Bool = false, _ read: (inout R, Int) throws(PruningAbort) -> Void
  ) throws(PruningAbort) {
    // The keys seen are reached through a pointer, so the handler captures
    // no variable: a captured one was boxed and every access to it checked
    // for exclusivity at run time (2.7% of a JSON run's instructions).
    var keysSeen: UInt32 = 0
    try withUnsafeMutablePointer(to: &keysSeen) { seen throws(PruningAbort) in
      func member(_ r: inout R, _ key: UnsafeBufferPointer<UInt8>) throws(PruningAbort) {
        let i = R.index(of: key, in: names)
        guard i < names.count else { return try r.skipValue() }
        guard seen.pointee & (1 << i) == 0 else { throw r.abort("direct: repeated key") }
        seen.pointee |= 1 << i
        try read(&r, i)
      }
      if optional {
        _ = try r.optionalMembers(member)
      } else {
        try r.members(member)
      }
    }
  }

  static func metadata<R: DirectReader>(_ r: inout R, defaultNamespace: String, location: SourceLocation) throws(PruningAbort) -> ObjectMeta {
    var name: String?, namespace: String?
    var isLive = false, terminating = false
    var labels: [String: String] = [:]
    try fields(&r, Keys.metadata) { r, field throws(PruningAbort) in
      switch field {
      case 0: name = try r.optionalText()
      case 1: namespace = try r.optionalText()
      case 2, 3: if try r.skipText() { isLive = true }
      case 4: terminating = try !r.skipIsNull()
      default:
        // Null values read as "", and a repeated key keeps its last
        // value, as `Field.stringMap` reads them.
        _ = try r.optionalMembers { r, key throws(PruningAbort) in
          labels[String(decoding: key, as: UTF8.self)] = try r.optionalText() ?? ""
        }
      }
    }
    guard let name, !name.isEmpty else { throw r.abort("direct: no name") }
    return ObjectMeta(
      name: name, namespace: namespace ?? defaultNamespace, labels: labels, isLive: isLive,
      terminating: terminating, location: location)
  }

  struct Spec {
    var hostname: String?
    var subdomain: String?
    var ports: [Pod.ContainerPort] = []
  }

  static func spec<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> Spec {
    var out = Spec()
    try fields(&r, Keys.spec, optional: true) { r, field throws(PruningAbort) in
      switch field {
      case 0: out.hostname = try r.optionalText()
      case 1: out.subdomain = try r.optionalText()
      default:
        // Each container's ports, in order.
        _ = try r.optionalElements { r throws(PruningAbort) in
          try fields(&r, Keys.container) { r, _ throws(PruningAbort) in
            _ = try r.optionalElements { r throws(PruningAbort) in out.ports.append(try port(&r)) }
          }
        }
      }
    }
    return out
  }

  static func port<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> Pod.ContainerPort {
    var number: Int?, name: String?
    var proto = PortProtocol.tcp
    try fields(&r, Keys.port) { r, field throws(PruningAbort) in
      switch field {
      case 0: number = try r.integer()
      case 1: name = try r.optionalText()
      default:
        proto = try portProtocol(&r)
      }
    }
    guard let number else { throw r.abort("direct: no containerPort") }
    return Pod.ContainerPort(name: name, port: number, protocol: proto)
  }

  /// A port's `protocol` as `PortProtocolDecoder` reads it: TCP when null.
  static func portProtocol<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> PortProtocol {
    guard let text = try r.optionalText() else { return .tcp }
    guard let known = PortProtocol(rawValue: text) else { throw r.abort("direct: bad protocol") }
    return known
  }
}
