/// One resource record: owner, TTL, class IN (implied) and typed data.
public struct ResourceRecord: Sendable, Hashable {
  public var owner: DomainName
  public var ttl: UInt32
  public var data: RData

  public init(owner: DomainName, ttl: UInt32, data: RData) {
    self.owner = owner
    self.ttl = ttl
    self.data = data
  }

  public var type: RRType { data.type }
}

extension ResourceRecord: Comparable {
  /// Zone order: owner in canonical order, then type, then data. The TTL
  /// is not part of the order: one RRset has one TTL.
  public static func < (a: ResourceRecord, b: ResourceRecord) -> Bool {
    if a.owner != b.owner { return a.owner < b.owner }
    if a.type != b.type { return a.type < b.type }
    if a.data != b.data { return a.data < b.data }
    return a.ttl < b.ttl
  }
}
