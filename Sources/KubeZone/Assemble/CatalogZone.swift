/// An RFC 9432 catalog zone (schema version 2) listing the zones of a run,
/// so secondaries (BIND 9.18 `catalog-zones`, Knot `catalog-role:
/// interpret`) learn which zones exist without being configured per zone.
///
///     catalog.kubezone.invalid.  SOA invalid. invalid. ...
///     catalog.kubezone.invalid.  NS  invalid.
///     version.catalog.kubezone.invalid.  TXT "2"
///     <sha1>.zones.catalog.kubezone.invalid.  PTR cluster.local.
///
/// A member's label is the SHA-1 of its lower-case wire-format name (the
/// RFC's suggestion): the same zone keeps its label across runs and
/// machines, so a secondary never sees a member change identity, and the
/// catalog's records (and serial) change only when the member set does.
public enum CatalogZone {
  /// The default `--catalog-zone`: under `invalid.` (RFC 9432 §4), since
  /// a catalog is for transfers between servers, not for resolvers.
  public static let defaultName = "catalog.kubezone.invalid."

  /// The catalog zone for `members`; SOA timers and TTL from the first
  /// member (all of a run's zones share them), else the zone defaults.
  public static func make(name: DomainName, members: [Zone]) throws(DomainNameError) -> Zone {
    let invalid = try DomainName("invalid.")
    let template = members.first
    let ttl = template?.ttl ?? 30
    let soa = SOA(
      mname: invalid, rname: invalid, serial: 0,
      refresh: template?.soa.refresh ?? 3600, retry: template?.soa.retry ?? 600,
      expire: template?.soa.expire ?? 86400, minimum: template?.soa.minimum ?? ttl)
    let zonesLabel = try name.prepending("zones")
    var records = [
      ResourceRecord(owner: try name.prepending("version"), ttl: ttl, data: .txt([CharacterString(Array("2".utf8))].compactMap { $0 }))
    ]
    for member in members where member.origin != name {
      records.append(ResourceRecord(owner: try zonesLabel.prepending(label(for: member.origin)), ttl: ttl, data: .ptr(member.origin)))
    }
    records.sort(by: ZoneOrder.precedes)
    return Zone(origin: name, ttl: ttl, soa: soa, nameservers: [invalid], records: records)
  }

  /// True for a label of ASCII letters, digits, `-` and `_`: a catalog
  /// name made of these is safe as a file name and in every configuration.
  public static func isPlain(_ label: [UInt8]) -> Bool {
    label.allSatisfy { b in
      (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x5F
    }
  }

  /// The member label: SHA-1 of the name's lower-case wire format, in hex.
  public static func label(for zone: DomainName) -> String {
    var wire: [UInt8] = []
    for label in zone.labels {
      wire.append(UInt8(label.count))
      wire += label.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
    wire.append(0)
    return SHA1.hex(wire)
  }
}
