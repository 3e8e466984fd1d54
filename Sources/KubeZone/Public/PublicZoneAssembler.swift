/// Builds the public zones from merged RRsets and hand-kept records: each
/// record in the longest zone holding it, an SOA and NS at each apex, the
/// delegation of each nested zone in its parent, then the same checks as
/// every zone.
///
/// Defaults (docs/public-zones.md): NS `--nameserver` names, else
/// `ns.<zone>` with the address of `--nameserver-address` or 127.0.0.1;
/// SOA mname the first NS, rname `hostmaster.<zone>`, refresh 3600, retry
/// 600, expire 1209600 (two weeks), minimum the zone's TTL. A static apex
/// NS set replaces the NS; a static apex SOA gives mname, rname and
/// timers (the serial stays kubezone's).
public struct PublicZoneAssembler: Sendable {
  public var zones: PublicZoneSet
  public var ttl: UInt32
  public var serial: UInt32
  public var nameservers: [DomainName]
  public var nameserverAddresses: [IPAddress]

  public static let refresh: UInt32 = 3600
  public static let retry: UInt32 = 600
  public static let expire: UInt32 = 1_209_600

  public init(
    zones: PublicZoneSet, ttl: UInt32, serial: UInt32 = 1, nameservers: [DomainName] = [],
    nameserverAddresses: [IPAddress] = []
  ) {
    self.zones = zones
    self.ttl = ttl
    self.serial = serial
    self.nameservers = nameservers
    self.nameserverAddresses = nameserverAddresses
  }

  public struct Result: Sendable {
    /// In zone order.
    public var zones: [Zone]
    /// Records the sources gave each zone (after merging), and the static ones.
    public var generated: [DomainName: Int]
    public var statics: [DomainName: Int]
  }

  public func assemble(_ rrsets: [PublicRRset], statics: [StaticRecord]) throws(InputError) -> Result {
    var apex = StaticApex()
    var kept: [StaticRecord] = []
    for s in statics {
      if try !apex.take(s, zones: zones) { kept.append(s) }
    }
    let records = try StaticCollisionCheck.combine(rrsets, kept)
    var byZone: [DomainName: [ResourceRecord]] = [:]
    var generated: [DomainName: Int] = [:]
    var staticCounts: [DomainName: Int] = [:]
    for set in rrsets {
      if let z = zones.zone(for: set.owner) { generated[z, default: 0] += set.data.count }
    }
    for s in kept {
      if let z = zones.zone(for: s.record.owner) { staticCounts[z, default: 0] += 1 }
    }
    for r in records {
      if let z = zones.zone(for: r.owner) { byZone[z, default: []].append(r) }
    }
    var built: [DomainName: Zone] = [:]
    for origin in zones.origins {
      var zoneRecords = byZone[origin] ?? []
      let ns = try nameservers(for: origin, apex: apex, records: &zoneRecords)
      built[origin] = Zone(
        origin: origin, ttl: ttl, soa: soa(for: origin, nameservers: ns, apex: apex), nameservers: ns,
        records: zoneRecords)
    }
    delegate(&built)
    var out: [Zone] = []
    for origin in zones.origins {
      guard var zone = built[origin] else { continue }
      zone.records = ZoneOrder.sorted(zone.records.uniqued())
      try ZoneValidator.validate(zone, allowWildcards: true)
      out.append(zone)
    }
    return Result(zones: out, generated: generated, statics: staticCounts)
  }

  /// The apex NS: a static set, else `--nameserver`, else `ns.<zone>`; an
  /// in-zone one without an address gets `--nameserver-address` (or
  /// 127.0.0.1 for the default name).
  private func nameservers(
    for origin: DomainName, apex: StaticApex, records: inout [ResourceRecord]
  ) throws(InputError) -> [DomainName] {
    if let set = apex.nameservers[origin] { return set }
    var names = nameservers
    var fallback: [IPAddress] = []
    if names.isEmpty {
      guard let ns = try? origin.prepending("ns") else {
        throw InputError("--zone \(origin) is too long to hold its nameserver ns.\(origin); pass --nameserver", at: nil)
      }
      names = [ns]
      fallback = [ZoneOptions.fallbackNameserverAddress]
    }
    for name in names where zones.zone(for: name) == origin {
      if records.contains(where: { $0.owner == name && ($0.type == .a || $0.type == .aaaa) }) { continue }
      let addresses = nameserverAddresses.isEmpty ? fallback : nameserverAddresses
      guard !addresses.isEmpty else {
        throw InputError(
          "nameserver \(name) lies inside the public zone \(origin) but has no address: pass --nameserver-address, "
            + "or give its A record in a --static file", at: nil)
      }
      records += addresses.map { ResourceRecord(owner: name, ttl: ttl, data: .address($0)) }
    }
    return names
  }

  private func soa(for origin: DomainName, nameservers: [DomainName], apex: StaticApex) -> SOA {
    if let given = apex.soa[origin] {
      var soa = given
      soa.serial = serial
      return soa
    }
    let rname = (try? origin.prepending("hostmaster")) ?? origin
    return SOA(
      mname: nameservers.first ?? origin, rname: rname, serial: serial, refresh: Self.refresh,
      retry: Self.retry, expire: Self.expire, minimum: ttl)
  }

  /// Each nested zone's NS set in its parent, with glue: the child's
  /// addresses of each nameserver that lies inside the child (RFC 1034
  /// §4.2.1), without which a resolver could not reach it.
  private func delegate(_ built: inout [DomainName: Zone]) {
    for origin in zones.origins {
      guard let parent = zones.parent(of: origin), let child = built[origin] else { continue }
      var added: [ResourceRecord] = []
      for ns in child.nameservers {
        added.append(ResourceRecord(owner: origin, ttl: child.ttl, data: .ns(ns)))
        guard ns.isSubdomain(of: origin) else { continue }
        added += child.records.filter { $0.owner == ns && ($0.type == .a || $0.type == .aaaa) }
      }
      built[parent]?.records += added
    }
  }
}
