/// How a changed zone's next serial is chosen (`--serial-scheme`).
///
/// Whatever the scheme proposes, the serial published is always greater
/// than the old one in RFC 1982 arithmetic (`Serial.advanced(toward:)`), so
/// a clock that goes backwards, or 100 changes in one day with `date`,
/// never make a serial go backwards.
public enum SerialScheme: String, Sendable, CaseIterable {
  /// Seconds since 1970 (what CoreDNS's `file` users mostly use).
  case unixtime
  /// `YYYYMMDDnn`: the UTC date and a two-digit change counter.
  case date
  /// The old serial plus one; 1 for a new zone.
  case increment

  /// The serial to give a zone whose previous serial was `old` (nil for a
  /// zone written for the first time), at `now` seconds since 1970.
  public func next(after old: UInt32?, now: Int64) -> UInt32 {
    let proposal = candidate(after: old, now: now)
    guard let old else { return proposal == 0 ? 1 : proposal }
    return Serial(old).advanced(toward: proposal).value
  }

  private func candidate(after old: UInt32?, now: Int64) -> UInt32 {
    switch self {
    case .unixtime:
      return UInt32(clamping: max(0, now))
    case .date:
      let base = UInt32(clamping: Self.civilDate(now) * 100)
      // Same day: count up from the old serial's counter.
      if let old, old >= base, old < base &+ 99 { return old + 1 }
      return base
    case .increment:
      return (old ?? 0) &+ 1
    }
  }

  /// YYYYMMDD of `seconds` since 1970 in UTC (days-to-civil, proleptic
  /// Gregorian), without Foundation's calendar so it is the same everywhere.
  static func civilDate(_ seconds: Int64) -> Int64 {
    let days = (seconds >= 0 ? seconds : seconds - 86_399) / 86_400
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return year * 10_000 + month * 100 + day
  }
}
