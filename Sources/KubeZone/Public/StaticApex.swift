/// The SOA and NS a `--static` file gives a zone's apex: they replace the
/// defaults instead of joining the zone's records.
struct StaticApex {
  var soa: [DomainName: SOA] = [:]
  var nameservers: [DomainName: [DomainName]] = [:]

  /// Takes `s` when it is an apex SOA or NS of a public zone; false for
  /// every other record.
  mutating func take(_ s: StaticRecord, zones: PublicZoneSet) -> Bool {
    guard zones.origins.contains(s.record.owner) else { return false }
    switch s.record.data {
    case .soa(let given):
      soa[s.record.owner] = given
      return true
    case .ns(let name):
      if !(nameservers[s.record.owner]?.contains(name) ?? false) { nameservers[s.record.owner, default: []].append(name) }
      return true
    default:
      return false
    }
  }
}
