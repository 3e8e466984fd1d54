/// An IPv4 address, parsed from dotted-quad text and never copied as text.
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let value: UInt32

  public init(_ value: UInt32) { self.value = value }

  /// Parses strict dotted-quad: four decimal octets, no leading zeros (as
  /// Kubernetes' own validation requires, since `010` is ambiguous).
  public init?(_ text: some StringProtocol) {
    var value: UInt32 = 0
    var parts = 0
    for part in text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
      guard part.count >= 1, part.count <= 3, part.allSatisfy({ $0 >= 48 && $0 <= 57 })
      else { return nil }
      if part.count > 1 && part.first == 48 { return nil }
      let octet = part.reduce(0) { $0 * 10 + UInt32($1 - 48) }
      guard octet <= 255 else { return nil }
      value = value << 8 | octet
      parts += 1
    }
    guard parts == 4 else { return nil }
    self.value = value
  }

  public var octets: [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
  }

  public var description: String { octets.map(String.init).joined(separator: ".") }

  public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }
}
