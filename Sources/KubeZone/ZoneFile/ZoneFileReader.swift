/// Reads RFC 1035 §5 master files, ours and other tools' alike.
///
/// Supports `$ORIGIN`, `$TTL`, `@`, relative and absolute names, omitted
/// owner (a line starting with a blank), omitted TTL and class in either
/// order, TTL units (`1h30m`), parentheses, comments, quoted strings and
/// `\X` / `\DDD` escapes, and every type in `RRType`. `$INCLUDE`,
/// `$GENERATE`, classes other than IN and other types are errors naming
/// the position, since guessing would make a diff lie.
///
///     $ORIGIN cluster.local.
///     $TTL 30
///     @     IN SOA ns.dns hostmaster ( 1 7200 1800 86400 30 )
///     web.default.svc   A 10.96.0.10
///                       A 10.96.0.11     ; same owner as above
public struct ZoneFileReader {
  let file: String
  let bytes: [UInt8]
  var origin: DomainName?
  var defaultTTL: UInt32?
  var lastTTL: UInt32?
  var lastOwner: DomainName?

  /// Reads `bytes`; `origin` is the origin before any `$ORIGIN` (BIND
  /// takes it from the zone statement; kubezone from the file name).
  public static func read(_ bytes: [UInt8], file: String, origin: DomainName? = nil) throws(ZoneFileError) -> ZoneFileContents {
    let (records, last) = try readRecords(bytes, file: file, origin: origin)
    let apex = records.first(where: { $0.type == .soa })?.owner ?? last
    return ZoneFileContents(origin: apex, records: records)
  }

  /// The records in file order, and the `$ORIGIN` in force after them.
  /// Every line is scanned before any is read, so a syntax error anywhere
  /// is the one reported.
  static func readRecords(
    _ bytes: [UInt8], file: String, origin: DomainName?
  ) throws(ZoneFileError) -> (records: [ResourceRecord], origin: DomainName?) {
    var reader = ZoneFileReader(file: file, bytes: bytes, origin: origin)
    var scanner = ZoneFileScanner(bytes, file: file)
    var records: [ResourceRecord] = []
    for line in try scanner.lines() {
      if let record = try reader.entry(line) { records.append(record) }
    }
    return (records, reader.origin)
  }

  /// The first SOA, reading nothing after it: a zone file's serial without
  /// parsing its records. Nil when the file has none.
  public static func firstSOA(_ bytes: [UInt8], file: String, origin: DomainName? = nil) throws(ZoneFileError) -> SOA? {
    var reader = ZoneFileReader(file: file, bytes: bytes, origin: origin)
    var scanner = ZoneFileScanner(bytes, file: file)
    while let line = try scanner.nextLine() {
      if let record = try reader.entry(line), case .soa(let soa) = record.data { return soa }
    }
    return nil
  }

  private init(file: String, bytes: [UInt8], origin: DomainName?) {
    self.file = file
    self.bytes = bytes
    self.origin = origin
  }

  private mutating func entry(_ line: ZoneFileLine) throws(ZoneFileError) -> ResourceRecord? {
    var tokens = line.tokens[...]
    if !line.blankOwner, let first = tokens.first, first.bytes.first == UInt8(ascii: "$"), !first.quoted {
      try directive(first, Array(tokens.dropFirst()))
      return nil
    }
    var owner: DomainName
    if line.blankOwner {
      guard let lastOwner else { throw error("a record needs an owner: the first record cannot start with a blank", at: line.offset) }
      owner = lastOwner
    } else {
      guard let first = tokens.popFirst() else { return nil }
      owner = try name(first)
    }
    var ttl: UInt32?
    var sawClass = false
    var typeToken: ZoneFileToken?
    while let token = tokens.popFirst() {
      if ttl == nil, let value = Self.ttl(token) {
        ttl = value
      } else if !sawClass, !token.quoted, let cls = Self.className(token.text) {
        guard cls == "IN" else { throw error("class \(cls) is not supported; kubezone reads class IN only", at: token.offset) }
        sawClass = true
      } else {
        typeToken = token
        break
      }
    }
    guard let typeToken else { throw error("record has no type", at: line.offset) }
    guard let type = RRType(mnemonic: typeToken.text), !typeToken.quoted else {
      let known = RRType.allCases.map(\.rawValue).joined(separator: ", ")
      throw error("unknown or unsupported record type '\(typeToken.text)'; kubezone reads \(known)", at: typeToken.offset)
    }
    let data = try rdata(type, Array(tokens), after: typeToken)
    guard let effective = ttl ?? defaultTTL ?? lastTTL else {
      throw error("record has no TTL and no $TTL came before it", at: typeToken.offset)
    }
    lastOwner = owner
    lastTTL = effective
    return ResourceRecord(owner: owner, ttl: effective, data: data)
  }

