/// One decoded object of a kind kubezone understands.
public enum KubernetesObject: Sendable, Hashable {
  case service(Service)
  case pod(Pod)
  case endpointSlice(EndpointSlice)
  case endpoints(Endpoints)
  case namespace(ObjectMeta)
  case workload(Workload)
  // Decoded only when public names are on (`ObjectDecoder.publicNames`).
  case ingress(Ingress)
  case gateway(Gateway)
  case route(Route)
  case node(ClusterNode)

  public var meta: ObjectMeta {
    switch self {
    case .service(let o): o.meta
    case .pod(let o): o.meta
    case .endpointSlice(let o): o.meta
    case .endpoints(let o): o.meta
    case .namespace(let m): m
    case .workload(let o): o.meta
    case .ingress(let o): o.meta
    case .gateway(let o): o.meta
    case .route(let o): o.meta
    case .node(let o): o.meta
    }
  }

  /// The annotations, read only for the public-name sources' kinds (and
  /// Services when public names are on); empty otherwise.
  public var annotations: [String: FieldText] {
    switch self {
    case .service(let o): o.annotations
    case .ingress(let o): o.annotations
    case .gateway(let o): o.annotations
    case .route(let o): o.annotations
    case .node(let o): o.annotations
    default: [:]
    }
  }

  /// The kind as Kubernetes names it.
  public var kind: String {
    switch self {
    case .service: "Service"
    case .pod: "Pod"
    case .endpointSlice: "EndpointSlice"
    case .endpoints: "Endpoints"
    case .namespace: "Namespace"
    case .workload(let w): w.kind.rawValue
    case .ingress: "Ingress"
    case .gateway: "Gateway"
    case .route(let r): r.kind.rawValue
    case .node: "Node"
    }
  }

  /// Identity for de-duplication: kind, namespace, name. Read from the
  /// payload in place: going through `meta` copied the whole ObjectMeta
  /// (its labels and strings retained, then released) for every object.
  public var key: ObjectKey {
    switch self {
    case .service(let o): ObjectKey(kind: "Service", namespace: o.meta.namespace, name: o.meta.name)
    case .pod(let o): ObjectKey(kind: "Pod", namespace: o.meta.namespace, name: o.meta.name)
    case .endpointSlice(let o): ObjectKey(kind: "EndpointSlice", namespace: o.meta.namespace, name: o.meta.name)
    case .endpoints(let o): ObjectKey(kind: "Endpoints", namespace: o.meta.namespace, name: o.meta.name)
    case .namespace(let m): ObjectKey(kind: "Namespace", namespace: m.namespace, name: m.name)
    case .workload(let o): ObjectKey(kind: o.kind.rawValue, namespace: o.meta.namespace, name: o.meta.name)
    case .ingress(let o): ObjectKey(kind: "Ingress", namespace: o.meta.namespace, name: o.meta.name)
    case .gateway(let o): ObjectKey(kind: "Gateway", namespace: o.meta.namespace, name: o.meta.name)
    case .route(let o): ObjectKey(kind: o.kind.rawValue, namespace: o.meta.namespace, name: o.meta.name)
    case .node(let o): ObjectKey(kind: "Node", namespace: o.meta.namespace, name: o.meta.name)
    }
  }
}

public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var kind: String
  public var namespace: String
  public var name: String

  public var description: String {
    namespace.isEmpty ? "\(kind) \(name)" : "\(kind) \(namespace)/\(name)"
  }

  public static func < (a: ObjectKey, b: ObjectKey) -> Bool {
    (a.kind, a.namespace, a.name) < (b.kind, b.namespace, b.name)
  }
}
