/// One zone ready to write: its apex SOA and NS, and every other record.
///
/// `records` holds everything but the SOA and the apex NS RRset (those
/// come from the zone header template), sorted in `ZoneOrder`, without
/// duplicates.
public struct Zone: Sendable, Equatable {
  public var origin: DomainName
  /// The default TTL (`$TTL`) and the TTL of the SOA and NS records.
  public var ttl: UInt32
  public var soa: SOA
  public var nameservers: [DomainName]
  public var records: [ResourceRecord]

  public init(
    origin: DomainName, ttl: UInt32, soa: SOA, nameservers: [DomainName],
    records: [ResourceRecord]
  ) {
    self.origin = origin
    self.ttl = ttl
    self.soa = soa
    self.nameservers = nameservers
    self.records = records
  }

  /// The file name the zone is written to: `<origin without dot>.zone`.
  public var fileName: String { origin.zoneFileName }

  /// Every record of the zone, SOA and apex NS included.
  public var allRecords: [ResourceRecord] { apexRecords + records }

  /// The SOA and apex NS records: what the header template writes.
  public var apexRecords: [ResourceRecord] {
    [ResourceRecord(owner: origin, ttl: ttl, data: .soa(soa))]
      + nameservers.map { ResourceRecord(owner: origin, ttl: ttl, data: .ns($0)) }
  }
}
