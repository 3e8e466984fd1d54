/// An IPv6 address: 128 bits, parsed from RFC 4291 text and written in the
/// RFC 5952 canonical form (lower case, longest zero run compressed).
public struct IPv6Address: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let high: UInt64
  public let low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  /// The eight 16-bit groups, most significant first.
  public var groups: [UInt16] {
    (0..<8).map { i in
      let word = i < 4 ? high : low
      return UInt16(truncatingIfNeeded: word >> (UInt64(3 - i % 4) * 16))
    }
  }

  public init?(groups: [UInt16]) {
    guard groups.count == 8 else { return nil }
    var h: UInt64 = 0
    var l: UInt64 = 0
    for i in 0..<4 { h = h << 16 | UInt64(groups[i]) }
    for i in 4..<8 { l = l << 16 | UInt64(groups[i]) }
    self.init(high: h, low: l)
  }

  /// Parses `x:x:x:x:x:x:x:x` with at most one `::`, and an optional
  /// embedded dotted-quad tail (`::ffff:1.2.3.4`). Zone ids are rejected.
  public init?(_ text: some StringProtocol) {
    let s = String(text)
    guard !s.isEmpty, s.utf8.count <= 45 else { return nil }
    let halves = s.components(separatedBy: "::")
    guard halves.count <= 2 else { return nil }
    func parse(_ part: String, allowV4Tail: Bool) -> [UInt16]? {
      if part.isEmpty { return [] }
      var out: [UInt16] = []
      let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
      for (i, piece) in pieces.enumerated() {
        if allowV4Tail && i == pieces.count - 1 && piece.contains(".") {
          guard let v4 = IPv4Address(piece) else { return nil }
          out.append(UInt16(v4.value >> 16))
          out.append(UInt16(v4.value & 0xFFFF))
          continue
        }
        guard (1...4).contains(piece.utf8.count), let g = UInt16(piece, radix: 16),
          piece.utf8.allSatisfy({ Self.isHex($0) })
        else { return nil }
        out.append(g)
      }
      return out
    }
    if halves.count == 1 {
      guard let g = parse(halves[0], allowV4Tail: true), g.count == 8 else { return nil }
      self.init(groups: g)
    } else {
      guard let head = parse(halves[0], allowV4Tail: false),
        let tail = parse(halves[1], allowV4Tail: true),
        head.count + tail.count <= 7
      else { return nil }
      self.init(groups: head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail)
    }
  }

  private static func isHex(_ b: UInt8) -> Bool {
    (b >= 48 && b <= 57) || (b >= 97 && b <= 102) || (b >= 65 && b <= 70)
  }

  /// RFC 5952: lower-case hex, no leading zeros, the longest run of two or
  /// more zero groups (the first one on a tie) written as `::`.
  public var description: String {
    let g = groups
    var bestStart = -1
    var bestLength = 0
    var i = 0
    while i < 8 {
      if g[i] == 0 {
        var j = i
        while j < 8 && g[j] == 0 { j += 1 }
        if j - i > bestLength && j - i >= 2 {
          bestStart = i
          bestLength = j - i
        }
        i = j
      } else {
        i += 1
      }
    }
    func hex(_ range: Range<Int>) -> String {
      g[range].map { String($0, radix: 16) }.joined(separator: ":")
    }
    if bestStart < 0 { return hex(0..<8) }
    return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
  }

  public static func < (a: IPv6Address, b: IPv6Address) -> Bool {
    (a.high, a.low) < (b.high, b.low)
  }
}
