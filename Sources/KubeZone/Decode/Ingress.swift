/// A networking.k8s.io/v1 Ingress: what ExternalDNS's ingress source reads.
public struct Ingress: Sendable, Hashable {
  public var meta: ObjectMeta
  public var annotations: [String: FieldText]
  /// `spec.rules[].host`, empty hosts left out.
  public var ruleHosts: [FieldText]
  /// `spec.tls[].hosts[]`, empty hosts left out.
  public var tlsHosts: [FieldText]
  /// `status.loadBalancer.ingress`.
  public var loadBalancer: [LoadBalancerIngress]
}

enum IngressDecoder {
  static func decode(_ object: Field, defaultNamespace: String) throws(InputError) -> Ingress {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace)
    let spec = object.child("spec")
    try spec?.requireMapping()
    var ruleHosts: [FieldText] = []
    for rule in try spec?.list("rules") ?? [] {
      try rule.requireMapping()
      if let host = try rule.text("host").nonEmpty { ruleHosts.append(host) }
    }
    var tlsHosts: [FieldText] = []
    for tls in try spec?.list("tls") ?? [] {
      try tls.requireMapping()
      tlsHosts += try tls.texts("hosts").filter { !$0.text.isEmpty }
    }
    return Ingress(
      meta: meta, annotations: try object.annotations(), ruleHosts: ruleHosts, tlsHosts: tlsHosts, loadBalancer: try LoadBalancerIngress.decode(object))
  }
}
