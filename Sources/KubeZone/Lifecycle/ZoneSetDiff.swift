/// The differences between two sets of zones, matched by origin.
public struct ZoneSetDiff: Sendable {
  /// One entry per zone on either side, in zone order of their origins.
  public var zones: [ZoneDiff]

  public init(zones: [ZoneDiff]) {
    self.zones = zones.sorted { ZoneOrder.namePrecedes($0.origin, $1.origin) }
  }

  /// Pairs the zones of `old` and `new` by origin.
  public init(old: [DomainName: [ResourceRecord]], new: [DomainName: [ResourceRecord]]) {
    let origins = Set(old.keys).union(new.keys)
    self.init(zones: origins.map { ZoneDiff(origin: $0, old: old[$0], new: new[$0]) })
  }

  public var hasChanges: Bool { zones.contains { !$0.isUnchanged } }
  public var addedCount: Int { zones.reduce(0) { $0 + $1.added.count } }
  public var removedCount: Int { zones.reduce(0) { $0 + $1.removed.count } }
  public var unchangedCount: Int { zones.filter(\.isUnchanged).count }

  /// `3 zones: 12 added, 4 removed, 1 zone unchanged`.
  public var summary: String {
    let n = zones.count
    let u = unchangedCount
    return "\(n) zone\(n == 1 ? "" : "s"): \(addedCount) added, \(removedCount) removed, "
      + "\(u) zone\(u == 1 ? "" : "s") unchanged"
  }
}
