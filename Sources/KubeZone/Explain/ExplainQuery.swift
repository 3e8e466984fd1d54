/// What `kubezone explain` is asked about: an owner name, or an address
/// (its A/AAAA records and its PTRs).
public enum ExplainQuery: Sendable, Hashable, CustomStringConvertible {
  case name(DomainName)
  case address(IPAddress)

  /// An address when the text is one, else a name (taken as absolute);
  /// nil when it is neither.
  public init?(_ text: String) {
    if let ip = IPAddress(text) {
      self = .address(ip)
    } else if !text.isEmpty, !text.contains("\\"), let name = try? DomainName(text), name != .root {
      self = .name(name)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .name(let n): n.description
    case .address(let ip): ip.description
    }
  }

  /// The address asked about, or the one a reverse name stands for.
  public var address: IPAddress? {
    switch self {
    case .address(let ip): ip
    case .name(let n): IPAddress(reverseName: n)
    }
  }

  /// The owners whose records answer the query: the name itself; for an
  /// address, its reverse name (the A/AAAA records holding it are found
  /// by their data).
  public var owner: DomainName {
    switch self {
    case .name(let n): n
    case .address(let ip): ip.reverseName
    }
  }
}

/// A forward name read the way cluster DNS builds them, so `explain` can
/// find the objects it nearly matches.
enum ClusterName: Equatable {
  /// `<svc>.<ns>.svc.<domain>`
  case service(namespace: String, name: String)
  /// `<label>.<svc>.<ns>.svc.<domain>`: an endpoint by hostname, pod name or dashed IP.
  case endpoint(label: String, namespace: String, service: String)
  /// `_<port>._<proto>.<svc>.<ns>.svc.<domain>`
  case port(port: String, proto: String, namespace: String, service: String)
  /// `<a-b-c-d>.<ns>.pod.<domain>`
  case pod(dashed: String, namespace: String)

  init?(_ name: DomainName, domain: DomainName) {
    guard name.isSubdomain(of: domain) else { return nil }
    let labels = name.labels.prefix(name.labelCount - domain.labelCount)
      .map { String(decoding: $0, as: UTF8.self).lowercased() }
    switch labels.count {
    case 3 where labels[2] == "svc":
      self = .service(namespace: labels[1], name: labels[0])
    case 3 where labels[2] == "pod":
      self = .pod(dashed: labels[0], namespace: labels[1])
    case 4 where labels[3] == "svc":
      self = .endpoint(label: labels[0], namespace: labels[2], service: labels[1])
    case 5 where labels[4] == "svc" && labels[0].hasPrefix("_") && labels[1].hasPrefix("_"):
      self = .port(port: String(labels[0].dropFirst()), proto: String(labels[1].dropFirst()), namespace: labels[3], service: labels[2])
    default:
      return nil
    }
  }

  /// The namespace and Service the name is under, if any.
  var service: (namespace: String, name: String)? {
    switch self {
    case .service(let ns, let name): (ns, name)
    case .endpoint(_, let ns, let svc), .port(_, _, let ns, let svc): (ns, svc)
    case .pod: nil
    }
  }
}
