/// Turns parsed documents into Kubernetes objects.
///
/// A document is one object, or a list (`kind: List` or any `*List`) whose
/// `items` are objects. Kinds outside kubezone's set, and the same kind
/// names in other API groups (a Knative `Service`), are counted as skipped.
/// Malformed fields of a known kind are errors: the API server would have
/// rejected the object, so guessing would only hide the mistake.
public struct ObjectDecoder: Sendable {
  public var defaultNamespace: String
  /// Public names are on: also decode what ExternalDNS's sources read
  /// (annotations, statuses, Ingress, Gateway API, Node). Off, kinds and
  /// fields are exactly what they were before public names.
  public var publicNames: Bool

  public init(defaultNamespace: String = "default", publicNames: Bool = false) {
    self.defaultNamespace = defaultNamespace
    self.publicNames = publicNames
  }

  /// What the fast readers keep of each object.
  var schema: PruneSchema { publicNames ? .publicObject : .object }

  /// What decoding a set of documents produced.
  public struct Result: Sendable {
    public var objects: [KubernetesObject] = []
    /// Skipped objects by `apiVersion/kind`.
    public var skipped: [String: Int] = [:]
    public var log = DiagnosticLog()
    /// Documents that were not empty (null), objects or not.
    public var documentCount = 0
  }

  public func decode(_ document: Node, into result: inout Result) throws(InputError) {
    guard let root = Self.root(of: document) else { return }
    try decode(root: root, into: &result, firstItem: 0)
  }

  /// A document that is not empty, with its merge keys applied: what
  /// `decode(root:into:firstItem:)` and `listsItems` take.
  static func root(of document: Node) -> Field? {
    document.isNull ? nil : Field(document.mergingKeys(), path: "")
  }

  /// As `decode`, a List's items numbered from `firstItem` in messages.
  func decode(root: Field, into result: inout Result, firstItem: Int) throws(InputError) {
    result.documentCount += 1
    guard root.node.mapping != nil else {
      throw InputError("expected a Kubernetes object (a mapping), found \(root.node.kindDescription)", at: root.location)
    }
    let kind = try root.string("kind")
    let apiVersion = try root.string("apiVersion")
    if kind == nil && apiVersion == nil {
      // Folders hold other YAML too (Helm values, CI config): say so, go on.
      result.skipped["(not a Kubernetes object)", default: 0] += 1
      result.log.warn("not a Kubernetes object (no apiVersion or kind); skipped", at: root.location)
      return
    }
    if kind == nil, root.child("items") != nil {
      // kubectl prints a List's `kind` after its items: a List without
      // one is most often output cut short (kubectl killed mid-List).
      throw InputError("kind: required field is missing (a List without its kind usually means the input was cut short)", at: root.location)
    }
    if let kind, Self.isList(kind: kind, root) {
      let itemKind = kind == "List" ? nil : String(kind.dropLast(4))
      for item in try root.child("items")?.items(from: firstItem) ?? [] {
        try item.requireMapping()
        try decodeObject(item, inheritedKind: itemKind, inheritedVersion: apiVersion, into: &result)
      }
      return
    }
    try decodeObject(root, inheritedKind: nil, inheritedVersion: nil, into: &result)
  }

  /// Whether a document with this `kind` is read as a List: `List`, or
  /// any `*List` that has `items`.
  static func isList(kind: String, _ root: Field) -> Bool {
    kind == "List" || (kind.hasSuffix("List") && root.child("items") != nil)
  }

  /// Whether `decode` reads `root` as a List whose items are objects (or
  /// fails on its own keys), and its only `items` (of several, the last is
  /// read).
  func listsItems(_ root: Field) -> Bool {
    guard let pairs = root.node.mapping, pairs.count(where: { $0.key.scalar?.text == "items" }) == 1 else { return false }
    guard let kind = try? root.string("kind") else { return false }
    return Self.isList(kind: kind, root)
  }

