/// Decodes a List item that is an EndpointSlice (discovery.k8s.io v1 or
/// v1beta1) straight from its bytes, as `DirectServiceDecoder` does
/// Services: the fields `EndpointSliceDecoder` reads, with its defaults,
/// and nothing else. The slices are the second kind of a snapshot by size
/// (8% of the bytes of kubezone-synth's `all` List), and were built as
/// nodes and read back.
///
/// kubectl writes an item's keys in alphabetical order, so `endpoints`
/// comes before `kind`: unlike the pod decoder, this one reads the fields
/// before the identity is known, and gives up at the end when the item is
/// not a slice. A wrong `apiVersion` or `kind` gives up where it is read.
///
/// The same contract as `DirectPodDecoder`: exactly what the ordinary way
/// gives, or a throw (anything unexpected, any value the ordinary way would
/// reject or read otherwise), after which the caller reads the item the
/// ordinary way. `DirectEndpointSliceDecoderTests` and the pipeline fuzz
/// harness hold both ways to the same objects.
enum DirectEndpointSliceDecoder {
  /// The slice that starts where `r` stands; `r` is left after it. Throws,
  /// with `r` anywhere inside, to give up.
  static func decode<R: DirectReader>(_ r: inout R, defaultNamespace: String) throws(PruningAbort) -> EndpointSlice {
    let location = r.itemLocation()
    var hasVersion = false, hasKind = false
    var meta: ObjectMeta?
    var endpoints: [EndpointSlice.Endpoint] = []
    var ports: [EndpointSlice.Port] = []
    try DirectPodDecoder.fields(&r, Keys.object) { r, field throws(PruningAbort) in
      switch field {
      case 0:
        guard let version = try r.optionalTextIndex(in: Texts.apiVersions), version < Texts.apiVersions.count else {
          throw r.abort("direct: another apiVersion")
        }
        hasVersion = true
      case 1:
        guard try r.optionalTextIndex(in: Texts.kind) == 0 else { throw r.abort("direct: another kind") }
        hasKind = true
      case 2: meta = try DirectPodDecoder.metadata(&r, defaultNamespace: defaultNamespace, location: location)
      case 3: _ = try r.optionalElements { r throws(PruningAbort) in endpoints.append(try endpoint(&r)) }
      default: _ = try r.optionalElements { r throws(PruningAbort) in ports.append(try port(&r)) }
      }
    }
    guard hasVersion, hasKind, let meta else { throw r.abort("direct: not an EndpointSlice, or no metadata") }
    return EndpointSlice(meta: meta, serviceName: meta.labels["kubernetes.io/service-name"], endpoints: endpoints, ports: ports)
  }

  /// The texts values are compared with (as bytes: see `DirectReader.index`).
  enum Texts {
    static let apiVersions: [StaticString] = ["discovery.k8s.io/v1", "discovery.k8s.io/v1beta1"]
    static let kind: [StaticString] = ["EndpointSlice"]
    static let all = [apiVersions, kind]
  }

  /// The keys read in each mapping; any other key's value is skipped.
  enum Keys {
    static let object: [StaticString] = ["apiVersion", "kind", "metadata", "endpoints", "ports"]
    static let endpoint: [StaticString] = ["addresses", "conditions", "hostname", "targetRef"]
    static let conditions: [StaticString] = ["ready"]
    static let targetRef: [StaticString] = ["kind", "name"]
    static let port: [StaticString] = ["name", "port", "protocol"]
    static let all = [object, endpoint, conditions, targetRef, port]
  }

  static func endpoint<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> EndpointSlice.Endpoint {
    var addresses: [IPAddress] = []
    var ready = true
    var hostname: String?
    var targetKind: String?, targetName: String?
    try DirectPodDecoder.fields(&r, Keys.endpoint) { r, field throws(PruningAbort) in
      switch field {
      case 0:
        _ = try r.optionalElements { r throws(PruningAbort) in
          guard let text = try r.optionalText(), let ip = IPAddress(text) else { throw r.abort("direct: not an address") }
          addresses.append(ip)
        }
      case 1:
        // A null `ready` (or `conditions`) is absent: ready.
        try DirectPodDecoder.fields(&r, Keys.conditions, optional: true) { r, _ throws(PruningAbort) in
          if let value = try r.optionalBool() { ready = value }
        }
      case 2: hostname = try r.optionalText()
      default:
        try DirectPodDecoder.fields(&r, Keys.targetRef, optional: true) { r, field throws(PruningAbort) in
          if field == 0 { targetKind = try r.optionalText() } else { targetName = try r.optionalText() }
        }
      }
    }
    return EndpointSlice.Endpoint(
      addresses: addresses, isReady: ready, hostname: hostname, podName: targetKind == "Pod" ? targetName : nil)
  }

  static func port<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> EndpointSlice.Port {
    var name: String?, number: Int?
    var proto = PortProtocol.tcp
    try DirectPodDecoder.fields(&r, Keys.port) { r, field throws(PruningAbort) in
      switch field {
      case 0: name = try r.optionalText()
      case 1: number = try r.optionalInteger()
      default:
        proto = try DirectPodDecoder.portProtocol(&r)
      }
    }
    return EndpointSlice.Port(name: name, port: number, protocol: proto)
  }
}
