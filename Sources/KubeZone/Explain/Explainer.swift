/// Answers `kubezone explain` from a run made with provenance on: the
/// records at a name (or holding an address) with the objects and rule
/// behind each, and, for the objects that nearly match, why they made
/// nothing.
public struct Explainer: Sendable {
  public let zones: [Zone]
  public let provenance: Provenance
  public let synthesis: SynthesisOptions
  public let zoneOptions: ZoneOptions
  /// What the filters left out (`Exclusion.filtered`).
  public var filterExclusions: [Exclusion] = []

  /// nil when the outcome was made without provenance.
  public init?(_ outcome: GenerateOutcome, request: GenerateRequest) {
    guard let provenance = outcome.provenance else { return nil }
    zones = outcome.zones
    self.provenance = provenance
    synthesis = request.synthesis
    zoneOptions = request.zones
    filterExclusions = Self.filterExclusions(outcome, domain: request.synthesis.domain)
  }

  /// The objects the filters left out (`GenerateOutcome.exclusions`), as
  /// exclusions related to the names and addresses they would have had.
  static func filterExclusions(_ outcome: GenerateOutcome, domain: DomainName) -> [Exclusion] {
    outcome.exclusions.map { e in
      let object = ObjectReference(kind: e.object.kind, namespace: e.object.namespace, name: e.object.name, location: e.location)
      var detail = e.reason.explanation(of: e.object)
      switch e.part {
      case .all: break
      case .endpoints: detail = "its endpoints are left out: " + detail
      case .podRecord: detail = "its pod record is left out: " + detail
      }
      // A Pod left out only for its pod record still answers as an endpoint.
      let addresses = e.part == .podRecord ? [] : e.addresses
      return .filtered(object, filter: e.reason.option, detail: detail, domain: domain, addresses: addresses)
    }
  }

  public func explain(_ query: ExplainQuery) -> Explanation {
    let records = self.records(for: query)
    var exclusions = (provenance.exclusions + filterExclusions).filter { relates($0, to: query) }
    exclusions += NearMatches(explainer: self, query: query, records: records, known: exclusions).exclusions()
    exclusions = Self.merged(exclusions)
    let named = records.flatMap { $0.origins.flatMap(\.objects) } + exclusions.flatMap(\.objects)
    var overrides: [ObjectKey: [SourceLocation]] = [:]
    for object in named {
      if let all = provenance.definitions[object.key] { overrides[object.key] = all }
    }
    return Explanation(
      query: query, records: records, exclusions: exclusions, overrides: overrides, zones: zones.map(\.origin))
  }

  /// The records at the queried owner, and for an address the A/AAAA
  /// records that hold it, zone by zone.
  private func records(for query: ExplainQuery) -> [Explanation.Entry] {
    var out: [Explanation.Entry] = []
    let owner = query.owner
    for zone in zones {
      for record in zone.allRecords {
        let holds: Bool
        if case .address(let ip) = query, record.data.address == ip {
          holds = true
        } else {
          holds = record.owner == owner
        }
        if holds { out.append(Explanation.Entry(zone: zone.origin, record: record, origins: origins(of: record, in: zone))) }
      }
    }
    return out
  }

  /// The origins of a record of the zone at `origin` (`diff --explain`).
  public func origins(of record: ResourceRecord, zone origin: DomainName) -> [RecordOrigin] {
    guard let zone = zones.first(where: { $0.origin == origin }) else { return provenance.origins[record] ?? [] }
    return origins(of: record, in: zone)
  }

  /// The record's origins; the apex and the nameserver addresses the
  /// assembler adds come from the options.
  private func origins(of record: ResourceRecord, in zone: Zone) -> [RecordOrigin] {
    // The apex first: a nested zone's NS is also its delegation in the parent.
    if record.owner == zone.origin && (record.type == .soa || record.type == .ns) {
      return [RecordOrigin(rule: .zoneApex, objects: [])]
    }
    if let known = provenance.origins[record] { return known }
    if record.data.address != nil && zone.nameservers.contains(record.owner) {
      return [RecordOrigin(rule: .nameserverAddress, objects: [])]
    }
    // Glue of a nested public zone: the address of a nameserver it delegates to.
    if record.data.address != nil,
      let cut = zone.records.first(where: { $0.type == .ns && $0.owner != zone.origin && $0.data.target == record.owner })
    {
      return [RecordOrigin(rule: .delegation(child: cut.owner), objects: [])]
    }
    return []
  }

  /// One exclusion per reason and objects, in first order: a dual-stack
  /// pod left out for one reason is one entry, holding both addresses.
  static func merged(_ exclusions: [Exclusion]) -> [Exclusion] {
    var out: [Exclusion] = []
    var index: [Exclusion: Int] = [:]
    for e in exclusions {
      let key = Exclusion(e.reason, objects: e.objects)
      guard let i = index[key] else {
        index[key] = out.count
        out.append(e)
        continue
      }
      for name in e.names where !out[i].names.contains(name) { out[i].names.append(name) }
      for name in e.subtrees where !out[i].subtrees.contains(name) { out[i].subtrees.append(name) }
      for ip in e.addresses where !out[i].addresses.contains(ip) { out[i].addresses.append(ip) }
    }
    return out
  }

  /// True when `exclusion` concerns the queried name or address.
  func relates(_ exclusion: Exclusion, to query: ExplainQuery) -> Bool {
    let owner = query.owner
    if exclusion.names.contains(owner) { return true }
    if exclusion.subtrees.contains(where: { owner.isSubdomain(of: $0) }) { return true }
    if case .address(let ip) = query { return exclusion.addresses.contains(ip) }
    return false
  }
}
