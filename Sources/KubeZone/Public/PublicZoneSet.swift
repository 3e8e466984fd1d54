/// The public zones of a run (`--zone`) and which one holds a name: the
/// longest that contains it, so with `example.com` and `dev.example.com`
/// the name `api.dev.example.com` lives in the second and `example.com`
/// only delegates `dev` to it.
public struct PublicZoneSet: Sendable {
  /// Each zone once, in zone-file order.
  public let origins: [DomainName]

  public init(_ zones: [DomainName]) {
    origins = zones.uniqued().sorted(by: ZoneOrder.namePrecedes)
  }

  /// The zone that holds `name`: the longest zone containing it; nil when
  /// it lies in no zone.
  public func zone(for name: DomainName) -> DomainName? {
    origins.filter { name.isSubdomain(of: $0) }.max { $0.labelCount < $1.labelCount }
  }

  /// The zone that delegates `zone`: the longest other zone containing it.
  public func parent(of zone: DomainName) -> DomainName? {
    origins.filter { $0 != zone && zone.isSubdomain(of: $0) }.max { $0.labelCount < $1.labelCount }
  }

  /// Why `zone` cannot sit beside a cluster domain, or nil when it can.
  /// The cluster zone is kubezone's alone: a public zone equal to it or
  /// holding it would publish the cluster's names, one inside it would
  /// split it.
  public static func problem(_ zone: DomainName, clusterDomain domain: DomainName) -> String? {
    if zone == domain {
      return "--zone \(zone) is the cluster domain; the cluster zone is written already. Public names need a zone of their own, or pass another --domain"
    }
    if domain.isSubdomain(of: zone) {
      return "--zone \(zone) contains the cluster domain \(domain), whose names must not be published; pass another --domain (one outside \(zone)) or a narrower --zone"
    }
    if zone.isSubdomain(of: domain) {
      return "--zone \(zone) lies inside the cluster domain \(domain); the cluster zone holds every name under it. Choose a zone outside it, or pass another --domain"
    }
    return nil
  }

  /// Why `zone` cannot sit beside the reverse zone `reverse`, or nil.
  public static func problem(_ zone: DomainName, reverseZone reverse: DomainName) -> String? {
    guard zone.isSubdomain(of: reverse) || reverse.isSubdomain(of: zone) else { return nil }
    let how = zone == reverse ? "is" : zone.isSubdomain(of: reverse) ? "lies inside" : "contains"
    return "--zone \(zone) \(how) the reverse zone \(reverse), which kubezone writes from the cluster's PTRs; choose a zone that does not overlap it (or other --reverse-zone values)"
  }
}
