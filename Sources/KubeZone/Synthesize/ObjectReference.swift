/// An object as `explain` names it: kind, namespace/name, and where its
/// definition starts.
public struct ObjectReference: Sendable, Hashable, CustomStringConvertible {
  public var kind: String
  /// Empty for cluster-scoped objects (Namespace).
  public var namespace: String
  public var name: String
  public var location: SourceLocation

  public init(kind: String, namespace: String, name: String, location: SourceLocation) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.location = location
  }

  init(_ kind: String, _ meta: ObjectMeta) {
    self.init(kind: kind, namespace: meta.namespace, name: meta.name, location: meta.location)
  }

  init(_ service: Service) { self.init("Service", service.meta) }
  init(_ pod: Pod) { self.init("Pod", pod.meta) }

  /// The identity `Inventory` de-duplicates by.
  public var key: ObjectKey { ObjectKey(kind: kind, namespace: namespace, name: name) }

  /// `Service test/web (web.yaml:1:1)`
  public var description: String { "\(key) (\(location))" }
}
