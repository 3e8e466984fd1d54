/// Turns the records the sources asked for into the RRsets a zone file can
/// hold, deciding what a provider API would tolerate and a zone cannot:
///
/// - one name and type from several objects is one RRset holding the
///   union of their targets (two equal CNAMEs become one);
/// - two different CNAME targets at one name, a CNAME beside other data,
///   or a CNAME at a zone's apex is an error naming every object involved;
/// - two TTLs for one RRset: the lowest, with a warning naming both;
/// - a name in no `--zone` is skipped and counted.
///
/// ExternalDNS instead lets the first owner of a name keep it (its TXT
/// registry) and leaves conflicts to the provider; see docs/public-zones.md.
public struct PublicRecordMerger: Sendable {
  public var zones: PublicZoneSet
  /// The TTL of records that carry none (`PublicNameOptions.ttl`).
  public var defaultTTL: UInt32

  public init(zones: PublicZoneSet, defaultTTL: UInt32) {
    self.zones = zones
    self.defaultTTL = defaultTTL
  }

  public struct Result: Sendable {
    /// In zone order (owner, then type).
    public var rrsets: [PublicRRset]
    /// Records whose name lies in no zone, in input order.
    public var skipped: [PublicRecord]
  }

  private struct Key: Hashable {
    var owner: DomainName
    var type: RRType
  }

  public func merge(_ records: [PublicRecord], log: inout DiagnosticLog) throws(InputError) -> Result {
    var groups: [Key: [PublicRecord]] = [:]
    var order: [Key] = []
    var skipped: [PublicRecord] = []
    for record in records {
      guard zones.zone(for: record.owner) != nil else {
        skipped.append(record)
        continue
      }
      let key = Key(owner: record.owner, type: record.type)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(record)
    }
    var rrsets: [PublicRRset] = []
    for key in order {
      guard let group = groups[key] else { continue }
      rrsets.append(try rrset(key, group, log: &log))
    }
    try checkCNAMEs(rrsets)
    rrsets.sort { $0.owner != $1.owner ? ZoneOrder.namePrecedes($0.owner, $1.owner) : $0.type < $1.type }
    return Result(rrsets: rrsets, skipped: skipped)
  }

  private func rrset(_ key: Key, _ group: [PublicRecord], log: inout DiagnosticLog) throws(InputError) -> PublicRRset {
    var data: [RData] = []
    for r in group where !data.contains(r.data) { data.append(r.data) }
    let set = PublicRRset(
      owner: key.owner, type: key.type, ttl: defaultTTL, data: data, origins: group.map(\.origin), asked: group.map(\.data))
    if key.type == .cname && data.count > 1 {
      let targets = group.map { "\($0.data.target.map(\.description) ?? "?") from \($0.origin)" }
      throw InputError(
        "\(key.owner) has \(data.count) different CNAME targets, and a name holds at most one CNAME (RFC 1034 §3.6.2): "
          + targets.joined(separator: "; "), at: group[0].origin.location)
    }
    return withTTL(set, group, log: &log)
  }

  /// The lowest TTL asked for, and a warning when the records disagree.
  private func withTTL(_ set: PublicRRset, _ group: [PublicRecord], log: inout DiagnosticLog) -> PublicRRset {
    var set = set
    let ttls = group.map { $0.ttl ?? defaultTTL }
    guard let lowest = ttls.min() else { return set }
    set.ttl = lowest
    guard let highest = ttls.max(), highest != lowest,
      let low = group.first(where: { ($0.ttl ?? defaultTTL) == lowest }),
      let high = group.first(where: { ($0.ttl ?? defaultTTL) == highest })
    else { return set }
    log.warn(
      "\(set.owner) \(set.type.rawValue) is asked for with two TTLs, \(lowest) by \(low.origin) and \(highest) by \(high.origin); "
        + "one RRset has one TTL, so it gets the lowest, \(lowest)", at: low.origin.location)
    return set
  }

  /// A CNAME must be alone at its name (RFC 1034 §3.6.2, RFC 2181 §10.1)
  /// and cannot be a zone's apex, which holds the SOA and NS.
  private func checkCNAMEs(_ rrsets: [PublicRRset]) throws(InputError) {
    var byOwner: [DomainName: [PublicRRset]] = [:]
    for set in rrsets { byOwner[set.owner, default: []].append(set) }
    for set in rrsets where set.type == .cname {
      guard let first = set.origins.first else { continue }
      if zones.origins.contains(set.owner) {
        throw InputError(
          "\(set.owner) is the apex of the zone \(set.owner), which holds its SOA and NS, so it cannot be a CNAME "
            + "(RFC 1034 §3.6.2); asked for by \(set.originList). Use addresses, or a name below the apex",
          at: first.location)
      }
      let others = (byOwner[set.owner] ?? []).filter { $0.type != .cname }
      guard !others.isEmpty else { continue }
      let what = others.map { "\($0.type.rawValue) from \($0.originList)" }.joined(separator: "; ")
      throw InputError(
        "\(set.owner) is a CNAME (from \(set.originList)) and has other data too (\(what)); "
          + "a CNAME must be alone at its name (RFC 1034 §3.6.2)", at: first.location)
    }
  }
}
