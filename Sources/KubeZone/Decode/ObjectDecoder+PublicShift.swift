/// Line shifting (see `ObjectDecoder.Result.shiftLines`) for what only the
/// public-name sources read: every kept position moves with its chunk.
extension FieldText {
  func shifting(_ shift: LocationShift) -> FieldText {
    FieldText(text, at: location.shifting(shift))
  }
}

extension ObjectMeta {
  func shifting(_ shift: LocationShift) -> ObjectMeta {
    var m = self
    m.location = location.shifting(shift)
    return m
  }
}

extension Dictionary where Value == FieldText {
  func shifting(_ shift: LocationShift) -> Self { mapValues { $0.shifting(shift) } }
}

extension LoadBalancerIngress {
  func shifting(_ shift: LocationShift) -> LoadBalancerIngress {
    LoadBalancerIngress(ip: ip?.shifting(shift), hostname: hostname?.shifting(shift))
  }
}

extension Service {
  /// Annotations, external IPs and load balancer status (the rest is
  /// shifted by `KubernetesObject.shiftLines`).
  mutating func shiftPublicFields(_ shift: LocationShift) {
    guard let p = publicFields else { return }
    publicFields = ServicePublicFields(
      annotations: p.annotations.shifting(shift), externalIPs: p.externalIPs.map { $0.shifting(shift) },
      loadBalancer: p.loadBalancer.map { $0.shifting(shift) }, externalTrafficLocal: p.externalTrafficLocal)
  }
}

extension KubernetesObject {
  /// Ingress, Gateway, route and Node, shifted.
  func shiftingPublicKind(_ shift: LocationShift) -> KubernetesObject {
    switch self {
    case .ingress(var o):
      o.meta = o.meta.shifting(shift)
      o.annotations = o.annotations.shifting(shift)
      o.ruleHosts = o.ruleHosts.map { $0.shifting(shift) }
      o.tlsHosts = o.tlsHosts.map { $0.shifting(shift) }
      o.loadBalancer = o.loadBalancer.map { $0.shifting(shift) }
      return .ingress(o)
    case .gateway(var o):
      o.meta = o.meta.shifting(shift)
      o.annotations = o.annotations.shifting(shift)
      o.addresses = o.addresses.map { $0.shifting(shift) }
      for i in o.listeners.indices { o.listeners[i].hostname = o.listeners[i].hostname?.shifting(shift) }
      return .gateway(o)
    case .route(var o):
      o.meta = o.meta.shifting(shift)
      o.annotations = o.annotations.shifting(shift)
      o.hostnames = o.hostnames.map { $0.shifting(shift) }
      for i in o.parentRefs.indices { o.parentRefs[i].location = o.parentRefs[i].location.shifting(shift) }
      for i in o.statusParents.indices {
        o.statusParents[i].ref.location = o.statusParents[i].ref.location.shifting(shift)
      }
      return .route(o)
    case .node(var o):
      o.meta = o.meta.shifting(shift)
      o.annotations = o.annotations.shifting(shift)
      for i in o.addresses.indices { o.addresses[i].address = o.addresses[i].address.shifting(shift) }
      return .node(o)
    default:
      return self
    }
  }
}
