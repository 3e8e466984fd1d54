/// Collects records as a set and finishes SRV RRsets.
///
/// SRV weights depend on the size of the final RRset (all records of one
/// RRset share priority 0 and weight max(1, floor(100/n))), so SRV data is
/// collected with weight 0 and weighted once the set is complete.
struct RecordSink {
  let ttl: UInt32
  private var seen: Set<ResourceRecord> = []
  private var records: [ResourceRecord] = []

  init(ttl: UInt32) {
    self.ttl = ttl
  }

  mutating func add(_ owner: DomainName, _ data: RData, ttl: UInt32? = nil) {
    let record = ResourceRecord(owner: owner, ttl: ttl ?? self.ttl, data: data)
    if seen.insert(record).inserted { records.append(record) }
  }

  /// Adds `other`'s records after these, each still once.
  mutating func add(contentsOf other: RecordSink) {
    for record in other.records where seen.insert(record).inserted { records.append(record) }
  }

  /// The records in the order first added; weights set in place, the
  /// set freed first, so the records are never held twice.
  consuming func finish() -> [ResourceRecord] {
    seen = []
    var srvCount: [DomainName: Int] = [:]
    for r in records where r.type == .srv { srvCount[r.owner, default: 0] += 1 }
    for i in records.indices {
      guard case .srv(var srv) = records[i].data, let n = srvCount[records[i].owner] else { continue }
      srv.weight = UInt16(max(1, 100 / n))
      records[i].data = .srv(srv)
    }
    return records
  }
}
