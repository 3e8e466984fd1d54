/// One entry of `status.loadBalancer.ingress` (Service and Ingress): the
/// address or name the load balancer was given. Kept as text, so an
/// invalid IP is a warning at its position, not a decode error.
public struct LoadBalancerIngress: Sendable, Hashable {
  public var ip: FieldText?
  public var hostname: FieldText?

  /// `status.loadBalancer.ingress` of `object`.
  static func decode(_ object: Field) throws(InputError) -> [LoadBalancerIngress] {
    guard let status = object.child("status") else { return [] }
    try status.requireMapping()
    guard let lb = status.child("loadBalancer") else { return [] }
    try lb.requireMapping()
    return try lb.list("ingress").map { e throws(InputError) in
      try e.requireMapping()
      return LoadBalancerIngress(ip: try e.text("ip").nonEmpty, hostname: try e.text("hostname").nonEmpty)
    }
  }
}

extension Optional where Wrapped == FieldText {
  /// nil for an empty string too: the API's `omitempty` fields.
  var nonEmpty: FieldText? {
    guard case .some(let t) = self, !t.text.isEmpty else { return nil }
    return t
  }
}
