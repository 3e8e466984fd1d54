/// Decodes a List item that is a v1 Service straight from its bytes, as
/// `DirectPodDecoder` does pods: the fields `ServiceDecoder` reads without
/// public names, with its defaults, and nothing else. Building a Service's
/// nodes and reading them back cost 22 µs a Service, and the Services file
/// beside the pods (10,000 at 150k pods) was read after the pods, while
/// nothing else could run.
///
/// The same contract as `DirectPodDecoder`: exactly what the ordinary way
/// gives, or a throw (anything unexpected, any value `ServiceDecoder` would
/// reject), after which the caller reads the item the ordinary way, which
/// reports or handles it. `DirectServiceDecoderTests`, the snapshot
/// equivalence tests and the pipeline fuzz harness hold both ways to the
/// same objects.
enum DirectServiceDecoder {
  /// The Service that starts where `r` stands; `r` is left after it.
  /// Throws, with `r` anywhere inside, to give up.
  static func decode<R: DirectReader>(_ r: inout R, defaultNamespace: String) throws(PruningAbort) -> Service {
    var spec = Spec()
    let meta = try DirectPodDecoder.object(&r, kind: Texts.kind, keys: Keys.object, defaultNamespace: defaultNamespace) {
      r, _ throws(PruningAbort) in spec = try Self.spec(&r)
    }
    guard let service = spec.service(meta) else { throw r.abort("direct: a value ServiceDecoder rejects") }
    return service
  }

  /// The texts values are compared with (as bytes: see `DirectReader.index`).
  enum Texts {
    static let kind: [StaticString] = ["Service"]
    static let all = [DirectPodDecoder.Texts.apiVersion, kind]
  }

  /// The keys read in each mapping; any other key's value is skipped.
  enum Keys {
    static let object: [StaticString] = ["apiVersion", "kind", "metadata", "spec"]
    static let spec: [StaticString] = [
      "type", "clusterIPs", "clusterIP", "ipFamilies", "ports", "externalName", "selector", "publishNotReadyAddresses",
    ]
    static let port: [StaticString] = ["name", "port", "protocol", "targetPort"]
  }

  /// `spec` as read, before `ServiceDecoder`'s rules and defaults.
  struct Spec {
    var type = Service.ServiceType.clusterIP
    var clusterIPs: [String] = []
    var clusterIP: String?
    var families: [IPFamily] = []
    var ports: [ServicePort] = []
    var externalName: String?
    var selector: [String: String]?
    var publishNotReadyAddresses = false

    /// The Service `ServiceDecoder` makes of it; nil where it would fail.
    func service(_ meta: ObjectMeta) -> Service? {
      // `clusterIPs` wins; an empty list falls back to `clusterIP`.
      var texts = clusterIPs
      if texts.isEmpty, let single = clusterIP, !single.isEmpty { texts = [single] }
      let isHeadless = texts.first == "None"
      var ips: [IPAddress] = []
      if !isHeadless {
        for text in texts {
          guard let ip = IPAddress(text) else { return nil }
          ips.append(ip)
        }
      }
      return Service(
        meta: meta, type: type, clusterIPs: ips, isHeadless: isHeadless, externalName: externalName,
        selector: selector, ports: ports, publishNotReadyAddresses: publishNotReadyAddresses,
        ipFamilies: ServiceDecoder.families(families, clusterIPs: ips))
    }
  }

  static func spec<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> Spec {
    var out = Spec()
    try DirectPodDecoder.fields(&r, Keys.spec, optional: true) { r, field throws(PruningAbort) in
      switch field {
      case 0:
        if let text = try r.optionalText() {
          guard let type = Service.ServiceType(rawValue: text) else { throw r.abort("direct: unknown type") }
          out.type = type
        }
      case 1: _ = try r.optionalElements { r throws(PruningAbort) in out.clusterIPs.append(try text(&r)) }
      case 2: out.clusterIP = try r.optionalText()
      case 3:
        _ = try r.optionalElements { r throws(PruningAbort) in
          guard let family = IPFamily(rawValue: try text(&r)) else { throw r.abort("direct: unknown IP family") }
          out.families.append(family)
        }
      case 4: _ = try r.optionalElements { r throws(PruningAbort) in out.ports.append(try port(&r)) }
      case 5: out.externalName = try r.optionalText()
      case 6:
        // Null values read as "", and a repeated key keeps its last
        // value, as `Field.stringMap` reads them; a null selector is none.
        var selector: [String: String] = [:]
        let present = try r.optionalMembers { r, key throws(PruningAbort) in
          selector[String(decoding: key, as: UTF8.self)] = try r.optionalText() ?? ""
        }
        out.selector = present ? selector : nil
      default:
        if let value = try r.optionalBool() { out.publishNotReadyAddresses = value }
      }
    }
    return out
  }

  /// A list item that must be text (a null item is not).
  private static func text<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> String {
    guard let text = try r.optionalText() else { throw r.abort("direct: null in a list of strings") }
    return text
  }

  static func port<R: DirectReader>(_ r: inout R) throws(PruningAbort) -> ServicePort {
    let location = r.itemLocation()
    var name: String?, number: Int?
    var proto = PortProtocol.tcp
    var target: ServicePort.Target?
    try DirectPodDecoder.fields(&r, Keys.port) { r, field throws(PruningAbort) in
      switch field {
      case 0: name = try r.optionalText()
      case 1:
        let n = try r.integer()
        guard (1...65535).contains(n) else { throw r.abort("direct: port out of range") }
        number = n
      case 2:
        proto = try DirectPodDecoder.portProtocol(&r)
      default:
        if let (text, plain) = try r.optionalScalar() {
          guard let read = ServicePort.Target(text, plain: plain) else { throw r.abort("direct: targetPort out of range") }
          target = read
        }
      }
    }
    guard let number else { throw r.abort("direct: no port") }
    return ServicePort(name: name, port: number, protocol: proto, targetPort: target ?? .number(number), location: location)
  }
}
