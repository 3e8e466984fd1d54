/// A Gateway API Gateway (gateway.networking.k8s.io v1 or v1beta1): its
/// listeners, which routes attach to, and the addresses it was given.
public struct Gateway: Sendable, Hashable {
  public var meta: ObjectMeta
  public var annotations: [String: FieldText]
  public var listeners: [Listener]
  /// `status.addresses[].value`.
  public var addresses: [FieldText]

  public struct Listener: Sendable, Hashable {
    public var name: String
    /// nil matches every route hostname.
    public var hostname: FieldText?
    public var port: Int
    /// HTTP, HTTPS, TLS, TCP, UDP.
    public var `protocol`: String
    /// `allowedRoutes.namespaces.from`: All, Same (the default), Selector.
    public var allowedFrom: String
    /// `allowedRoutes.namespaces.selector.matchLabels`, for `Selector`.
    public var allowedSelector: [String: String]
    /// `allowedRoutes.kinds[]` as (group, kind); empty allows every kind
    /// the protocol allows.
    public var allowedKinds: [RouteGroupKind]
  }

  public struct RouteGroupKind: Sendable, Hashable {
    public var group: String
    public var kind: String
  }
}

enum GatewayDecoder {
  static let group = "gateway.networking.k8s.io"

  static func decode(_ object: Field, defaultNamespace: String) throws(InputError) -> Gateway {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace)
    let spec = object.child("spec")
    try spec?.requireMapping()
    var listeners: [Gateway.Listener] = []
    for l in try spec?.list("listeners") ?? [] {
      try l.requireMapping()
      let allowed = l.child("allowedRoutes")
      let namespaces = allowed?.child("namespaces")
      var kinds: [Gateway.RouteGroupKind] = []
      for k in try allowed?.list("kinds") ?? [] {
        let group = try k.string("group") ?? group
        kinds.append(Gateway.RouteGroupKind(group: group.isEmpty ? Self.group : group, kind: try k.string("kind") ?? ""))
      }
      listeners.append(Gateway.Listener(
        name: try l.string("name") ?? "",
        hostname: try l.text("hostname").nonEmpty,
        port: try l.int("port") ?? 0,
        protocol: try l.string("protocol") ?? "",
        allowedFrom: try namespaces?.string("from") ?? "Same",
        allowedSelector: try namespaces?.child("selector")?.child("matchLabels")?.stringMap() ?? [:],
        allowedKinds: kinds))
    }
    var addresses: [FieldText] = []
    if let status = object.child("status") {
      for a in try status.list("addresses") {
        if let value = try a.text("value").nonEmpty { addresses.append(value) }
      }
    }
    return Gateway(meta: meta, annotations: try object.annotations(), listeners: listeners, addresses: addresses)
  }
}
