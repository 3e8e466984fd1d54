/// Checks a zone against what DNS servers enforce when they load it, so a
/// zone that BIND or NSD would reject is never written.
public enum ZoneValidator {
  public static func validate(_ zone: Zone) throws(InputError) {
    var ttlByRRset: [RRsetKey: UInt32] = [:]
    var typesByOwner: [DomainName: Set<RRType>] = [:]
    for record in zone.allRecords {
      guard record.owner.isSubdomain(of: zone.origin) else {
        throw fail(zone, "\(record.owner) lies outside the zone")
      }
      if record.owner.labels.first == [UInt8(ascii: "*")] {
        throw fail(zone, "\(record.owner) is a wildcard owner, which cluster DNS never serves")
      }
      let key = RRsetKey(owner: record.owner, type: record.type)
      if let ttl = ttlByRRset[key], ttl != record.ttl {
        throw fail(zone, "\(record.owner) \(record.type.rawValue) has two TTLs, \(ttl) and \(record.ttl)")
      }
      ttlByRRset[key] = record.ttl
      typesByOwner[record.owner, default: []].insert(record.type)
    }
    for (owner, types) in typesByOwner where types.contains(.cname) && types.count > 1 {
      let others = types.subtracting([.cname]).sorted().map(\.rawValue).joined(separator: ", ")
      throw fail(zone, "\(owner) has a CNAME beside other data (\(others))")
    }
    for ns in zone.nameservers where ns.isSubdomain(of: zone.origin) {
      let types = typesByOwner[ns] ?? []
      if !types.contains(.a) && !types.contains(.aaaa) {
        throw fail(zone, "nameserver \(ns) lies inside the zone but has no address record")
      }
    }
  }

  private struct RRsetKey: Hashable {
    var owner: DomainName
    var type: RRType
  }

  private static func fail(_ zone: Zone, _ message: String) -> InputError {
    InputError("zone \(zone.origin): \(message)", at: nil)
  }
}
