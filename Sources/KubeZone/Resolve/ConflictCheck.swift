/// Finds objects that contradict each other in ways that would make a zone
/// wrong or unloadable, reports each where it is written, and settles it the
/// same way every run; with `strict`, a conflict fails the run instead.
///
/// - The same Service or Pod defined twice with different addresses: the
///   definition `Inventory` keeps (a live object over a manifest, else the
///   later one) is used, and the warning names both.
/// - Two Services with one cluster IP: both keep their address records;
///   the reverse name points only at the first, as it must hold one PTR.
/// - A Pod whose IP is a cluster IP: the PTR names the service.
/// - A CNAME beside other data at one owner, or ExternalName CNAMEs that
///   loop inside the zone: those CNAMEs are dropped
///   (`ConflictCheck+Records.swift`).
struct ConflictCheck: Sendable {
  let strict: Bool
  /// Pods or records one core takes at least when a pass is split over
  /// all cores (tests lower it to check that splitting changes nothing).
  var minimumSplit = 8192

  /// Reports `object` when it redefines `previous` (the definition kept
  /// so far under the same key) with different addresses. `Inventory`
  /// calls it as it settles duplicates, so the two agree on which is kept.
  func duplicate(
    _ object: KubernetesObject, of previous: KubernetesObject, keepPrevious: Bool, log: inout DiagnosticLog
  ) throws(InputError) {
    guard let (what, here, there) = Self.difference(object, previous) else { return }
    let kept = keepPrevious ? previous.meta.location : object.meta.location
    try report(
      "\(object.key) is defined twice with different \(what): \(here) here, \(there) at \(previous.meta.location); the one at \(kept) is used",
      at: object.meta.location, &log)
  }

  /// What differs between two definitions, if it changes the records:
  /// (field, value in `a`, value in `b`). A field one of them leaves out
  /// (a manifest without `clusterIP`) is no conflict.
  static func difference(_ a: KubernetesObject, _ b: KubernetesObject) -> (String, String, String)? {
    switch (a, b) {
    case (.service(let x), .service(let y)):
      if let p = addresses(x), let q = addresses(y), p != q { return ("cluster IPs", p, q) }
      if let p = x.externalName, let q = y.externalName, p != q {
        return ("externalName", "'\(p.escapedForMessage)'", "'\(q.escapedForMessage)'")
      }
    case (.pod(let x), .pod(let y)):
      if !x.ips.isEmpty, !y.ips.isEmpty, x.ips != y.ips {
        return ("IPs", x.ips.map(\.description).joined(separator: ","), y.ips.map(\.description).joined(separator: ","))
      }
    default:
      break
    }
    return nil
  }

  private static func addresses(_ s: Service) -> String? {
    if s.isHeadless { return "None" }
    return s.clusterIPs.isEmpty ? nil : s.clusterIPs.map(\.description).joined(separator: ",")
  }

  /// Each service's `base`, on all cores: the check built a name for each
  /// of thousands of services twice, on one core.
  func bases(of services: [Service], domain: DomainName) -> [DomainName?] {
    ParallelMap.build(count: services.count, minimum: minimumServiceSplit) { Self.base(of: services[$0], domain: domain) }
  }

  /// Services (or their cluster IPs) one core takes at least: each costs
  /// a name built, far more than a pod's or a record's pass.
  var minimumServiceSplit: Int { min(minimumSplit, 256) }

  /// The Service that owns each cluster IP, by its position in
  /// `inventory.services`: the first whose records are written (whose
  /// `bases` entry is a name). Later claimants and Pods using a cluster IP
  /// are reported. Positions, not services: a copy of each would retain
  /// its fields.
  func clusterIPOwners(
    _ inventory: Inventory, bases: [DomainName?], log: inout DiagnosticLog
  ) throws(InputError) -> [IPAddress: Int] {
    var owners: [IPAddress: Int] = [:]
    let services = inventory.services
    // ExternalName services get no address records, whatever they list.
    for (i, service) in services.enumerated() where service.type != .externalName && bases[i] != nil {
      for ip in service.clusterIPs {
        guard let first = owners[ip].map({ services[$0].meta }) else {
          owners[ip] = i
          continue
        }
        try report(
          "cluster IP \(ip) of Service \(service.meta.namespace)/\(service.meta.name) is also the cluster IP of Service \(first.namespace)/\(first.name) at \(first.location); its PTR names only that one",
          at: service.meta.location, &log)
      }
    }
    // Pods on all cores, reported in pod order. By index: a `for pod in`
    // copy would retain each pod's fields.
    let table = owners
    let pods = inventory.pods
    let hits = ParallelMap.map(ParallelMap.ranges(pods.count, minimum: minimumSplit)) { range in
      var found: [(pod: Int, ip: IPAddress)] = []
      for i in range {
        for ip in pods[i].ips where table[ip] != nil { found.append((i, ip)) }
      }
      return found
    }
    for (i, ip) in hits.joined() {
      if let owner = owners[ip] {
        let pod = pods[i].meta, service = services[owner].meta
        try report(
          "Pod \(pod.namespace)/\(pod.name) has the address \(ip), the cluster IP of Service \(service.namespace)/\(service.name) at \(service.location); the PTR of \(ip) names the service",
          at: pod.location, &log)
      }
    }
    return owners
  }

  /// `<svc>.<ns>.svc.<domain>` when the service's names are valid (the
  /// synthesizer writes records only for those).
  static func base(of service: Service, domain: DomainName) -> DomainName? {
    guard NameRules.isDNS1035Label(service.meta.name), NameRules.isDNS1123Label(service.meta.namespace)
    else { return nil }
    return try? domain.prepending([service.meta.name, service.meta.namespace, "svc"])
  }

  func report(_ message: String, at location: SourceLocation?, _ log: inout DiagnosticLog) throws(InputError) {
    if strict { throw InputError(message + " (--strict)", at: location) }
    log.warn(message, at: location)
  }
}