  private mutating func directive(_ token: ZoneFileToken, _ args: [ZoneFileToken]) throws(ZoneFileError) {
    switch token.text.uppercased() {
    case "$ORIGIN":
      guard args.count == 1 else { throw error("$ORIGIN takes one name", at: token.offset) }
      origin = try name(args[0])
    case "$TTL":
      guard args.count == 1, let value = Self.ttl(args[0]) else {
        throw error("$TTL takes one TTL in seconds or with units (1h30m)", at: token.offset)
      }
      defaultTTL = value
    case "$INCLUDE", "$GENERATE":
      throw error("\(token.text.uppercased()) is not supported; expand the zone first (named-compilezone -o - ZONE FILE)", at: token.offset)
    default:
      throw error("unknown directive '\(token.text)'", at: token.offset)
    }
  }

  private func rdata(_ type: RRType, _ fields: [ZoneFileToken], after typeToken: ZoneFileToken) throws(ZoneFileError) -> RData {
    func need(_ n: Int, _ what: String) throws(ZoneFileError) {
      if fields.count < n { throw error("\(type.rawValue) needs \(what)", at: fields.last?.offset ?? typeToken.offset) }
      if fields.count > n { throw error("unexpected '\(fields[n].text)' after the \(type.rawValue) data", at: fields[n].offset) }
    }
    switch type {
    case .a:
      try need(1, "an IPv4 address")
      guard let ip = IPv4Address(fields[0].text) else { throw error("'\(fields[0].text)' is not an IPv4 address", at: fields[0].offset) }
      return .a(ip)
    case .aaaa:
      try need(1, "an IPv6 address")
      guard let ip = IPv6Address(fields[0].text) else { throw error("'\(fields[0].text)' is not an IPv6 address", at: fields[0].offset) }
      return .aaaa(ip)
    case .ns:
      try need(1, "a name")
      return .ns(try name(fields[0]))
    case .cname:
      try need(1, "a name")
      return .cname(try name(fields[0]))
    case .ptr:
      try need(1, "a name")
      return .ptr(try name(fields[0]))
    case .srv:
      try need(4, "priority, weight, port and target")
      return .srv(SRV(
        priority: try number(fields[0]), weight: try number(fields[1]), port: try number(fields[2]),
        target: try name(fields[3])))
    case .txt:
      guard !fields.isEmpty else { throw error("TXT needs at least one string", at: typeToken.offset) }
      var strings: [CharacterString] = []
      for field in fields { strings.append(try characterString(field)) }
      return .txt(strings)
    case .soa:
      try need(7, "mname, rname, serial, refresh, retry, expire and minimum")
      var timers: [UInt32] = []
      for (i, field) in fields[2...].enumerated() {
        // The serial is a plain number; the timers may carry units.
        guard let t = i == 0 ? UInt32(field.text) : Self.ttl(field) else {
          throw error("'\(field.text)' is not a 32-bit number", at: field.offset)
        }
        timers.append(t)
      }
      return .soa(SOA(
        mname: try name(fields[0]), rname: try name(fields[1]), serial: timers[0],
        refresh: timers[1], retry: timers[2], expire: timers[3], minimum: timers[4]))
    }
  }

