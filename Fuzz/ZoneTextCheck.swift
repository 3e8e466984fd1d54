/// Re-reads the zone text the pipeline wrote and checks it against the
/// zone it was written from, for the pipeline harness.
///
/// Every line must be blank, a `;` comment, `$ORIGIN <origin>`, `$TTL <n>`
/// or one record: owner, TTL, `IN`, a type and exactly the RDATA fields of
/// that type. Owners and names are unescaped and compared octet for octet,
/// so a name that smuggled in a space, quote, `;` or newline either shows
/// up as an extra field or line, or fails the comparison. Only printable
/// ASCII and LF may appear at all.
enum ZoneTextCheck {
  /// A record as read back: owner labels, TTL, type and RDATA tokens.
  struct Line: Equatable {
    var owner: [[UInt8]]
    var ttl: UInt32
    var type: RRType
    var fields: [String]
  }

  /// `wildcards`: the zone is a public zone, where an owner may start with
  /// the wildcard label `*` (a hostname annotation or a Gateway listener
  /// such as `*.apps.example.com`, RFC 4592); never a cluster zone.
  static func check(_ text: String, zone: Zone, wildcards: Bool = false) {
    for b in text.utf8 {
      FuzzCheck.require(b == 0x0A || (b >= 0x20 && b < 0x7F), "zone text holds byte \(b)")
    }
    var lines: [Line] = []
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      if line.isEmpty || line.hasPrefix(";") { continue }
      if line.hasPrefix("$ORIGIN ") {
        FuzzCheck.require(line == "$ORIGIN \(zone.origin)", "bad $ORIGIN line: \(line)")
        continue
      }
      if line.hasPrefix("$TTL ") {
        FuzzCheck.require(line == "$TTL \(zone.ttl)", "bad $TTL line: \(line)")
        continue
      }
      lines.append(record(line, origin: zone.origin))
    }
    let expected = zone.allRecords.map { r in
      Line(owner: r.owner.labels, ttl: r.ttl, type: r.type, fields: r.data.presentationFields)
    }
    FuzzCheck.require(lines.count == expected.count, "zone \(zone.origin): \(lines.count) record lines for \(expected.count) records")
    for (got, want) in zip(lines, expected) {
      FuzzCheck.require(got.owner == want.owner, "owner read back differs: \(got.owner) vs \(want.owner)")
      FuzzCheck.require(got.ttl == want.ttl && got.type == want.type, "TTL or type read back differs")
      FuzzCheck.require(got.fields == want.fields, "RDATA read back differs: \(got.fields) vs \(want.fields)")
    }
    for r in zone.allRecords {
      checkName(r.owner, zone: zone, wildcard: wildcards)
      checkData(r.data, zone: zone)
    }
  }

  /// One record line, split on spaces outside quotes.
  static func record(_ line: String, origin: DomainName) -> Line {
    let tokens = tokenize(line)
    FuzzCheck.require(tokens.count >= 5, "record line with \(tokens.count) fields: \(line)")
    let owner: [[UInt8]]
    if tokens[0] == "@" {
      owner = origin.labels
    } else {
      guard let name = try? DomainName(tokens[0]) else { FuzzCheck.fail("owner does not parse: \(line)") }
      owner = tokens[0].hasSuffix(".") ? name.labels : name.labels + origin.labels
    }
    guard let ttl = UInt32(tokens[1]) else { FuzzCheck.fail("bad TTL: \(line)") }
    FuzzCheck.require(tokens[2] == "IN", "class is not IN: \(line)")
    guard let type = RRType(rawValue: tokens[3]) else { FuzzCheck.fail("unknown type: \(line)") }
    let fields = Array(tokens[4...])
    let arity: [RRType: Int] = [.a: 1, .aaaa: 1, .ns: 1, .cname: 1, .ptr: 1, .srv: 4, .soa: 7, .mx: 2]
    if let n = arity[type] {
      FuzzCheck.require(fields.count == n, "\(type.rawValue) with \(fields.count) fields: \(line)")
    }
    for f in fields {
      if type == .txt {
        FuzzCheck.require(f.hasPrefix("\"") && f.hasSuffix("\"") && f.count >= 2, "TXT field not quoted: \(line)")
      } else if f.hasSuffix(".") {
        // A name field must parse back to a name.
        FuzzCheck.require((try? DomainName(f)) != nil, "name field does not parse: \(line)")
      }
    }
    return Line(owner: owner, ttl: ttl, type: type, fields: fields)
  }

  /// Splits on spaces; a quoted string (with `\` escapes) is one token.
  static func tokenize(_ line: String) -> [String] {
    var tokens: [String] = []
    var current: [UInt8] = []
    var quoted = false
    var escaped = false
    for b in line.utf8 {
      if escaped {
        current.append(b)
        escaped = false
      } else if b == UInt8(ascii: "\\") {
        current.append(b)
        escaped = true
      } else if b == UInt8(ascii: "\"") {
        current.append(b)
        quoted.toggle()
      } else if b == 0x20 && !quoted {
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        current = []
      } else {
        current.append(b)
      }
    }
    FuzzCheck.require(!quoted && !escaped, "unterminated quote or escape: \(line)")
    if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
    return tokens
  }

  /// Names in a zone are made only of checked labels: letters, digits and
  /// dashes, an `_` at the start of an SRV label, nothing else; `*` only as
  /// a whole leftmost label of an owner in a public zone (`wildcard`).
  static func checkName(_ name: DomainName, zone: Zone, wildcard: Bool = false) {
    FuzzCheck.require(name.wireLength <= 255, "name longer than 255 octets: \(name)")
    for (k, label) in name.labels.enumerated() {
      if wildcard && k == 0 && label == [UInt8(ascii: "*")] { continue }
      FuzzCheck.require(!label.isEmpty && label.count <= 63, "bad label length in \(name)")
      for (i, b) in label.enumerated() {
        let ok = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 45 || (b == 95 && i == 0)
        FuzzCheck.require(ok, "label byte \(b) in \(name)")
      }
    }
  }

  static func checkData(_ data: RData, zone: Zone) {
    if let target = data.target { checkName(target, zone: zone) }
    if case .soa(let soa) = data {
      checkName(soa.mname, zone: zone)
      checkName(soa.rname, zone: zone)
    }
  }
}
