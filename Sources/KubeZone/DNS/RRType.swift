/// The record types kubezone writes and reads (RFC 1035 §3.2.2, RFC 3596,
/// RFC 2782). The raw value is the mnemonic; the order of cases is the order
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

  public init?(mnemonic: some StringProtocol) {
    self.init(rawValue: mnemonic.uppercased())
  }

  private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// One bit per type, in `allCases` order, for sets of types.
  var bit: UInt16 { UInt16(1) << UInt16(rank) }

  public static func < (a: RRType, b: RRType) -> Bool { a.rank < b.rank }
}