  /// A name: `@`, absolute with a trailing dot, or relative to the origin.
  private func name(_ token: ZoneFileToken) throws(ZoneFileError) -> DomainName {
    let raw = token.bytes
    if raw == [UInt8(ascii: "@")] {
      guard let origin else { throw error("'@' used before any $ORIGIN", at: token.offset) }
      return origin
    }
    let parsed: DomainName
    do {
      parsed = try DomainName(token.text)
    } catch {
      throw self.error("invalid name '\(token.text)': \(error)", at: token.offset)
    }
    if Self.endsWithUnescapedDot(raw) { return parsed }
    guard let origin else { throw error("relative name '\(token.text)' used before any $ORIGIN", at: token.offset) }
    do {
      return try parsed.appending(origin)
    } catch {
      throw self.error("name '\(token.text)' under \(origin): \(error)", at: token.offset)
    }
  }

  static func endsWithUnescapedDot(_ raw: [UInt8]) -> Bool {
    guard raw.last == UInt8(ascii: ".") else { return false }
    // An odd run of backslashes before the dot escapes it ...
    var slashes = 0
    var i = raw.count - 2
    while i >= 0, raw[i] == UInt8(ascii: "\\") { slashes += 1; i -= 1 }
    if slashes % 2 == 1 { return false }
    // ... and so does `\DDD` never end in a dot, so this is the label end.
    return true
  }

  private func number(_ token: ZoneFileToken) throws(ZoneFileError) -> UInt16 {
    guard let n = UInt16(token.text) else { throw error("'\(token.text)' is not a number from 0 to 65535", at: token.offset) }
    return n
  }

  /// A `<character-string>`: quoted or a bare word, `\X` and `\DDD` resolved.
  private func characterString(_ token: ZoneFileToken) throws(ZoneFileError) -> CharacterString {
    var out: [UInt8] = []
    let b = token.bytes
    var i = 0
    while i < b.count {
      if b[i] == UInt8(ascii: "\\"), i + 1 < b.count {
        if Self.isDigit(b[i + 1]) {
          guard i + 3 < b.count, Self.isDigit(b[i + 2]), Self.isDigit(b[i + 3]) else {
            throw error("'\\DDD' needs three digits", at: token.offset)
          }
          let v = Int(b[i + 1] - 48) * 100 + Int(b[i + 2] - 48) * 10 + Int(b[i + 3] - 48)
          guard v <= 255 else { throw error("'\\\(v)' is more than 255", at: token.offset) }
          out.append(UInt8(v))
          i += 4
        } else {
          out.append(b[i + 1])
          i += 2
        }
      } else {
        out.append(b[i])
        i += 1
      }
    }
    guard let s = CharacterString(out) else { throw error("string is \(out.count) octets, more than 255", at: token.offset) }
    return s
  }

  /// A TTL in seconds or with BIND's units (`1w2d3h4m5s`); nil if not one.
  static func ttl(_ token: ZoneFileToken) -> UInt32? {
    guard !token.quoted, let first = token.bytes.first, isDigit(first) else { return nil }
    var total: UInt64 = 0
    var current: UInt64 = 0
    var sawUnit = false
    var pendingDigits = false
    for b in token.bytes {
      if isDigit(b) {
        current = current * 10 + UInt64(b - 48)
        pendingDigits = true
        if current > UInt64(UInt32.max) { return nil }
        continue
      }
      let unit: UInt64
      switch b | 0x20 {
      case UInt8(ascii: "s"): unit = 1
      case UInt8(ascii: "m"): unit = 60
      case UInt8(ascii: "h"): unit = 3600
      case UInt8(ascii: "d"): unit = 86_400
      case UInt8(ascii: "w"): unit = 604_800
      default: return nil
      }
      guard pendingDigits else { return nil }
      total += current * unit
      current = 0
      pendingDigits = false
      sawUnit = true
    }
    if pendingDigits { total += current }
    if sawUnit && pendingDigits { return nil }
    return total <= UInt64(UInt32.max) ? UInt32(total) : nil
  }

  static func className(_ text: String) -> String? {
    let upper = text.uppercased()
    return ["IN", "CH", "CS", "HS"].contains(upper) ? upper : nil
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

  private func error(_ message: String, at offset: Int) -> ZoneFileError {
    ZoneFileError(message, at: ZoneFileScanner.location(of: offset, in: bytes, file: file))
  }
}
