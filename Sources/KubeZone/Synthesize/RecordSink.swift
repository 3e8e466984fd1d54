import Dispatch

/// Collects records as a set and finishes SRV RRsets.
///
/// SRV weights depend on the size of the final RRset (all records of one
/// RRset share priority 0 and weight max(1, floor(100/n))), so SRV data is
/// collected with weight 0 and weighted (`weighSRV`) once the RRsets are
/// complete.
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
    let (found, slot) = find(record, hash: hash)
    if let found { return found }
    slots[slot] = Int32(truncatingIfNeeded: records.count + 1)
    records.append(record)
    hashes.append(hash)
    return records.count - 1
  }

  /// Where `record` (whose hash value is `hash`) is in `records`, or the
  /// empty slot it would take. The table must not be empty.
  private func find(_ record: ResourceRecord, hash: Int) -> (position: Int?, slot: Int) {
    let mask = slots.count - 1
    var i = hash & mask
    while slots[i] != 0 {
      let j = Int(slots[i]) - 1
      if hashes[j] == hash && records[j] == record { return (j, i) }
      i = (i + 1) & mask
    }
    return (nil, i)
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

  /// The records in the order first added, the table freed first, so
  /// nothing is held twice. With provenance on, read `provenance` first:
  /// its origins are in the same order.
  consuming func finish() -> [ResourceRecord] {
    slots = []
    hashes = []
    return records
  }

  /// Sets each SRV record's weight from the size of its RRset here: right
  /// only when no RRset continues in another sink. The synthesizer's
  /// slices qualify, since a slice holds whole Services and every SRV
  /// owner lies under its Service's name.
  mutating func weighSRV() {
    var srvCount: [DomainName: Int] = [:]
    for r in records where r.type == .srv { srvCount[r.owner, default: 0] += 1 }
    guard !srvCount.isEmpty else { return }
    for i in records.indices {
      guard case .srv(var srv) = records[i].data, let n = srvCount[records[i].owner] else { continue }
      srv.weight = UInt16(max(1, 100 / n))
      records[i].data = .srv(srv)
    }
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

extension RecordSink {
  /// The records of `parts` in order, each once, for sinks nothing more
  /// will be added to and that keep no provenance. Each part is a set
  /// already, so a record is left out only when an earlier part holds it:
  /// the parts are probed for that on all cores (read only), then joined.
  /// SRV weights are as each part set them (`weighSRV`).
  static func joined(_ parts: consuming [RecordSink], minimumSplit: Int = 4096) -> [ResourceRecord] {
    var parts = parts
    let repeated = repeats(in: parts, minimumSplit: minimumSplit)
    // Each part's place in the result, and what it leaves out there.
    let (offsets, total) = ParallelMap.starts(of: parts.indices.map { parts[$0].records.count - (repeated[$0]?.count ?? 0) })
    // Copied into place and freed part by part on all cores: on one core
    // the copies' retains, and the parts' releases after, took 10 ms at
    // 30,000 pods while the other cores waited.
    return [ResourceRecord](unsafeUninitializedCapacity: total) { buffer, initialized in
      if let base = buffer.baseAddress {
        let destination = UnsafeSendable(base)
        parts.withUnsafeMutableBufferPointer { all in
          let all = UnsafeSendable(all)
          DispatchQueue.concurrentPerform(iterations: all.value.count) { k in
            var at = destination.value + offsets[k]
            var skipped = (repeated[k] ?? []).makeIterator()
            var skip = skipped.next()
            all.value[k].records.withUnsafeBufferPointer { records in
              for i in records.indices {
                if i == skip {
                  skip = skipped.next()
                  continue
                }
                at.initialize(to: records[i])
                at += 1
              }
            }
            all.value[k] = RecordSink(ttl: all.value[k].ttl)
          }
        }
      }
      initialized = total
    }
  }

  /// For each part after the first, the positions (ascending) of its
  /// records that an earlier part holds; usually none.
  private static func repeats(in parts: [RecordSink], minimumSplit: Int) -> [Int: [Int]] {
    let work = parts.indices.dropFirst().flatMap { k in
      ParallelMap.ranges(parts[k].records.count, minimum: minimumSplit).map { (part: k, range: $0) }
    }
    let found = ParallelMap.map(work) { item in
      let part = parts[item.part]
      var repeated = [Bool](repeating: false, count: item.range.count)
      // Earlier part by earlier part: each sink is taken once a range
      // here, not once a record (which retained and released its arrays
      // from every core at once).
      for k in 0..<item.part {
        let earlier = parts[k]
        for (n, i) in item.range.enumerated() where !repeated[n] {
          repeated[n] = earlier.contains(part.records[i], hash: part.hashes[i])
        }
      }
      return zip(item.range, repeated).compactMap { i, isRepeated in isRepeated ? i : nil }
    }
    var repeated: [Int: [Int]] = [:]
    for (item, positions) in zip(work, found) where !positions.isEmpty { repeated[item.part, default: []] += positions }
    return repeated
  }

  /// Whether this sink holds `record`, whose hash value is `hash`.
  private func contains(_ record: ResourceRecord, hash: Int) -> Bool {
    !slots.isEmpty && find(record, hash: hash).position != nil
  }
}
