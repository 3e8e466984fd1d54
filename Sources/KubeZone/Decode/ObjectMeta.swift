/// The parts of `metadata` that kubezone uses.
public struct ObjectMeta: Sendable, Hashable {
  public var name: String
  public var namespace: String
  public var labels: [String: String]
  /// True for a snapshot of a live object rather than a manifest: it has a
  /// `uid` or a `resourceVersion`, which only the API server sets. Only
  /// that fact is kept (a pod's uid alone was 7 MB at 150k pods).
  public var isLive: Bool
  public var terminating: Bool
  /// Where the object starts, for messages.
  public var location: SourceLocation

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
    // Both are read, so a wrong type in either is reported.
    let uid = try meta.string("uid")
    let resourceVersion = try meta.string("resourceVersion")
    return ObjectMeta(
      name: name,
      namespace: namespace,
      labels: try meta.child("labels")?.stringMap() ?? [:],
      isLive: uid != nil || resourceVersion != nil,
      terminating: meta.child("deletionTimestamp") != nil,
      location: object.location)
  }
}
