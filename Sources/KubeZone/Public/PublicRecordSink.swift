/// Collects what the public-name sources produce: records, and a warning
/// (or, strict, an error) for each value that cannot become one.
struct PublicRecordSink {
  let strict: Bool
  var log: DiagnosticLog
  var records: [PublicRecord] = []

  /// Reports a value that gives no record: a warning at its position, or
  /// with `strict` an `InputError` there.
  mutating func reject(_ message: String, at location: SourceLocation) throws(InputError) {
    if strict { throw InputError(message, at: location) }
    log.warn(message, at: location)
  }

  /// ExternalDNS's `EndpointsForHostname`: the targets at one name, IPv4
  /// as A, IPv6 as AAAA, names as CNAME (in that order), each once.
  mutating func add(_ owner: DomainName, _ targets: [PublicTarget], ttl: UInt32?, origin: PublicOrigin) {
    var seen: Set<PublicTarget> = []
    for kind in [RRType.a, .aaaa, .cname] {
      for t in targets where t.data.type == kind && seen.insert(t).inserted {
        records.append(PublicRecord(owner: owner, data: t.data, ttl: ttl, origin: origin))
      }
    }
  }
}
