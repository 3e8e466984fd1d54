/// What a zone file holds: its records, fully qualified, in file order.
public struct ZoneFileContents: Sendable {
  /// The zone's apex: the SOA owner, else the last `$ORIGIN`, else the
  /// origin the reader was given.
  public var origin: DomainName?
  public var records: [ResourceRecord]

  public init(origin: DomainName?, records: [ResourceRecord]) {
    self.origin = origin
    self.records = records
  }

  /// The SOA record, if the file has one.
  public var soa: SOA? {
    for r in records { if case .soa(let s) = r.data { return s } }
    return nil
  }
}
