/// Counts the RRsets a zone serves for the safety guards.
///
/// The SOA and the apex NS RRset are left out: every zone has them, so
/// they would make an empty zone look like one with data.
public enum RRsetCount {
  public struct Key: Sendable, Hashable {
    public var owner: DomainName
    public var type: RRType
  }

  public static func keys(_ records: [ResourceRecord], origin: DomainName) -> Set<Key> {
    var keys: Set<Key> = []
    for r in records where r.type != .soa && !(r.type == .ns && r.owner == origin) {
      keys.insert(Key(owner: r.owner, type: r.type))
    }
    return keys
  }

  public static func count(_ records: [ResourceRecord], origin: DomainName) -> Int {
    keys(records, origin: origin).count
  }

  /// RRsets over a run's new zones.
  public static func count(_ zones: [Zone]) -> Int {
    zones.reduce(0) { $0 + count($1.allRecords, origin: $1.origin) }
  }
}
