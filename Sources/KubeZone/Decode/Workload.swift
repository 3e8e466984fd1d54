/// An apps/v1 controller (StatefulSet, Deployment, ReplicaSet, DaemonSet),
/// decoded only for diagnostics such as a StatefulSet whose pods are missing.
public struct Workload: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case statefulSet = "StatefulSet", deployment = "Deployment"
    case replicaSet = "ReplicaSet", daemonSet = "DaemonSet"
  }

  public var kind: Kind
  public var meta: ObjectMeta
  public var selector: [String: String]
  public var replicas: Int?
  /// StatefulSet `spec.serviceName`: the headless service its pods use.
  public var serviceName: String?
}
