/// Joins generated RRsets with hand-kept records. An RRset both give is
/// kept once when their data are equal (with the static TTL); otherwise,
/// and for a CNAME beside other data, it is an error naming the static
/// line and every object, since either could be the mistake.
enum StaticCollisionCheck {
  private struct Key: Hashable {
    var owner: DomainName
    var type: RRType
  }

  private struct StaticSet {
    var data: Set<RData> = []
    var ttl: UInt32
    var locations: [SourceLocation] = []
  }

  static func combine(_ rrsets: [PublicRRset], _ statics: [StaticRecord]) throws(InputError) -> [ResourceRecord] {
    var sets: [Key: StaticSet] = [:]
    for s in statics {
      let key = Key(owner: s.record.owner, type: s.record.type)
      var set = sets[key] ?? StaticSet(ttl: s.record.ttl)
      if set.ttl != s.record.ttl, let first = set.locations.first {
        throw InputError(
          "\(s.record.owner) \(s.record.type.rawValue) has TTL \(s.record.ttl) here and \(set.ttl) at \(first); "
            + "one RRset has one TTL", at: s.location)
      }
      set.data.insert(s.record.data)
      set.locations.append(s.location)
      sets[key] = set
    }
    var out: [ResourceRecord] = []
    for set in rrsets {
      let key = Key(owner: set.owner, type: set.type)
      guard let kept = sets[key] else {
        out += set.records
        continue
      }
      guard kept.data == Set(set.data) else {
        throw InputError(
          "\(set.owner) \(set.type.rawValue) is kept by hand at \(places(kept.locations)) and made by \(set.originList) "
            + "with other data; a name's RRset comes from one place: make them equal, or remove one", at: kept.locations.first)
      }
    }
    out += statics.map(\.record)
    try checkCNAMEs(rrsets, sets)
    return out
  }

  /// A CNAME alone at its name, across static and generated records.
  private static func checkCNAMEs(_ rrsets: [PublicRRset], _ sets: [Key: StaticSet]) throws(InputError) {
    var places: [DomainName: [(type: RRType, place: String, location: SourceLocation?)]] = [:]
    for set in rrsets {
      places[set.owner, default: []].append((set.type, set.originList, set.origins.first?.location))
    }
    for (key, set) in sets {
      places[key.owner, default: []].append((key.type, "the static record at \(Self.places(set.locations))", set.locations.first))
    }
    for (owner, entries) in places.sorted(by: { ZoneOrder.namePrecedes($0.key, $1.key) }) {
      guard let cname = entries.first(where: { $0.type == .cname }), entries.contains(where: { $0.type != .cname }) else {
        continue
      }
      let all = entries.map { "\($0.type.rawValue) from \($0.place)" }.joined(separator: "; ")
      throw InputError(
        "\(owner) is a CNAME and has other data too (\(all)); a CNAME must be alone at its name (RFC 1034 §3.6.2)",
        at: cname.location)
    }
  }

  private static func places(_ locations: [SourceLocation]) -> String {
    locations.map(\.description).joined(separator: ", ")
  }
}
