/// Line shifting (see `ObjectDecoder.Result.shiftLines`) for what only the
/// public-name sources read: every kept position moves with its chunk.
extension FieldText {
  func shiftingLines(by lines: Int) -> FieldText {
    FieldText(text, at: location.shiftingLines(by: lines))
  }
}

extension ObjectMeta {
  func shiftingLines(by lines: Int) -> ObjectMeta {
    var m = self
    m.location = location.shiftingLines(by: lines)
    return m
  }
}

extension Dictionary where Value == FieldText {
  func shiftingLines(by lines: Int) -> Self { mapValues { $0.shiftingLines(by: lines) } }
}

extension LoadBalancerIngress {
  func shiftingLines(by lines: Int) -> LoadBalancerIngress {
    LoadBalancerIngress(ip: ip?.shiftingLines(by: lines), hostname: hostname?.shiftingLines(by: lines))
  }
}

extension Service {
  /// Annotations, external IPs and load balancer status (the rest is
  /// shifted by `KubernetesObject.shiftLines`).
  mutating func shiftPublicFields(by lines: Int) {
    guard let p = publicFields else { return }
    publicFields = ServicePublicFields(
      annotations: p.annotations.shiftingLines(by: lines), externalIPs: p.externalIPs.map { $0.shiftingLines(by: lines) },
      loadBalancer: p.loadBalancer.map { $0.shiftingLines(by: lines) }, externalTrafficLocal: p.externalTrafficLocal)
  }
}

extension KubernetesObject {
  /// Ingress, Gateway, route and Node, shifted.
  func shiftingPublicKind(by lines: Int) -> KubernetesObject {
    switch self {
    case .ingress(var o):
      o.meta = o.meta.shiftingLines(by: lines)
      o.annotations = o.annotations.shiftingLines(by: lines)
      o.ruleHosts = o.ruleHosts.map { $0.shiftingLines(by: lines) }
      o.tlsHosts = o.tlsHosts.map { $0.shiftingLines(by: lines) }
      o.loadBalancer = o.loadBalancer.map { $0.shiftingLines(by: lines) }
      return .ingress(o)
    case .gateway(var o):
      o.meta = o.meta.shiftingLines(by: lines)
      o.annotations = o.annotations.shiftingLines(by: lines)
      o.addresses = o.addresses.map { $0.shiftingLines(by: lines) }
      for i in o.listeners.indices { o.listeners[i].hostname = o.listeners[i].hostname?.shiftingLines(by: lines) }
      return .gateway(o)
    case .route(var o):
      o.meta = o.meta.shiftingLines(by: lines)
      o.annotations = o.annotations.shiftingLines(by: lines)
      o.hostnames = o.hostnames.map { $0.shiftingLines(by: lines) }
      for i in o.parentRefs.indices { o.parentRefs[i].location = o.parentRefs[i].location.shiftingLines(by: lines) }
      for i in o.statusParents.indices {
        o.statusParents[i].ref.location = o.statusParents[i].ref.location.shiftingLines(by: lines)
      }
      return .route(o)
    case .node(var o):
      o.meta = o.meta.shiftingLines(by: lines)
      o.annotations = o.annotations.shiftingLines(by: lines)
      for i in o.addresses.indices { o.addresses[i].address = o.addresses[i].address.shiftingLines(by: lines) }
      return .node(o)
    default:
      return self
    }
  }
}
