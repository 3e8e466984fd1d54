/// The record-level difference between two versions of one zone.
///
/// The SOA serial is ignored (a serial bump alone is no change); any other
/// SOA field counts. Duplicate records count once, as DNS servers load them.
public struct ZoneDiff: Sendable {
  public enum Status: String, Sendable {
    case unchanged, changed
    /// Only in the new side.
    case added
    /// Only in the old side.
    case removed
  }

  public var origin: DomainName
  public var status: Status
  /// Records only in the new version, in `ZoneOrder`.
  public var added: [ResourceRecord]
  /// Records only in the old version, in `ZoneOrder`.
  public var removed: [ResourceRecord]

  /// Compares `old` (nil: the zone did not exist) with `new` (nil: it is gone).
  public init(origin: DomainName, old: [ResourceRecord]?, new: [ResourceRecord]?) {
    self.origin = origin
    let before = Self.keyed(old ?? [])
    let after = Self.keyed(new ?? [])
    added = after.filter { before[$0.key] == nil }.map(\.value).sorted(by: ZoneOrder.precedes)
    removed = before.filter { after[$0.key] == nil }.map(\.value).sorted(by: ZoneOrder.precedes)
    switch (old, new) {
    case (nil, _): status = .added
    case (_, nil): status = .removed
    default: status = added.isEmpty && removed.isEmpty ? .unchanged : .changed
    }
  }

  public var isUnchanged: Bool { status == .unchanged }

  /// True when the two record lists hold the same records, serial aside.
  public static func sameRecords(_ a: [ResourceRecord], _ b: [ResourceRecord]) -> Bool {
    Set(a.map(withoutSerial)) == Set(b.map(withoutSerial))
  }

  private static func keyed(_ records: [ResourceRecord]) -> [ResourceRecord: ResourceRecord] {
    var out: [ResourceRecord: ResourceRecord] = [:]
    for r in records { out[withoutSerial(r)] = r }
    return out
  }

  static func withoutSerial(_ r: ResourceRecord) -> ResourceRecord {
    guard case .soa(var soa) = r.data else { return r }
    soa.serial = 0
    return ResourceRecord(owner: r.owner, ttl: r.ttl, data: .soa(soa))
  }

  /// Removed and added records merged for display: RRset by RRset in zone
  /// order, the removed lines of an RRset before its added ones.
  public var lines: [(sign: Character, record: ResourceRecord)] {
    let all = removed.map { (sign: Character("-"), record: $0) } + added.map { (sign: Character("+"), record: $0) }
    return all.sorted { x, y in
      let a = x.record
      let b = y.record
      if a.owner != b.owner { return ZoneOrder.namePrecedes(a.owner, b.owner) }
      if a.type != b.type { return a.type < b.type }
      if x.sign != y.sign { return x.sign == "-" }
      return a.data < b.data
    }
  }
}
