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
    let owners = try clusterIPOwners(inventory, domain: domain, log: &log)
    var keepPTR: [DomainName: DomainName] = [:]
    for (ip, service) in owners {
      if let base = Self.base(of: service, domain: domain) { keepPTR[ip.reverseName] = base }
    }
    let externalNames = Dictionary(
      inventory.services.filter { $0.type == .externalName }.compactMap { s in
        Self.base(of: s, domain: domain).map { ($0, s) }
      },
      uniquingKeysWith: { a, _ in a })
    var cnames: [DomainName: DomainName] = [:]
    for r in kept {
      if case .cname(let target) = r.data { cnames[r.owner] = target }
    }
    // The types at CNAME owners only: most zones have few or none.
    var typesByOwner: [DomainName: Set<RRType>] = [:]
    if !cnames.isEmpty {
      for r in kept where cnames[r.owner] != nil { typesByOwner[r.owner, default: []].insert(r.type) }
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
    func drops(_ r: ResourceRecord) -> Bool {
      switch r.data {
      case .cname: return dropCNAME[r.owner] != nil
      case .ptr(let target): return keepPTR[r.owner].map { $0 != target } ?? false
      default: return false
      }
    }
    if let dropped {
      for r in kept where drops(r) {
        if case .ptr = r.data, let target = keepPTR[r.owner] {
          dropped(r, "\(r.owner) is the PTR of a cluster IP several Services share; it names only \(target), the first of them")
        } else {
          dropped(r, dropCNAME[r.owner] ?? "")
        }
      }
    }
    kept.removeAll(where: drops)
    return kept
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
