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
      // Written in place: one allocation for the text, none per octet
      // (once per endpoint of every Service).
      return String(unsafeUninitializedCapacity: 15) { out in
        var n = 0
        for shift in stride(from: 24, through: 0, by: -8) {
          if shift != 24 {
            out[n] = UInt8(ascii: "-")
            n += 1
          }
          n = Self.writeDecimal(UInt8(truncatingIfNeeded: a.value >> UInt32(shift)), into: out, at: n)
        }
        return n
      }
    case .v6(let a):
      var s = a.description.replacingColons()
      if s.hasSuffix("-") { s += "0" }
      return s
    }
  }

  /// The reverse-lookup name: `d.c.b.a.in-addr.arpa.` or 32 nibbles under
  /// `ip6.arpa.`, least significant first.
  public var reverseName: DomainName {
    // Built straight into the name's root-first storage (see `DomainName`),
    // with no array per label.
    switch self {
    case .v4(let a):
      let bytes = [UInt8](unsafeUninitializedCapacity: 29) { out, count in
        var n = out.initialize(fromContentsOf: Self.inAddrArpaStorage)
        for shift in stride(from: 24, through: 0, by: -8) {
          let length = n
          n = Self.writeDecimal(UInt8(truncatingIfNeeded: a.value >> UInt32(shift)), into: out, at: n + 1)
          out[length] = UInt8(truncatingIfNeeded: n - length - 1)
        }
        count = n
      }
      return DomainName(reversedWire: bytes)
    case .v6(let a):
      let bytes = [UInt8](unsafeUninitializedCapacity: 73) { out, count in
        var n = out.initialize(fromContentsOf: Self.ip6ArpaStorage)
        for word in [a.high, a.low] {
          for k in stride(from: 15, through: 0, by: -1) {
            let nibble = UInt8((word >> (UInt64(k) * 4)) & 0xF)
            out[n] = 1
            out[n + 1] = nibble < 10 ? 48 + nibble : 87 + nibble
            n += 2
          }
        }
        count = n
      }
      return DomainName(reversedWire: bytes)
    }
  }
}

extension IPAddress {
  /// `in-addr.arpa.` and `ip6.arpa.` in `DomainName`'s root-first storage.
  static let inAddrArpaStorage: [UInt8] = [4] + Array("arpa".utf8) + [7] + Array("in-addr".utf8)
  static let ip6ArpaStorage: [UInt8] = [4] + Array("arpa".utf8) + [3] + Array("ip6".utf8)

  /// Writes an octet in decimal at `n` in `out`, which has room for three
  /// digits there; where it ends.
  @inline(__always)
  static func writeDecimal(_ b: UInt8, into out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
    if b >= 100 {
      out[n] = 48 + b / 100
      out[n + 1] = 48 + b / 10 % 10
      out[n + 2] = 48 + b % 10
      return n + 3
    }
    if b >= 10 {
      out[n] = 48 + b / 10
      out[n + 1] = 48 + b % 10
      return n + 2
    }
    out[n] = 48 + b
    return n + 1
  }
}

extension String {
  fileprivate func replacingColons() -> String {
    String(decoding: utf8.map { $0 == UInt8(ascii: ":") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
  }
}