  func decodeObject(
    _ object: Field, inheritedKind: String?, inheritedVersion: String?, into result: inout Result
  ) throws(InputError) {
    guard let kind = try object.string("kind") ?? inheritedKind else {
      throw InputError("kind: required field is missing", at: object.location)
    }
    let apiVersion = try object.string("apiVersion") ?? inheritedVersion ?? ""
    let ns = defaultNamespace
    switch (apiVersion, kind) {
    case ("v1", "Service"):
      result.objects.append(.service(try ServiceDecoder.decode(object, defaultNamespace: ns, publicNames: publicNames)))
    case ("v1", "Pod"):
      var pod = try PodDecoder.decode(object, defaultNamespace: ns)
      if publicNames, let node = try object.child("spec")?.string("nodeName") { pod.node = PodNode(node) }
      result.objects.append(.pod(pod))
    case ("v1", "Endpoints"):
      result.objects.append(.endpoints(try EndpointsDecoder.decode(object, defaultNamespace: ns)))
    case ("v1", "Namespace"):
      let meta = try ObjectMeta.decode(object, defaultNamespace: ns, clusterScoped: true)
      result.objects.append(.namespace(meta))
    case ("discovery.k8s.io/v1", "EndpointSlice"), ("discovery.k8s.io/v1beta1", "EndpointSlice"):
      result.objects.append(.endpointSlice(try EndpointSliceDecoder.decode(object, defaultNamespace: ns)))
    case ("apps/v1", _):
      if let k = Workload.Kind(rawValue: kind) {
        result.objects.append(.workload(try WorkloadDecoder.decode(object, kind: k, defaultNamespace: ns)))
      } else {
        skip(apiVersion, kind, object, &result)
      }
    default:
      guard publicNames, let decoded = try decodePublic(object, apiVersion: apiVersion, kind: kind) else {
        return skip(apiVersion, kind, object, &result)
      }
      result.objects.append(decoded)
    }
  }

  /// The kinds only the public-name sources read; nil for any other.
  private func decodePublic(_ object: Field, apiVersion: String, kind: String) throws(InputError) -> KubernetesObject? {
    let ns = defaultNamespace
    switch (apiVersion, kind) {
    case ("networking.k8s.io/v1", "Ingress"):
      return .ingress(try IngressDecoder.decode(object, defaultNamespace: ns))
    case ("v1", "Node"):
      return .node(try ClusterNodeDecoder.decode(object, defaultNamespace: ns))
    case ("gateway.networking.k8s.io/v1", "Gateway"), ("gateway.networking.k8s.io/v1beta1", "Gateway"):
      return .gateway(try GatewayDecoder.decode(object, defaultNamespace: ns))
    default:
      guard let routeKind = Route.Kind(rawValue: kind), Self.routeVersions[routeKind]?.contains(apiVersion) == true else {
        return nil
      }
      return .route(try RouteDecoder.decode(object, kind: routeKind, defaultNamespace: ns))
    }
  }

  /// The API versions each route kind is served in (Gateway API v1.2+).
  static let routeVersions: [Route.Kind: Set<String>] = {
    let g = GatewayDecoder.group
    return [
      .http: ["\(g)/v1", "\(g)/v1beta1"],
      .grpc: ["\(g)/v1", "\(g)/v1alpha2"],
      .tls: ["\(g)/v1", "\(g)/v1alpha3", "\(g)/v1alpha2"],
      .tcp: ["\(g)/v1alpha2"],
      .udp: ["\(g)/v1alpha2"],
    ]
  }()

  private func skip(_ apiVersion: String, _ kind: String, _ object: Field, _ result: inout Result) {
    let label = apiVersion.isEmpty ? kind : "\(apiVersion)/\(kind)"
    result.skipped[label, default: 0] += 1
    result.log.note("skipped \(label): not a kind kubezone reads", at: object.location)
  }
}
