/// Checks a zone against what DNS servers enforce when they load it, so a
/// zone that BIND or NSD would reject is never written.
public enum ZoneValidator {
  /// `allowWildcards`: public zones may hold `*.` owners (ExternalDNS's
  /// wildcard hostnames); cluster DNS never serves one.
  public static func validate(_ zone: Zone, allowWildcards: Bool = false) throws(InputError) {
    try validate(zone, allowWildcards: allowWildcards, sorted: false)
  }

  /// `sorted`: the records are in `ZoneOrder` (the assemblers sort each
  /// zone just before), so each owner's records are adjacent, the apex's
  /// first, and an owner is told by comparing it with the one before,
  /// without a table of every owner.
  static func validate(_ zone: Zone, allowWildcards: Bool = false, sorted: Bool) throws(InputError) {
    // One entry per owner, its types as bits and a TTL per type in flat
    // arrays, and no copy of the records: this runs over every record of
    // large zones.
    var owners: [DomainName: Int] = [:]
    if !sorted { owners.reserveCapacity(zone.records.count / 2) }
    var names: [DomainName] = []
    var types: [UInt16] = []
    var ttls: [UInt32] = []
    let slots = RRType.allCases.count
    func check(_ record: ResourceRecord) throws(InputError) {
      guard record.owner.isSubdomain(of: zone.origin) else {
        throw fail(zone, "\(record.owner) lies outside the zone")
      }
      if !allowWildcards, record.owner.hasFirstLabel([UInt8(ascii: "*")]) {
        throw fail(zone, "\(record.owner) is a wildcard owner, which cluster DNS never serves")
      }
      let i: Int
      if sorted, let last = names.last, last == record.owner {
        i = names.count - 1
      } else if !sorted, let known = owners[record.owner] {
        i = known
      } else {
        i = names.count
        if !sorted { owners[record.owner] = i }
        names.append(record.owner)
        types.append(0)
        ttls.append(contentsOf: repeatElement(0, count: slots))
      }
      let bit = record.type.bit
      let slot = i * slots + bit.trailingZeroBitCount
      if types[i] & bit != 0 {
        if ttls[slot] != record.ttl {
          throw fail(zone, "\(record.owner) \(record.type.rawValue) has two TTLs, \(ttls[slot]) and \(record.ttl)")
        }
      } else {
        types[i] |= bit
        ttls[slot] = record.ttl
      }
    }
    try check(ResourceRecord(owner: zone.origin, ttl: zone.ttl, data: .soa(zone.soa)))
    for ns in zone.nameservers { try check(ResourceRecord(owner: zone.origin, ttl: zone.ttl, data: .ns(ns))) }
    for record in zone.records { try check(record) }
    let cname = RRType.cname.bit
    // The first such owner in the zone's order.
    for i in types.indices where types[i] & cname != 0 && types[i] != cname {
      let others = RRType.allCases.filter { $0 != .cname && types[i] & $0.bit != 0 }.map(\.rawValue).joined(separator: ", ")
      throw fail(zone, "\(names[i]) has a CNAME beside other data (\(others))")
    }
    for ns in zone.nameservers where ns.isSubdomain(of: zone.origin) {
      let t = (sorted ? names.firstIndex(of: ns) : owners[ns]).map { types[$0] } ?? 0
      if t & (RRType.a.bit | RRType.aaaa.bit) == 0 {
        throw fail(zone, "nameserver \(ns) lies inside the zone but has no address record")
      }
    }
  }

  private static func fail(_ zone: Zone, _ message: String) -> InputError {
    InputError("zone \(zone.origin): \(message)", at: nil)
  }
}
