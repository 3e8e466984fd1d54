/// One address behind a service, as cluster DNS sees it.
public struct ResolvedEndpoint: Sendable, Hashable {
  public var ip: IPAddress
  public var isReady: Bool
  /// The endpoint's own hostname (StatefulSet pods, hand-made Endpoints).
  public var hostname: String?
  /// The pod behind the address, for `--endpoint-pod-names`.
  public var podName: String?
  public var ports: [Port]
  /// The object the address came from (EndpointSlice, Endpoints or Pod),
  /// so a bad hostname is reported where it is written.
  public var source: SourceLocation
  /// That object's kind and name, for `explain`; its namespace is the
  /// service's.
  public var sourceKind: SourceKind
  public var sourceName: String

  public enum SourceKind: String, Sendable, Hashable {
    case endpointSlice = "EndpointSlice", endpoints = "Endpoints", pod = "Pod"
  }

  public struct Port: Sendable, Hashable {
    public var name: String?
    public var port: Int
    public var `protocol`: PortProtocol
  }
}
