/// Collects records as a set and finishes SRV RRsets.
///
/// SRV weights depend on the size of the final RRset (all records of one
/// RRset share priority 0 and weight max(1, floor(100/n))), so SRV data is
/// collected with weight 0 and weighted once the set is complete.
///
/// With provenance on, each record's origins are kept beside it, and the
/// synthesizer's exclusions too; off (as for `generate`), an origin is
/// never built: `add` takes it as an autoclosure.
struct RecordSink {
  let ttl: UInt32
  private var records: [ResourceRecord] = []
  /// nil unless provenance was asked for.
  private(set) var provenance: ProvenanceLog?
  /// The set of records without a second copy of them: an open-addressed
  /// table (a power of two long) of positions in `records` plus one (0 is
  /// empty), and each record's hash for growing it. A `Set` of 371k
  /// records held 29 MB more at 150k pods.
  private var slots: [Int32] = []
  private var hashes: [Int] = []

  init(ttl: UInt32, provenance: Bool = false) {
    self.ttl = ttl
    if provenance { self.provenance = ProvenanceLog() }
  }

  var recordsProvenance: Bool { provenance != nil }

  mutating func add(
    _ owner: DomainName, _ data: RData, ttl: UInt32? = nil, origin: @autoclosure () -> RecordOrigin
  ) {
    let i = insert(ResourceRecord(owner: owner, ttl: ttl ?? self.ttl, data: data))
    if provenance != nil { provenance?.note([origin()], at: i) }
  }

  /// Notes something left out, when provenance is on.
  mutating func exclude(_ exclusion: @autoclosure () -> Exclusion) {
    if provenance != nil { provenance?.exclusions.append(exclusion()) }
  }

  /// Adds `other`'s records after these, each still once.
  mutating func add(contentsOf other: RecordSink) {
    for k in other.records.indices {
      let i = insert(other.records[k], hash: other.hashes[k])
      if let theirs = other.provenance { provenance?.note(theirs.origins[k], at: i) }
    }
    if let theirs = other.provenance { provenance?.exclusions += theirs.exclusions }
  }

  /// The record's position in `records`, added or found.
  /// `hash` is `record.hashValue`, when the caller has it already (a
  /// slice's sink computed it for each of its records).
  @discardableResult
  private mutating func insert(_ record: ResourceRecord, hash known: Int? = nil) -> Int {
    if (records.count + 1) * 4 > slots.count * 3 { grow() }
    let hash = known ?? record.hashValue
    let mask = slots.count - 1
    var i = hash & mask
    while slots[i] != 0 {
      let j = Int(slots[i]) - 1
      if hashes[j] == hash && records[j] == record { return j }
      i = (i + 1) & mask
    }
    slots[i] = Int32(truncatingIfNeeded: records.count + 1)
    records.append(record)
    hashes.append(hash)
    return records.count - 1
  }

  private mutating func grow() {
    let size = max(64, slots.count * 2)
    slots = [Int32](repeating: 0, count: size)
    for (j, hash) in hashes.enumerated() {
      var i = hash & (size - 1)
      while slots[i] != 0 { i = (i + 1) & (size - 1) }
      slots[i] = Int32(truncatingIfNeeded: j + 1)
    }
  }

  /// The records in the order first added; weights set in place, the
  /// table freed first, so nothing is held twice. With provenance on,
  /// read `provenance` first: its origins are in the same order.
  consuming func finish() -> [ResourceRecord] {
    slots = []
    hashes = []
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

/// What a sink keeps when provenance is on.
struct ProvenanceLog: Sendable {
  /// The origins of each record, in the sink's record order.
  var origins: [[RecordOrigin]] = []
  var exclusions: [Exclusion] = []

  /// Adds `more` to record `i`'s origins (a new record when `i` is past the end).
  mutating func note(_ more: [RecordOrigin], at i: Int) {
    if i == origins.count {
      origins.append(more)
      return
    }
    for origin in more where !origins[i].contains(origin) { origins[i].append(origin) }
  }
}
