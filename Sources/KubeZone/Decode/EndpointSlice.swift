/// A discovery.k8s.io EndpointSlice (v1 or v1beta1).
public struct EndpointSlice: Sendable, Hashable {
  public var meta: ObjectMeta
  /// The `kubernetes.io/service-name` label.
  public var serviceName: String?
  public var endpoints: [Endpoint]
  public var ports: [Port]

  public struct Endpoint: Sendable, Hashable {
    public var addresses: [IPAddress]
    /// `conditions.ready`; absent means ready.
    public var isReady: Bool
    public var hostname: String?
    /// `targetRef.name` when the target is a Pod.
    public var podName: String?
  }

  public struct Port: Sendable, Hashable {
    public var name: String?
    public var port: Int?
    public var `protocol`: PortProtocol
  }
}
