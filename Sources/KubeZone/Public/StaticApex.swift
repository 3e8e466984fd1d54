/// The SOA and NS a `--static` file gives a zone's apex: they replace the
/// defaults instead of joining the zone's records.
struct StaticApex {
  var soa: [DomainName: SOA] = [:]
  /// Where each apex SOA was read, to name it when another file disagrees.
  private var soaLocations: [DomainName: SourceLocation] = [:]
  var nameservers: [DomainName: [DomainName]] = [:]

  /// Takes `s` when it is an apex SOA or NS of a public zone; false for
  /// every other record. Two static files that give one zone different
  /// SOAs are an error: neither can be chosen silently.
  mutating func take(_ s: StaticRecord, zones: PublicZoneSet) throws(InputError) -> Bool {
    guard zones.origins.contains(s.record.owner) else { return false }
    switch s.record.data {
    case .soa(let given):
      // kubezone owns the serial: SOAs that differ only there agree.
      var ignoringSerial = given
      ignoringSerial.serial = soa[s.record.owner]?.serial ?? given.serial
      if let first = soaLocations[s.record.owner], soa[s.record.owner] != ignoringSerial {
        throw InputError(
          "a second, different SOA for \(s.record.owner) (the first is at \(first)); keep one in the --static files",
          at: s.location)
      }
      soa[s.record.owner] = given
      soaLocations[s.record.owner] = soaLocations[s.record.owner] ?? s.location
      return true
    case .ns(let name):
      if !(nameservers[s.record.owner]?.contains(name) ?? false) { nameservers[s.record.owner, default: []].append(name) }
      return true
    default:
      return false
    }
  }
}
