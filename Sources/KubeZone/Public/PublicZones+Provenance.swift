/// What `explain` and `diff --explain` say about public records: the
/// objects behind each published name, the static line of a hand-kept
/// record, the delegation of a nested zone.
extension PublicZones {
  /// The origins of every record of the public zones, keyed by the record
  /// as written. A name both published and kept by hand has both.
  func origins() -> [ResourceRecord: [RecordOrigin]] {
    struct Key: Hashable {
      var owner: DomainName
      var data: RData
    }
    var byData: [Key: [RecordOrigin]] = [:]
    for set in rrsets {
      for data in set.data {
        byData[Key(owner: set.owner, data: data), default: []] += set.origins(of: data).map {
          RecordOrigin(rule: .publicName(rule: $0.rule, at: $0.location), objects: [$0.object])
        }
      }
    }
    for s in statics {
      byData[Key(owner: s.record.owner, data: s.record.data), default: []].append(
        RecordOrigin(rule: .staticRecord(at: s.location), objects: []))
    }
    let origins = Set(zones.map(\.origin))
    var out: [ResourceRecord: [RecordOrigin]] = [:]
    // Glue is left to `Explainer`: the same record is the child's own
    // nameserver address, and provenance is keyed by record alone.
    for zone in zones {
      for record in zone.records {
        if let known = byData[Key(owner: record.owner, data: record.data)] {
          out[record] = known
        } else if origins.contains(record.owner), record.owner != zone.origin, record.type == .ns {
          out[record] = [RecordOrigin(rule: .delegation(child: record.owner), objects: [])]
        }
      }
    }
    return out
  }

  /// A name in no `--zone` (of `zones`), as `explain` lists it: with the
  /// object that asked for it, not only "in no zone written".
  func exclusions(zones: [DomainName]) -> [Exclusion] {
    skipped.uniqued().map { record in
      Exclusion(
        .outsidePublicZones(zones), objects: [record.origin.object], names: [record.owner],
        addresses: record.data.address.map { [$0] } ?? [])
    }
  }
}
