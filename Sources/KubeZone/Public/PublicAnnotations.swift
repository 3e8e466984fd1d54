/// ExternalDNS's annotations of one object, under either prefix.
///
/// ExternalDNS reads `external-dns.kubernetes.io/` (source/annotations/
/// annotations.go, `DefaultAnnotationPrefix`); manifests written for its
/// older releases carry `external-dns.alpha.kubernetes.io/`. Both are read;
/// when one object has a key under both, the current prefix wins and the
/// other is warned about. `--annotation-prefix P` reads only `P`.
struct PublicAnnotations {
  static let currentPrefix = "external-dns.kubernetes.io/"
  static let alphaPrefix = "external-dns.alpha.kubernetes.io/"

  /// The keys the sources read, without prefix.
  enum Key: String, CaseIterable {
    case hostname, internalHostname = "internal-hostname", ttl, target, controller, access
    case ingressHostnameSource = "ingress-hostname-source", gatewayHostnameSource = "gateway-hostname-source"
  }

  private var values: [Key: FieldText] = [:]

  init(_ annotations: [String: FieldText], prefix: String?, object: ObjectReference, into sink: inout PublicRecordSink) {
    for key in Key.allCases {
      if let prefix {
        values[key] = annotations[prefix + key.rawValue]
        continue
      }
      let current = annotations[Self.currentPrefix + key.rawValue]
      let alpha = annotations[Self.alphaPrefix + key.rawValue]
      if let current, let alpha, current.text != alpha.text {
        sink.log.warn(
          "\(object.key): \(Self.alphaPrefix)\(key.rawValue) '\(alpha.text.escapedForMessage)' is ignored: \(Self.currentPrefix)\(key.rawValue) '\(current.text.escapedForMessage)' at \(current.location) wins",
          at: alpha.location)
      }
      values[key] = current ?? alpha
    }
  }

  subscript(_ key: Key) -> FieldText? { values[key] }

  /// `hostname` or `internal-hostname`, split at commas.
  func hostnames(_ key: Key) -> [FieldText] {
    values[key].map(PublicHostname.split) ?? []
  }

  /// The `target` annotation's targets; invalid ones are rejected. Empty
  /// when there is no annotation (or it is empty): the object's own
  /// targets are used then.
  func targets(of object: ObjectReference, into sink: inout PublicRecordSink) throws(InputError) -> (present: Bool, targets: [PublicTarget]) {
    guard let value = values[.target], !value.text.isEmpty else { return (false, []) }
    var out: [PublicTarget] = []
    for item in PublicHostname.split(value) {
      if let t = try PublicTarget.read(item, "target annotation", of: object, into: &sink) { out.append(t) }
    }
    return (true, out)
  }

  /// ExternalDNS's `IsControllerMismatch`: a `controller` annotation other
  /// than `dns-controller` means another controller owns the object.
  var belongsToOtherController: Bool {
    guard let c = values[.controller] else { return false }
    return c.text != "dns-controller"
  }
}
