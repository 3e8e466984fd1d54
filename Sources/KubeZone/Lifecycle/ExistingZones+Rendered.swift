/// The steady-state run (cron every minute, nothing changed) without
/// parsing: a zone file that is byte for byte what this run writes, with
/// the file's own serial, holds that zone's records.
///
/// Equal bytes mean equal records because the writer's record lines read
/// back as the records they came from (fuzz-checked). The header comes
/// from a template, which may write anything, so it must read alone as
/// exactly the zone's SOA and apex NS, leaving the zone's origin in force;
/// any other file is parsed and compared in full.
extension ExistingZones {
  /// Reads `folder` like `read(folder:)`, but files that match one of
  /// `zones` as rendered by `writer` are `matched`, not parsed.
  public static func read(folder: String, zones: [Zone], writer: ZoneWriter) -> ExistingZones {
    var known: [String: Entry] = [:]
    // Two zones for one file would both claim it: leave that to the full path.
    let names = Dictionary(zones.map { ($0.fileName, 1) }, uniquingKeysWith: +)
    let candidates = zones.filter { names[$0.fileName] == 1 }
    // Rendered and compared on all cores, one zone a task.
    let entries = ParallelMap.map(candidates) { zone in rendered(zone, path: folder + "/" + zone.fileName, writer: writer) }
    for (zone, entry) in zip(candidates, entries) {
      if let entry { known[zone.fileName] = entry }
    }
    return read(folder: folder, known: known)
  }

  /// The matched entry for `zone`'s file, nil unless it matches.
  static func rendered(_ zone: Zone, path: String, writer: ZoneWriter) -> Entry? {
    let origin = origin(fileName: zone.fileName)
    guard let bytes = FileBytes.read(path),
      let soa = try? ZoneFileReader.firstSOA(bytes, file: path, origin: origin)
    else { return nil }
    var zone = zone
    zone.soa.serial = soa.serial
    guard let out = try? writer.bytes(for: zone, generator: ZonePlanner.generator), out.bytes == bytes,
      headerHoldsApexOnly(bytes[..<out.headerCount], zone: zone, path: path, origin: origin)
    else { return nil }
    let contents = ZoneFileContents(origin: zone.origin, records: zone.allRecords)
    return Entry(path: path, bytes: bytes, contents: contents, problem: nil, matched: true)
  }

  /// True when `header`, read alone from `origin`, holds the zone's SOA and
  /// apex NS and nothing else, and ends under the zone's `$ORIGIN` and
  /// outside any token, so the record lines after it read as written.
  static func headerHoldsApexOnly(_ header: ArraySlice<UInt8>, zone: Zone, path: String, origin: DomainName?) -> Bool {
    // A backslash before the last line break would continue that line.
    guard header.last == UInt8(ascii: "\n"), header.dropLast().last != UInt8(ascii: "\\"),
      let read = try? ZoneFileReader.readRecords(Array(header), file: path, origin: origin)
    else { return false }
    return read.origin == zone.origin && Set(read.records) == Set(zone.apexRecords)
  }
}
