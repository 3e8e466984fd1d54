/// What public names add to a run: the public zones, and what the sources
/// asked for that no zone holds. The stage after the cluster zones:
/// merge, read the static files, assemble.
public struct PublicZones: Sendable {
  public var zones: [Zone] = []
  /// Records whose name lies in no `--zone`, in input order.
  public var skipped: [PublicRecord] = []
  /// The merged RRsets and the static records, for `explain`.
  public var rrsets: [PublicRRset] = []
  public var statics: [StaticRecord] = []
  /// Per zone: records from the sources, and from `--static` files.
  public var generated: [DomainName: Int] = [:]
  public var staticCounts: [DomainName: Int] = [:]

  public init() {}

  /// The public zones for `records`, beside the cluster zone of `cluster`
  /// and the reverse zones `reverse` (refused when a public zone overlaps one).
  static func make(
    _ records: [PublicRecord], options: PublicNameOptions, cluster: ZoneOptions, reverse: [DomainName],
    log: inout DiagnosticLog
  ) throws(InputError) -> PublicZones {
    let set = PublicZoneSet(options.zones)
    for zone in set.origins {
      if let problem = PublicZoneSet.problem(zone, clusterDomain: cluster.domain) { throw InputError(problem, at: nil) }
      for r in reverse {
        if let problem = PublicZoneSet.problem(zone, reverseZone: r) { throw InputError(problem, at: nil) }
      }
    }
    let merged = try PublicRecordMerger(zones: set, defaultTTL: options.ttl).merge(records, log: &log)
    let statics = try StaticRecordReader.read(options.staticFiles, zones: set, defaultTTL: options.ttl)
    let assembler = PublicZoneAssembler(
      zones: set, ttl: options.ttl, serial: cluster.serial, nameservers: cluster.nameservers,
      nameserverAddresses: cluster.nameserverAddresses)
    let assembled = try assembler.assemble(merged.rrsets, statics: statics)
    for record in merged.skipped {
      log.note("\(record.owner) \(record.type.rawValue) lies in no --zone: skipped (from \(record.origin))", at: record.origin.location)
    }
    var result = PublicZones()
    result.zones = assembled.zones
    result.skipped = merged.skipped
    result.rrsets = merged.rrsets
    result.generated = assembled.generated
    result.statics = statics
    result.staticCounts = assembled.statics
    return result
  }
}
