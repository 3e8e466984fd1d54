/// The parts of `metadata` that kubezone uses.
public struct ObjectMeta: Sendable, Hashable {
  public var name: String
  public var namespace: String
  public var labels: [String: String]
  /// Set on objects read back from a cluster (`kubectl get -o yaml`).
  public var uid: String?
  public var resourceVersion: String?
  public var terminating: Bool
  /// Where the object starts, for messages.
  public var location: SourceLocation

  /// True for a snapshot of a live object rather than a manifest.
  public var isLive: Bool { uid != nil || resourceVersion != nil }

  static func decode(
    _ object: Field, defaultNamespace: String, clusterScoped: Bool = false
  ) throws(InputError) -> ObjectMeta {
    guard let meta = object.child("metadata") else {
      throw InputError("metadata: required field is missing", at: object.location)
    }
    try meta.requireMapping()
    guard let name = try meta.string("name"), !name.isEmpty else {
      throw InputError("metadata.name: required field is missing", at: meta.location)
    }
    let namespace = clusterScoped ? "" : (try meta.string("namespace")) ?? defaultNamespace
    return ObjectMeta(
      name: name,
      namespace: namespace,
      labels: try meta.child("labels")?.stringMap() ?? [:],
      uid: try meta.string("uid"),
      resourceVersion: try meta.string("resourceVersion"),
      terminating: meta.child("deletionTimestamp") != nil,
      location: object.location)
  }
}
