/// The record types kubezone writes and reads (RFC 1035 §3.2.2, RFC 3596,
/// RFC 2782; MX for hand-kept records). The raw value is the mnemonic; the order of cases is the order
/// in which RRsets of one owner are written.
public enum RRType: String, Sendable, Hashable, CaseIterable, Comparable {
  case soa = "SOA"
  case ns = "NS"
  case a = "A"
  case aaaa = "AAAA"
  case cname = "CNAME"
  case ptr = "PTR"
  case srv = "SRV"
  case txt = "TXT"
  case mx = "MX"

  /// The mnemonic in any case, or RFC 3597's `TYPE<n>` for one of these
  /// types (`TYPE1` is A).
  public init?(mnemonic: some StringProtocol) {
    let upper = mnemonic.uppercased()
    if let known = Self(rawValue: upper) {
      self = known
    } else if upper.hasPrefix("TYPE"), upper.dropFirst(4).allSatisfy({ $0 >= "0" && $0 <= "9" }),
      let code = UInt16(upper.dropFirst(4)),
      let known = Self.allCases.first(where: { $0.code == code }) {
      self = known
    } else {
      return nil
    }
  }

  /// The type's number on the wire.
  public var code: UInt16 {
    switch self {
    case .a: 1
    case .ns: 2
    case .cname: 5
    case .soa: 6
    case .ptr: 12
    case .txt: 16
    case .aaaa: 28
    case .srv: 33
    case .mx: 15
    }
  }

  /// The position in `allCases`, spelt out: looking it up there built the
  /// case array on every comparison of two types.
  var rank: Int {
    switch self {
    case .soa: 0
    case .ns: 1
    case .a: 2
    case .aaaa: 3
    case .cname: 4
    case .ptr: 5
    case .srv: 6
    case .txt: 7
    case .mx: 8
    }
  }

  /// One bit per type, in `allCases` order, for sets of types.
  var bit: UInt16 { UInt16(1) << UInt16(rank) }

  public static func < (a: RRType, b: RRType) -> Bool { a.rank < b.rank }
}
