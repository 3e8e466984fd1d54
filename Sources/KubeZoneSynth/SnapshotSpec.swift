/// The size and shape of a synthetic cluster snapshot.
public struct SnapshotSpec: Sendable, Hashable {
  public var pods: Int
  public var services: Int
  /// Seeds every random choice: the same spec always gives the same bytes.
  public var seed: UInt64
  /// IPv4 and IPv6 addresses on every pod and service.
  public var dualStack: Bool
  /// Share of running pods whose Ready condition is False, in percent.
  public var notReadyPercent: Int

  public init(pods: Int, services: Int, seed: UInt64 = 1, dualStack: Bool = false, notReadyPercent: Int = 5) {
    self.pods = pods
    self.services = services
    self.seed = seed
    self.dualStack = dualStack
    self.notReadyPercent = notReadyPercent
  }
}

/// What a snapshot file holds. `all` is one List of services, then
/// EndpointSlices, then pods, as `kubectl get services,endpointslices,pods
/// -A -o json|yaml` prints it.
public enum SnapshotKind: String, Sendable, CaseIterable {
  case pods, services, endpointslices, all
}

/// The output format, as `kubectl get -o`.
public enum SnapshotFormat: String, Sendable, CaseIterable {
  case json, yaml
}
