/// Reads `--static` files (zone files or fragments) with the zone-file
/// reader and checks that each record belongs to a public zone.
///
/// A relative name (or `@`) needs an origin: the file's own `$ORIGIN`;
/// before any, the only `--zone` when there is exactly one; with several
/// zones a file that uses a relative name before its `$ORIGIN` is an
/// error at that name. A record without a TTL takes the file's `$TTL`,
/// else the public zones' TTL. Static records go to public zones only:
/// the cluster and reverse zones are made from the cluster alone, so a
/// record outside every `--zone` is an error at its line.
enum StaticRecordReader {
  static func read(_ files: [String], zones: PublicZoneSet, defaultTTL: UInt32) throws(InputError) -> [StaticRecord] {
    var out: [StaticRecord] = []
    let origin = zones.origins.count == 1 ? zones.origins.first : nil
    for file in files {
      guard let bytes = FileBytes.read(file) else {
        throw InputError("--static: cannot read \(file)", at: nil)
      }
      let located: [(record: ResourceRecord, location: SourceLocation)]
      do {
        located = try ZoneFileReader.readLocated(bytes, file: file, origin: origin, defaultTTL: defaultTTL)
      } catch {
        var message = error.message
        if origin == nil, message.contains("before any $ORIGIN") {
          message += " (with \(zones.origins.count) --zone values a static file names its zone with $ORIGIN, or writes names in full with their trailing dot)"
        }
        throw InputError(message, at: error.location)
      }
      for (record, location) in located {
        try check(record, at: location, zones: zones)
        out.append(StaticRecord(record: record, location: location))
      }
    }
    return out
  }

  private static func check(_ record: ResourceRecord, at location: SourceLocation, zones: PublicZoneSet) throws(InputError) {
    guard let zone = zones.zone(for: record.owner) else {
      let list = zones.origins.map(\.description).joined(separator: ", ")
      throw InputError(
        "\(record.owner) lies in no public zone (--zone \(list)); a static record belongs to one of them", at: location)
    }
    if record.type == .soa && record.owner != zone {
      throw InputError(
        "an SOA record belongs at a zone's apex, and \(record.owner) is not a --zone (it lies in \(zone))", at: location)
    }
    if record.type == .cname && record.owner == zone {
      throw InputError(
        "\(record.owner) is the apex of the zone \(zone), which holds its SOA and NS, so it cannot be a CNAME (RFC 1034 §3.6.2)",
        at: location)
    }
  }
}
