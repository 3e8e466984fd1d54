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
  /// What only the public-name sources read; nil when they are off.
  public var publicFields: ServicePublicFields? = nil
}

/// A Service's annotations, external IPs, load balancer status and
/// traffic policy, for ExternalDNS's service source. A reference, so a
/// Service without them (public names off) grows by one pointer only.
public final class ServicePublicFields: Sendable, Hashable {
  public let annotations: [String: FieldText]
  /// `spec.externalIPs`.
  public let externalIPs: [FieldText]
  /// `status.loadBalancer.ingress`.
  public let loadBalancer: [LoadBalancerIngress]
  /// `spec.externalTrafficPolicy` is `Local` (NodePort and LoadBalancer).
  public let externalTrafficLocal: Bool

  init(annotations: [String: FieldText], externalIPs: [FieldText], loadBalancer: [LoadBalancerIngress], externalTrafficLocal: Bool) {
    self.annotations = annotations
    self.externalIPs = externalIPs
    self.loadBalancer = loadBalancer
    self.externalTrafficLocal = externalTrafficLocal
  }

  public static func == (a: ServicePublicFields, b: ServicePublicFields) -> Bool {
    a.annotations == b.annotations && a.externalIPs == b.externalIPs && a.loadBalancer == b.loadBalancer
      && a.externalTrafficLocal == b.externalTrafficLocal
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(annotations)
    hasher.combine(externalIPs)
  }
}

extension Service {
  public var annotations: [String: FieldText] { publicFields?.annotations ?? [:] }
  public var externalIPs: [FieldText] { publicFields?.externalIPs ?? [] }
  public var loadBalancer: [LoadBalancerIngress] { publicFields?.loadBalancer ?? [] }
  public var externalTrafficLocal: Bool { publicFields?.externalTrafficLocal ?? false }
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
