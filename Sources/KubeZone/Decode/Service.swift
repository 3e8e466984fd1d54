/// A core/v1 Service, with API defaults applied.
public struct Service: Sendable, Hashable {
  public enum ServiceType: String, Sendable, Hashable {
    case clusterIP = "ClusterIP"
    case nodePort = "NodePort"
    case loadBalancer = "LoadBalancer"
    case externalName = "ExternalName"
  }

  public var meta: ObjectMeta
  public var type: ServiceType
  /// `spec.clusterIPs`, else `[spec.clusterIP]`; empty when the manifest
  /// has none (the API server would allocate them).
  public var clusterIPs: [IPAddress]
  public var isHeadless: Bool
  public var externalName: String?
  /// nil when the service has no selector (its endpoints come from
  /// Endpoints or EndpointSlices made by hand).
  public var selector: [String: String]?
  public var ports: [ServicePort]
  public var publishNotReadyAddresses: Bool
  public var ipFamilies: [IPFamily]
  // Read only for the public-name sources (ExternalDNS's service source).
  /// `spec.externalIPs`.
  public var externalIPs: [FieldText] = []
  /// `status.loadBalancer.ingress`.
  public var loadBalancer: [LoadBalancerIngress] = []
  /// `spec.externalTrafficPolicy` is `Local` (NodePort and LoadBalancer).
  public var externalTrafficLocal = false
}

public enum IPFamily: String, Sendable, Hashable {
  case ipv4 = "IPv4"
  case ipv6 = "IPv6"

  public func contains(_ ip: IPAddress) -> Bool { ip.isIPv6 == (self == .ipv6) }
}

/// A transport protocol of a port; the SRV label is `_tcp`, `_udp`, `_sctp`.
public enum PortProtocol: String, Sendable, Hashable {
  case tcp = "TCP"
  case udp = "UDP"
  case sctp = "SCTP"

  public var label: String { "_" + rawValue.lowercased() }
}

public struct ServicePort: Sendable, Hashable {
  public enum Target: Sendable, Hashable {
    case number(Int)
    case name(String)
  }

  public var name: String?
  public var port: Int
  public var `protocol`: PortProtocol
  public var targetPort: Target
  public var location: SourceLocation
  /// `nodePort`, read only for the public-name sources.
  public var nodePort: Int? = nil
}

extension Service {
  /// The selector as kubectl writes it: `app=web,tier=front`, keys sorted.
  public var selectorText: String {
    (selector ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
  }
}
