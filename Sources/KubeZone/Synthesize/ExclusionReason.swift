/// Why something is not in the zones, in words, with a stable identifier
/// for `explain --format json` (documented in docs/explain.md).
public enum ExclusionReason: Sendable, Hashable, CustomStringConvertible {
  /// The endpoint is not ready (Pod condition, EndpointSlice condition,
  /// or `notReadyAddresses`); the detail says which.
  case notReady(String)
  /// The Pod has a `deletionTimestamp`.
  case terminating
  /// The Pod has finished (Succeeded or Failed): no endpoint.
  case podFinished(Pod.Phase)
  /// The Pod has no IP yet.
  case noPodIP
  /// The Pod has no container port named as the Service's targetPort.
  case noTargetPort(String)
  /// The address is of a family the Service does not serve.
  case ipFamily(IPAddress, [IPFamily])
  /// The Pod's labels do not match the Service's selector.
  case selectorMismatch(selector: String)
  /// The Service's endpoints come from EndpointSlices or Endpoints, which
  /// do not list the Pod.
  case notAnEndpoint(String)
  /// The endpoint has records, under another name than the one asked.
  case namedOtherwise(DomainName, String)
  /// The Pod sets a hostname, but its subdomain is not the Service's name.
  case subdomainMismatch(hostname: String, subdomain: String?)
  /// A name breaks Kubernetes' naming rules, or would be too long.
  case invalidName(String)
  /// A PTR falls outside every `--reverse-zone`.
  case outsideReverseZones([CIDR])
  /// A public name lies in none of the `--zone` zones.
  case outsidePublicZones([DomainName])
  /// A conflict between objects was settled for another one.
  case conflict(String)
  /// The Service has no (ready) endpoints in the input.
  case noEndpoints(String)
  /// The address is a cluster IP: its PTR names the Service, not the endpoint.
  case clusterIPPointer(IPAddress)
  /// The profile leaves this record family out.
  case profile(String)
  /// Pod records are written only with `--pod-records`.
  case podRecordsOff
  /// An ExternalName that is an IP address gets no record.
  case externalNameAddress(String)
  /// A filter option left the object out (issue 10 part 1 fills these).
  case filtered(filter: String, detail: String)

  public var id: String {
    switch self {
    case .notReady: "not-ready"
    case .terminating: "terminating"
    case .podFinished: "pod-finished"
    case .noPodIP: "no-pod-ip"
    case .noTargetPort: "no-target-port"
    case .ipFamily: "ip-family"
    case .selectorMismatch: "selector-mismatch"
    case .notAnEndpoint: "not-an-endpoint"
    case .namedOtherwise: "named-otherwise"
    case .subdomainMismatch: "subdomain-mismatch"
    case .invalidName: "invalid-name"
    case .outsideReverseZones: "outside-reverse-zones"
    case .outsidePublicZones: "outside-public-zones"
    case .conflict: "conflict"
    case .noEndpoints: "no-endpoints"
    case .clusterIPPointer: "cluster-ip-ptr"
    case .profile: "profile"
    case .podRecordsOff: "pod-records-off"
    case .externalNameAddress: "external-name-ip"
    case .filtered: "filtered"
    }
  }

  public var description: String {
    switch self {
    case .notReady(let detail): "not ready: \(detail)"
    case .terminating: "terminating (deletionTimestamp is set), so not a ready endpoint"
    case .podFinished(let phase): "finished (phase \(phase.rawValue)), so not an endpoint"
    case .noPodIP: "has no IP yet, so not an endpoint"
    case .noTargetPort(let name): "has no container port named '\(name.escapedForMessage)', the Service's targetPort, so not an endpoint"
    case .ipFamily(let ip, let families):
      "address \(ip) is not of the Service's ipFamilies (\(families.map(\.rawValue).joined(separator: ", ")))"
    case .selectorMismatch(let selector): "labels do not match the Service's selector \(selector)"
    case .notAnEndpoint(let detail): detail
    case .namedOtherwise(let name, let why): "the endpoint is named \(name) (\(why))"
    case .subdomainMismatch(let hostname, let subdomain):
      "sets hostname \(hostname.escapedForMessage) but "
        + (subdomain.map { "its subdomain is '\($0.escapedForMessage)', not the Service's name" } ?? "no subdomain")
        + ", so the endpoint is named by its address"
    case .invalidName(let message): "name skipped as invalid: \(message)"
    case .outsideReverseZones(let zones):
      "PTR outside every reverse zone (--reverse-zone \(zones.map(\.description).joined(separator: ", ")))"
    case .outsidePublicZones(let zones):
      "public name in no --zone (\(zones.map(\.description).joined(separator: ", "))), so skipped"
    case .conflict(let message): "conflict settled for another object: \(message)"
    case .noEndpoints(let detail): detail
    case .clusterIPPointer(let ip): "\(ip) is a cluster IP: its PTR names the Service, not the endpoint"
    case .profile(let detail): detail
    case .podRecordsOff: "pod records (<a-b-c-d>.<ns>.pod) are written only with --pod-records"
    case .externalNameAddress(let ip): "ExternalName \(ip.escapedForMessage) is an IP address; cluster DNS serves no record for it"
    case .filtered(let filter, let detail): "left out by \(filter): \(detail)"
    }
  }
}
