/// libFuzzer harness: the zone-file reader (ours and other tools' files).
///
/// Invariants beyond "no crash":
/// - an error names a position inside the input, and its message stays
///   bounded (tokens are shown cut, names are at most 255 octets);
/// - whatever it reads, written back by `ZoneWriter` one record per line
///   under the same `$ORIGIN`, reads back into the same records;
/// - `firstSOA`, which stops at the SOA, finds the SOA the full read found.
@_cdecl("LLVMFuzzerTestOneInput")
public func zoneFileFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let origin = ZoneFileFuzz.origin
  let contents: ZoneFileContents
  do {
    contents = try ZoneFileReader.read(bytes, file: "fuzz.zone", origin: origin)
  } catch {
    FuzzCheck.location(error.location, within: bytes, "zone-file reader")
    FuzzCheck.require(error.message.utf8.count <= 3000, "zone-file reader: message of \(error.message.utf8.count) bytes")
    return 0
  }
  do {
    let soa = try ZoneFileReader.firstSOA(bytes, file: "fuzz.zone", origin: origin)
    FuzzCheck.require(soa == contents.soa, "firstSOA found \(String(describing: soa)), the full read \(String(describing: contents.soa))")
  } catch {
    FuzzCheck.fail("firstSOA rejects a file the full read accepts: \(error)")
  }
  let base = contents.origin ?? origin
  var text = "$ORIGIN \(base)\n"
  for record in contents.records {
    ZoneWriter.append(record, origin: base, to: &text)
  }
  do {
    let again = try ZoneFileReader.read(Array(text.utf8), file: "again.zone", origin: base)
    FuzzCheck.require(again.records == contents.records, "zone-file round trip changed the records:\n\(text.prefix(500))")
  } catch {
    FuzzCheck.fail("zone-file reader rejects what ZoneWriter wrote from its records: \(error)\n\(text.prefix(500))")
  }
  return 0
}

enum ZoneFileFuzz {
  /// A constant, so a failure here is the harness's own bug.
  static let origin: DomainName = {
    do { return try DomainName("cluster.local") } catch { FuzzCheck.fail("harness origin: \(error)") }
  }()
}
