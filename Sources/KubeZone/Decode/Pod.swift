/// A core/v1 Pod: what the endpoint controller and CoreDNS look at.
public struct Pod: Sendable, Hashable {
  public enum Phase: String, Sendable, Hashable {
    case pending = "Pending", running = "Running", succeeded = "Succeeded"
    case failed = "Failed", unknown = "Unknown"
  }

  public var meta: ObjectMeta
  public var hostname: String?
  public var subdomain: String?
  public var phase: Phase
  /// The `Ready` condition is `True`.
  public var isReady: Bool
  /// `status.podIPs`, else `[status.podIP]`; the first is the primary.
  public var ips: [IPAddress]
  public var containerPorts: [ContainerPort]
  /// `spec.nodeName`, read only for the public-name sources (NodePort
  /// services with `externalTrafficPolicy: Local`); a reference, so a pod
  /// grows by one pointer, not a string.
  public var node: PodNode? = nil

  public var nodeName: String? { node?.name }

  public struct ContainerPort: Sendable, Hashable {
    public var name: String?
    public var port: Int
    public var `protocol`: PortProtocol
  }

  /// The pod's port named `name` for `proto`, as the endpoint controller
  /// resolves a named targetPort.
  public func port(named name: String, protocol proto: PortProtocol) -> Int? {
    containerPorts.first { $0.name == name && $0.protocol == proto }?.port
  }
}
