/// Reads RFC 1035 §5 master files, ours and other tools' alike.
///
/// Supports `$ORIGIN`, `$TTL`, `@`, relative and absolute names, omitted
/// owner (a line starting with a blank), omitted TTL and class in either
/// order, TTL units (`1h30m`), parentheses, comments, quoted strings and
/// `\X` / `\DDD` escapes, and every type in `RRType` (also as `TYPE<n>`).
/// `$INCLUDE`, `$GENERATE`, classes other than IN, other types, RFC 3597
/// `\#` data, TTLs past 2^31 - 1, a second SOA unlike the first and
/// records outside the SOA's zone are errors naming the position, since
/// guessing would make a diff lie. Octets are octets: a name or string is
/// read byte for byte, whatever the encoding.
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
    let read = try readRecords(bytes, file: file, origin: origin, defaultTTL: nil)
    return (read.records, read.origin)
  }

  /// Each record with the position of its owner, for hand-kept records
  /// (`--static`) whose conflicts must name their line. `defaultTTL` is
  /// the TTL of records that give none before any `$TTL`.
  public static func readLocated(
    _ bytes: [UInt8], file: String, origin: DomainName?, defaultTTL: UInt32?
  ) throws(ZoneFileError) -> [(record: ResourceRecord, location: SourceLocation)] {
    let read = try readRecords(bytes, file: file, origin: origin, defaultTTL: defaultTTL)
    // Hand-kept files are small: a scan per record costs nothing here.
    return zip(read.records, read.offsets).map { ($0, ZoneFileScanner.location(of: $1, in: bytes, file: file)) }
  }

  private static func readRecords(
    _ bytes: [UInt8], file: String, origin: DomainName?, defaultTTL: UInt32?
  ) throws(ZoneFileError) -> (records: [ResourceRecord], offsets: [Int], origin: DomainName?) {
    var reader = ZoneFileReader(file: file, bytes: bytes, origin: origin)
    reader.defaultTTL = defaultTTL
    var scanner = ZoneFileScanner(bytes, file: file)
    var records: [ResourceRecord] = []
    var offsets: [Int] = []
    // Owner offsets of the records read before the SOA, checked once it comes.
    var pending: [Int] = []
    var soa: (record: ResourceRecord, offset: Int)?
    for line in try scanner.lines() {
      guard let (record, offset) = try reader.entry(line) else { continue }
      if record.type == .soa {
        if let soa {
          // `dig AXFR` ends with the zone's SOA again: the same record is no second SOA.
          guard record == soa.record else { throw reader.secondSOA(at: offset, first: soa.offset) }
          continue
        }
        soa = (record, offset)
        for (earlier, at) in zip(records, pending) { try reader.checkInZone(earlier, apex: record.owner, at: at) }
        pending = []
      } else if let soa {
        try reader.checkInZone(record, apex: soa.record.owner, at: offset)
      } else {
        pending.append(offset)
      }
      records.append(record)
      offsets.append(offset)
    }
    return (records, offsets, reader.origin)
  }

  /// The first SOA, reading nothing after it: a zone file's serial without
  /// parsing its records. Nil when the file has none.
  public static func firstSOA(_ bytes: [UInt8], file: String, origin: DomainName? = nil) throws(ZoneFileError) -> SOA? {
    var reader = ZoneFileReader(file: file, bytes: bytes, origin: origin)
    var scanner = ZoneFileScanner(bytes, file: file)
    while let line = try scanner.nextLine() {
      if let (record, _) = try reader.entry(line), case .soa(let soa) = record.data { return soa }
    }
    return nil
  }

  private init(file: String, bytes: [UInt8], origin: DomainName?) {
    self.file = file
    self.bytes = bytes
    self.origin = origin
  }

  /// The record on `line` and its owner's offset; nil for a directive.
  private mutating func entry(_ line: ZoneFileLine) throws(ZoneFileError) -> (ResourceRecord, Int)? {
    var tokens = line.tokens[...]
    if !line.blankOwner, let first = tokens.first, first.bytes.first == UInt8(ascii: "$"), !first.quoted {
      try directive(first, Array(tokens.dropFirst()))
      return nil
    }
    var owner: DomainName
    let ownerOffset: Int
    if line.blankOwner {
      guard let lastOwner else { throw error("a record needs an owner: the first record cannot start with a blank", at: line.offset) }
      owner = lastOwner
      ownerOffset = line.offset
    } else {
      guard let first = tokens.popFirst() else { return nil }
      owner = try name(first)
      ownerOffset = first.offset
    }
    var ttl: UInt32?
    var sawClass = false
    var typeToken: ZoneFileToken?
    while let token = tokens.popFirst() {
      if ttl == nil, !token.quoted, let first = token.bytes.first, Self.isDigit(first) {
        // Types and classes start with a letter: a digit starts a TTL.
        ttl = try recordTTL(token)
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
      throw error("unknown or unsupported record type '\(typeToken.shown)'; kubezone reads \(known)", at: typeToken.offset)
    }
    let data = try rdata(type, Array(tokens), after: typeToken)
    guard let effective = ttl ?? defaultTTL ?? lastTTL else {
      throw error("record has no TTL and no $TTL came before it", at: typeToken.offset)
    }
    lastOwner = owner
    lastTTL = effective
    return (ResourceRecord(owner: owner, ttl: effective, data: data), ownerOffset)
  }

  /// Out-of-zone data is not part of the zone (BIND ignores it); reading
  /// it would put another zone's names into a diff.
  private func checkInZone(_ record: ResourceRecord, apex: DomainName, at offset: Int) throws(ZoneFileError) {
    guard !record.owner.isSubdomain(of: apex) else { return }
    throw error("\(record.owner) is outside the zone \(apex) (the SOA's owner)", at: offset)
  }

  private func secondSOA(at offset: Int, first: Int) -> ZoneFileError {
    let line = ZoneFileScanner.location(of: first, in: bytes, file: file).line
    return error("a second SOA record, unlike the first (line \(line)); a zone has exactly one", at: offset)
  }

  private mutating func directive(_ token: ZoneFileToken, _ args: [ZoneFileToken]) throws(ZoneFileError) {
    switch token.text.uppercased() {
    case "$ORIGIN":
      guard args.count == 1 else { throw error("$ORIGIN takes one name", at: token.offset) }
      origin = try name(args[0])
    case "$TTL":
      guard args.count == 1 else { throw error("$TTL takes one TTL in seconds or with units (1h30m)", at: token.offset) }
      defaultTTL = try recordTTL(args[0])
    case "$INCLUDE", "$GENERATE":
      throw error("\(token.text.uppercased()) is not supported; expand the zone first (named-compilezone -o - ZONE FILE)", at: token.offset)
    default:
      throw error("unknown directive '\(token.shown)'", at: token.offset)
    }
  }

  private func rdata(_ type: RRType, _ fields: [ZoneFileToken], after typeToken: ZoneFileToken) throws(ZoneFileError) -> RData {
    func need(_ n: Int, _ what: String) throws(ZoneFileError) {
      if fields.count < n { throw error("\(type.rawValue) needs \(what)", at: fields.last?.offset ?? typeToken.offset) }
      if fields.count > n { throw error("unexpected '\(fields[n].shown)' after the \(type.rawValue) data", at: fields[n].offset) }
    }
    if let first = fields.first, !first.quoted, first.bytes == [UInt8(ascii: "\\"), UInt8(ascii: "#")] {
      throw error("RFC 3597 generic data ('\\#') is not read; write the \(type.rawValue) record in its own format", at: first.offset)
    }
    switch type {
    case .a:
      try need(1, "an IPv4 address")
      guard let ip = IPv4Address(fields[0].text) else { throw error("'\(fields[0].shown)' is not an IPv4 address", at: fields[0].offset) }
      return .a(ip)
    case .aaaa:
      try need(1, "an IPv6 address")
      guard let ip = IPv6Address(fields[0].text) else { throw error("'\(fields[0].shown)' is not an IPv6 address", at: fields[0].offset) }
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
    case .mx:
      try need(2, "a preference and a mail exchange")
      return .mx(MX(preference: try number(fields[0]), exchange: try name(fields[1])))
    case .txt:
      guard !fields.isEmpty else { throw error("TXT needs at least one string", at: typeToken.offset) }
      var strings: [CharacterString] = []
      var length = 0
      for field in fields {
        let string = try characterString(field)
        length += 1 + string.bytes.count
        if length > 65_535 { throw error("TXT data is more than 65535 octets", at: field.offset) }
        strings.append(string)
      }
      return .txt(strings)
    case .soa:
      try need(7, "mname, rname, serial, refresh, retry, expire and minimum")
      var timers: [UInt32] = []
      for (i, field) in fields[2...].enumerated() {
        // The serial is a plain number; the timers may carry units.
        guard let t = i == 0 ? UInt32(field.text) : Self.ttl(field) else {
          throw error("'\(field.shown)' is not a 32-bit number", at: field.offset)
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
    try checkEscapes(token)
    let parsed: DomainName
    do {
      parsed = try DomainName(presentation: raw)
    } catch {
      throw self.error("invalid name '\(token.shown)': \(Self.reason(error))", at: token.offset)
    }
    if Self.endsWithUnescapedDot(raw) { return parsed }
    guard let origin else { throw error("relative name '\(token.shown)' used before any $ORIGIN", at: token.offset) }
    do {
      return try parsed.appending(origin)
    } catch {
      throw self.error("name '\(token.shown)' under \(origin): \(Self.reason(error))", at: token.offset)
    }
  }

  /// Why a name failed, without repeating its text (the message shows it cut).
  private static func reason(_ error: DomainNameError) -> String {
    switch error {
    case .emptyLabel: "empty label"
    case .labelTooLong: "a label is longer than 63 octets"
    case .nameTooLong(let n): "name is \(n) octets on the wire, more than 255"
    case .invalidEscape: "invalid escape"
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
    while i < b.count && out.count <= CharacterString.maxLength {
      if b[i] == UInt8(ascii: "\\") {
        guard let escape = PresentationEscape.decode(b, at: i) else { throw badEscape(token, at: i) }
        out.append(escape.octet)
        i += escape.length
      } else {
        out.append(b[i])
        i += 1
      }
    }
    guard let s = CharacterString(out) else { throw error("string is more than 255 octets", at: token.offset) }
    return s
  }

  /// Throws at the first escape in `token` that stands for no octet.
  private func checkEscapes(_ token: ZoneFileToken) throws(ZoneFileError) {
    var i = 0
    while let slash = token.bytes[i...].firstIndex(of: UInt8(ascii: "\\")) {
      guard let escape = PresentationEscape.decode(token.bytes, at: slash) else { throw badEscape(token, at: slash) }
      i = slash + escape.length
    }
  }

  /// `\256`, `\1x`: a backslash and digits that are not three, or past 255.
  private func badEscape(_ token: ZoneFileToken, at i: Int) -> ZoneFileError {
    let digits = token.bytes[(i + 1)...].prefix(3).prefix(while: PresentationEscape.isDigit)
    let text = "\\" + String(decoding: digits, as: UTF8.self)
    let why = digits.count < 3 ? "needs three digits" : "is more than 255"
    return error("invalid escape '\(text)' in '\(token.shown)': '\\DDD' \(why)", at: token.offset + (token.quoted ? 1 : 0) + i)
  }

  /// A record's or `$TTL`'s TTL: at most 2^31 - 1 (RFC 2181 §8; BIND
  /// warns and reads a larger one as 0, which would make a diff lie).
  private func recordTTL(_ token: ZoneFileToken) throws(ZoneFileError) -> UInt32 {
    guard let value = Self.ttl(token) else {
      let large = !token.quoted && token.bytes.allSatisfy(Self.isDigit)
      throw error(large ? "TTL \(token.shown) is more than 2147483647 (RFC 2181)" : "'\(token.shown)' is not a TTL", at: token.offset)
    }
    guard value <= UInt32(Int32.max) else { throw error("TTL \(value) is more than 2147483647 (RFC 2181)", at: token.offset) }
    return value
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

  /// The class a token names, RFC 3597's `CLASS<n>` included (`CLASS1`
  /// is IN); nil if it names none.
  static func className(_ text: String) -> String? {
    let upper = text.uppercased()
    let names = ["IN", "CS", "CH", "HS"]
    if names.contains(upper) { return upper }
    let digits = upper.dropFirst(5)
    guard upper.hasPrefix("CLASS"), digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), let n = UInt16(digits) else { return nil }
    return (1...4).contains(n) ? names[Int(n) - 1] : upper
  }

  private static func isDigit(_ b: UInt8) -> Bool { PresentationEscape.isDigit(b) }

  private func error(_ message: String, at offset: Int) -> ZoneFileError {
    ZoneFileError(message, at: ZoneFileScanner.location(of: offset, in: bytes, file: file))
  }
}
