extension ConflictCheck {
  /// The synthesized records with conflicts between objects settled:
  /// one PTR per cluster IP, no CNAME beside other data, no CNAME loop.
  /// `dropped` hears of each record left out, with the reason (`explain`).
  func records(
    _ records: consuming [ResourceRecord], inventory: Inventory, domain: DomainName, log: inout DiagnosticLog,
    dropped: ((ResourceRecord, String) -> Void)? = nil
  ) throws(InputError) -> [ResourceRecord] {
    // Filtered in place at the end: the synthesizer hands over its only copy.
    var kept = records
    let services = inventory.services
    let bases = bases(of: services, domain: domain)
    let owners = Array(try clusterIPOwners(inventory, bases: bases, log: &log))
    // Reverse names built on all cores; each owner has a base.
    let reverse = ParallelMap.build(count: owners.count, minimum: minimumServiceSplit) { i in
      bases[owners[i].value].map { (owners[i].key.reverseName, $0) }
    }
    let keepPTR = Dictionary(reverse.compactMap { $0 }, uniquingKeysWith: { a, _ in a })
    let externalNames = Dictionary(
      services.indices.compactMap { i in
        services[i].type == .externalName ? bases[i].map { ($0, services[i]) } : nil
      },
      uniquingKeysWith: { a, _ in a })
    var cnames: [DomainName: DomainName] = [:]
    for (owner, target) in pass(over: kept, { r in if case .cname(let target) = r.data { (r.owner, target) } else { nil } }) {
      cnames[owner] = target
    }
    // The types at CNAME owners only: most zones have few or none.
    var typesByOwner: [DomainName: Set<RRType>] = [:]
    if !cnames.isEmpty {
      // Looked up on all cores: a hash of every record's owner.
      let cnameOwners = cnames
      for (owner, type) in pass(over: kept, { r in cnameOwners[r.owner] != nil ? (r.owner, r.type) : nil }) {
        typesByOwner[owner, default: []].insert(type)
      }
    }
    // Each dropped CNAME's owner, with the message that reports it.
    var dropCNAME: [DomainName: String] = [:]
    for owner in cnames.keys.sorted() where (typesByOwner[owner]?.count ?? 0) > 1 {
      let others = (typesByOwner[owner] ?? []).subtracting([.cname]).sorted().map(\.rawValue).joined(separator: ", ")
      let message = "\(describe(owner, externalNames)) has a CNAME at \(owner), which also holds \(others) records; the CNAME is skipped"
      try report(message, at: externalNames[owner]?.meta.location, &log)
      dropCNAME[owner] = message
    }
    for cycle in Self.loops(cnames.filter { dropCNAME[$0.key] == nil }) {
      let path = (cycle + [cycle[0]]).map(\.description).joined(separator: " -> ")
      for owner in cycle {
        let message = "\(describe(owner, externalNames)) is part of a CNAME loop (\(path)); skipped"
        try report(message, at: externalNames[owner]?.meta.location, &log)
        dropCNAME[owner] = message
      }
    }
    let (ptrs, cnameDrops) = (keepPTR, dropCNAME)
    let drops = pass(over: kept) { r, i -> Int? in
      switch r.data {
      case .cname: cnameDrops[r.owner] != nil ? i : nil
      case .ptr(let target): ptrs[r.owner].map { $0 != target } ?? false ? i : nil
      default: nil
      }
    }
    // Most runs drop nothing, and then the records are not touched.
    guard !drops.isEmpty else { return kept }
    if let dropped {
      for i in drops {
        let r = kept[i]
        if case .ptr = r.data, let target = keepPTR[r.owner] {
          dropped(r, "\(r.owner) is the PTR of a cluster IP several Services share; it names only \(target), the first of them")
        } else {
          dropped(r, dropCNAME[r.owner] ?? "")
        }
      }
    }
    kept.removeSubranges(RangeSet(drops, within: kept))
    return kept
  }

  /// What `found` finds in `records`, in record order: the records are
  /// read on all cores, a contiguous range each.
  private func pass<T: Sendable>(over records: [ResourceRecord], _ found: @Sendable (ResourceRecord) -> T?) -> [T] {
    pass(over: records) { r, _ in found(r) }
  }

  private func pass<T: Sendable>(over records: [ResourceRecord], _ found: @Sendable (ResourceRecord, Int) -> T?) -> [T] {
    records.withUnsafeBufferPointer { buffer in
      let shared = UnsafeSendable(buffer)
      return Array(ParallelMap.map(ParallelMap.ranges(buffer.count, minimum: minimumSplit)) { range in
        range.compactMap { found(shared.value[$0], $0) }
      }.joined())
    }
  }

  private func describe(_ owner: DomainName, _ services: [DomainName: Service]) -> String {
    guard let s = services[owner] else { return "\(owner)" }
    return "ExternalName Service \(s.meta.namespace)/\(s.meta.name)"
  }

  /// Every cycle of CNAMEs, each listed once from its smallest owner, in
  /// canonical order of that owner.
  static func loops(_ cnames: [DomainName: DomainName]) -> [[DomainName]] {
    var done: Set<DomainName> = []
    var cycles: [[DomainName]] = []
    for start in cnames.keys.sorted() where !done.contains(start) {
      var path: [DomainName] = []
      var index: [DomainName: Int] = [:]
      var current: DomainName? = start
      while let name = current, !done.contains(name) {
        if let at = index[name] {
          let cycle = Array(path[at...])
          let first = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
          cycles.append(Array(cycle[first...] + cycle[..<first]))
          break
        }
        index[name] = path.count
        path.append(name)
        current = cnames[name]
      }
      done.formUnion(path)
    }
    return cycles.sorted { $0[0] < $1[0] }
  }
}
