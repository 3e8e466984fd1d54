/// The `ttl` annotation, read as ExternalDNS's `TTLFromAnnotations`: a
/// Go duration (`90s`, `1m`, `1h30m`, `1.5h`; fractions of a second are
/// dropped) or else a whole number of seconds; from 1 to 2,147,483,647
/// seconds. Anything else is warned about and the zone's TTL is used.
enum PublicTTL {
  static let range: ClosedRange<Int64> = 1...Int64(Int32.max)

  /// Seconds, or nil when `text` is neither a duration nor an integer.
  static func seconds(_ text: String) -> Int64? {
    if let d = goDuration(text) { return d }
    return Int64(text)
  }

  /// `time.ParseDuration` in whole seconds: an optional sign, then one or
  /// more numbers (with an optional fraction) each with a unit of ns, us,
  /// µs, ms, s, m or h; `0` alone is zero.
  static func goDuration(_ text: String) -> Int64? {
    var s = Substring(text)
    var negative = false
    if let f = s.first, f == "-" || f == "+" {
      negative = f == "-"
      s = s.dropFirst()
    }
    if s == "0" { return 0 }
    if s.isEmpty { return nil }
    var nanos: Double = 0
    while !s.isEmpty {
      let number = s.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, number != ".", let value = Double(number) else { return nil }
      s = s.dropFirst(number.count)
      let unit = s.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      s = s.dropFirst(unit.count)
      guard let scale = unitNanos[String(unit)] else { return nil }
      nanos += value * scale
    }
    let seconds = (nanos / 1e9).rounded(.towardZero)
    guard seconds.magnitude < 9.2e18 else { return nil }
    return negative ? -Int64(seconds) : Int64(seconds)
  }

  private static let unitNanos: [String: Double] = [
    "ns": 1, "us": 1e3, "µs": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9,
  ]

  /// The TTL the annotation gives, nil for none or an invalid one
  /// (warned about; with `strict` an error).
  static func read(_ field: FieldText?, of object: ObjectReference, into sink: inout PublicRecordSink) throws(InputError) -> UInt32? {
    guard let field else { return nil }
    guard let value = seconds(field.text) else {
      try sink.reject("\(object.key): ttl annotation '\(field.text.escapedForMessage)' is not a number of seconds or a duration such as 1m; the zone's TTL is used", at: field.location)
      return nil
    }
    // ExternalDNS reads 0 as "not configured", silently.
    if value == 0 { return nil }
    guard range.contains(value) else {
      try sink.reject("\(object.key): ttl annotation '\(field.text.escapedForMessage)' is outside 1 to 2147483647 seconds; the zone's TTL is used", at: field.location)
      return nil
    }
    return UInt32(value)
  }
}
