/// An IPv4 or IPv6 address.
public enum IPAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
  case v4(IPv4Address)
  case v6(IPv6Address)

  /// Parses either family; nil for anything that is not an address.
  public init?(_ text: some StringProtocol) {
    if let a = IPv4Address(text) {
      self = .v4(a)
    } else if let a = IPv6Address(text) {
      self = .v6(a)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .v4(let a): a.description
    case .v6(let a): a.description
    }
  }

  public var isIPv6: Bool {
    if case .v6 = self { return true }
    return false
  }

  /// IPv4 sorts before IPv6, then by numeric value.
  public static func < (a: IPAddress, b: IPAddress) -> Bool {
    switch (a, b) {
    case (.v4(let x), .v4(let y)): x < y
    case (.v6(let x), .v6(let y)): x < y
    case (.v4, .v6): true
    case (.v6, .v4): false
    }
  }

  /// The label Kubernetes DNS uses for an address: dots or colons become
  /// dashes, and an IPv6 form ending in `-` gets a `0` (`2001:db8::` ->
  /// `2001-db8--0`), since a label cannot end with a dash.
  public var dashed: String {
    switch self {
    case .v4(let a):
      var out: [UInt8] = []
      out.reserveCapacity(15)
      for shift in [24, 16, 8, 0] as [UInt32] {
        if shift != 24 { out.append(UInt8(ascii: "-")) }
        out += Self.decimal(UInt8(truncatingIfNeeded: a.value >> shift))
      }
      return String(decoding: out, as: UTF8.self)
    case .v6(let a):
      var s = a.description.replacingColons()
      if s.hasSuffix("-") { s += "0" }
      return s
    }
  }

  /// The reverse-lookup name: `d.c.b.a.in-addr.arpa.` or 32 nibbles under
  /// `ip6.arpa.`, least significant first.
  public var reverseName: DomainName {
    // Built straight into the name's root-first storage (see `DomainName`).
    var bytes: [UInt8] = []
    switch self {
    case .v4(let a):
      bytes.reserveCapacity(30)
      bytes.append(4)
      bytes += Self.arpa
      bytes.append(7)
      bytes += Self.inAddr
      for shift in [24, 16, 8, 0] as [UInt32] {
        let octet = Self.decimal(UInt8(truncatingIfNeeded: a.value >> shift))
        bytes.append(UInt8(octet.count))
        bytes += octet
      }
    case .v6(let a):
      bytes.reserveCapacity(73)
      bytes += [4] + Self.arpa + [3] + Array("ip6".utf8)
      for word in [a.high, a.low] {
        for k in stride(from: 15, through: 0, by: -1) {
          let n = UInt8((word >> (UInt64(k) * 4)) & 0xF)
          bytes += [1, n < 10 ? 48 + n : 87 + n]
        }
      }
    }
    return DomainName(reversedWire: bytes)
  }
}

extension IPAddress {
  static let inAddr = Array("in-addr".utf8)
  static let arpa = Array("arpa".utf8)

  /// An octet in decimal, as bytes.
  static func decimal(_ b: UInt8) -> [UInt8] {
    if b >= 100 { return [48 + b / 100, 48 + b / 10 % 10, 48 + b % 10] }
    if b >= 10 { return [48 + b / 10, 48 + b % 10] }
    return [48 + b]
  }
}

extension String {
  fileprivate func replacingColons() -> String {
    String(decoding: utf8.map { $0 == UInt8(ascii: ":") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
  }
}
