import Foundation

/// Writes a zone in RFC 1035 master-file format, byte-stable for diffs.
///
/// The header (comment, `$ORIGIN`, `$TTL`, SOA, apex NS) comes from the
/// `zone.header` template; then one record per line in `ZoneOrder`:
///
///     normal-service.test.svc                         30      IN  A      10.96.1.136
///
/// Owners are relative to the origin (`@` for the apex); the columns have
/// fixed widths, so adding one long name never re-aligns the rest of the
/// file; every record carries its TTL; targets are absolute.
public struct ZoneWriter: Sendable {
  public var header: Template

  /// Width of the owner column; longer owners are followed by one space.
  public static let ownerWidth = 48

  public init(header: Template) {
    self.header = header
  }

  /// The zone file's full text.
  public func text(for zone: Zone, generator: String) throws(TemplateError) -> String {
    String(decoding: try bytes(for: zone, generator: generator).bytes, as: UTF8.self)
  }

  /// Renders only the header, the one part that can fail (a template
  /// error), so a run can stop before anything is written or rendered.
  func checkHeader(for zone: Zone, generator: String) throws(TemplateError) {
    _ = try header.render(Self.headerContext(zone, generator: generator))
  }

  /// The zone file's bytes, and how many of them the header takes (the
  /// part a template, not this writer, decides).
  func bytes(for zone: Zone, generator: String) throws(TemplateError) -> (bytes: [UInt8], headerCount: Int) {
    // Generous, so the buffer is not grown (a copy, with both buffers
    // resident meanwhile): a cluster's lines average 90-120 bytes, and
    // reserved pages never written are not resident.
    var out = ZoneLineBuffer(capacity: 512 + zone.records.count * 160)
    var head = try header.render(Self.headerContext(zone, generator: generator))
    if !head.isEmpty && !head.hasSuffix("\n") { head += "\n" }
    out.append(head)
    let headerCount = out.bytes.count
    Self.append(zone.records, origin: zone.origin, to: &out)
    return (out.bytes, headerCount)
  }

  /// Records a core renders at a time in a large zone.
  static let parallelRun = 4096

  /// Appends the lines of `records`, in order. Each line stands alone, so
  /// a large zone is rendered on all cores: in windows of `parallelRun`
  /// records a core, each core's run into a buffer of its own, appended in
  /// order, so the extra memory stays a few MB however large the zone.
  static func append(
    _ records: [ResourceRecord], origin: DomainName, to out: inout ZoneLineBuffer,
    cores: Int = ProcessInfo.processInfo.activeProcessorCount, run: Int = parallelRun
  ) {
    guard cores > 1, records.count >= 2 * run else {
      for record in records { append(record, origin: origin, to: &out) }
      return
    }
    var start = 0
    while start < records.count {
      let end = min(records.count, start + cores * run)
      let runs = ParallelMap.ranges(end - start, minimum: run / 2, parts: cores).map { ($0.lowerBound + start)..<($0.upperBound + start) }
      let rendered = ParallelMap.map(runs) { range in
        var lines = ZoneLineBuffer(capacity: range.count * 128)
        for i in range { append(records[i], origin: origin, to: &lines) }
        return lines.bytes
      }
      for lines in rendered { out.bytes.append(contentsOf: lines) }
      start = end
    }
  }

  /// Appends one record line (with its newline).
  static func append(_ record: ResourceRecord, origin: DomainName, to out: inout ZoneLineBuffer) {
    let ownerWidth = out.relative(record.owner, to: origin)
    out.spaces(max(1, Self.ownerWidth - ownerWidth))
    out.decimal(record.ttl)
    out.spaces(max(1, 8 - ZoneLineBuffer.decimalWidth(record.ttl)))
    out.append("IN  ")
    let type = record.type.rawValue
    out.append(type)
    out.spaces(max(1, 7 - type.utf8.count))
    out.rdata(record.data)
    out.append(0x0A)
  }

  /// Appends one record line (with its newline) to a string.
  static func append(_ record: ResourceRecord, origin: DomainName, to out: inout String) {
    var buffer = ZoneLineBuffer(capacity: 128)
    append(record, origin: origin, to: &buffer)
    out += String(decoding: buffer.bytes, as: UTF8.self)
  }

  static func headerContext(_ zone: Zone, generator: String) -> [String: Template.Value] {
    [
      "generator": .text(generator),
      "origin": .text(zone.origin.description),
      "ttl": .text(String(zone.ttl)),
      "serial": .text(String(zone.soa.serial)),
      "mname": .text(zone.soa.mname.description),
      "rname": .text(zone.soa.rname.description),
      "refresh": .text(String(zone.soa.refresh)),
      "retry": .text(String(zone.soa.retry)),
      "expire": .text(String(zone.soa.expire)),
      "minimum": .text(String(zone.soa.minimum)),
      "nameservers": .list(zone.nameservers.map { ["nameserver": .text($0.description)] }),
    ]
  }
}
