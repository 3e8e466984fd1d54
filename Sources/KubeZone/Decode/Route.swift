/// A Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute,
/// UDPRoute): its hostnames, the Gateways it asks to attach to, and which
/// of them accepted it (`status.parents`).
public struct Route: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case http = "HTTPRoute", grpc = "GRPCRoute", tls = "TLSRoute", tcp = "TCPRoute", udp = "UDPRoute"

    /// The listener protocol the route attaches to (ExternalDNS's
    /// `gatewayRoute.Protocol`).
    public var listenerProtocol: String {
      switch self {
      case .http, .grpc: "HTTP"
      case .tls: "TLS"
      case .tcp: "TCP"
      case .udp: "UDP"
      }
    }
  }

  public var kind: Kind
  public var meta: ObjectMeta
  public var annotations: [String: FieldText]
  /// `spec.hostnames`; TCPRoute and UDPRoute have none.
  public var hostnames: [FieldText]
  public var parentRefs: [ParentRef]
  /// `status.parents`: each parent's reference and whether its
  /// `Accepted` condition is `True`.
  public var statusParents: [ParentStatus]

  public struct ParentStatus: Sendable, Hashable {
    public var ref: ParentRef
    public var accepted: Bool
  }

  /// `spec.parentRefs[]`, with the API's defaults (group
  /// gateway.networking.k8s.io, kind Gateway, the route's namespace).
  public struct ParentRef: Sendable, Hashable {
    public var group: String
    public var kind: String
    public var namespace: String
    public var name: String
    public var sectionName: String?
    public var port: Int?
    public var location: SourceLocation

    /// The same parent, as ExternalDNS compares them (group, kind,
    /// namespace, name).
    func sameParent(_ other: ParentRef) -> Bool {
      group == other.group && kind == other.kind && namespace == other.namespace && name == other.name
    }
  }
}

enum RouteDecoder {
  static func decode(_ object: Field, kind: Route.Kind, defaultNamespace: String) throws(InputError) -> Route {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace)
    let spec = object.child("spec")
    try spec?.requireMapping()
    let refs = try (spec?.list("parentRefs") ?? []).map { r throws(InputError) in try parentRef(r, meta) }
    var parents: [Route.ParentStatus] = []
    if let status = object.child("status") {
      for p in try status.list("parents") {
        guard let ref = p.child("parentRef") else { continue }
        var accepted = false
        for c in try p.list("conditions") where try c.string("type") == "Accepted" {
          accepted = try c.string("status") == "True"
        }
        parents.append(Route.ParentStatus(ref: try parentRef(ref, meta), accepted: accepted))
      }
    }
    return Route(
      kind: kind, meta: meta, annotations: try object.annotations(), hostnames: try spec?.texts("hostnames") ?? [], parentRefs: refs, statusParents: parents)
  }

  private static func parentRef(_ r: Field, _ meta: ObjectMeta) throws(InputError) -> Route.ParentRef {
    try r.requireMapping()
    func orDefault(_ s: String?, _ d: String) -> String { (s ?? "").isEmpty ? d : s ?? d }
    return Route.ParentRef(
      group: orDefault(try r.string("group"), GatewayDecoder.group),
      kind: orDefault(try r.string("kind"), "Gateway"),
      namespace: orDefault(try r.string("namespace"), meta.namespace),
      name: try r.string("name") ?? "",
      sectionName: try r.string("sectionName").flatMap { $0.isEmpty ? nil : $0 },
      port: try r.int("port"),
      location: r.location)
  }
}
