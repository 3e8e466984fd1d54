/// The typed data of one resource record. Each case holds parsed values,
/// never raw input text, so writing a record cannot inject zone syntax.
public enum RData: Sendable, Hashable {
  case a(IPv4Address)
  case aaaa(IPv6Address)
  case ns(DomainName)
  case cname(DomainName)
  case ptr(DomainName)
  case srv(SRV)
  case txt([CharacterString])
  case soa(SOA)
  case mx(MX)

  public var type: RRType {
    switch self {
    case .a: .a
    case .aaaa: .aaaa
    case .ns: .ns
    case .cname: .cname
    case .ptr: .ptr
    case .srv: .srv
    case .txt: .txt
    case .soa: .soa
    case .mx: .mx
    }
  }

  /// The address record for `ip`: A for IPv4, AAAA for IPv6.
  public static func address(_ ip: IPAddress) -> RData {
    switch ip {
    case .v4(let a): .a(a)
    case .v6(let a): .aaaa(a)
    }
  }

  /// The address an A or AAAA record holds.
  public var address: IPAddress? {
    switch self {
    case .a(let a): .v4(a)
    case .aaaa(let a): .v6(a)
    default: nil
    }
  }

  /// The names this data points at (for in-zone checks and glue).
  public var target: DomainName? {
    switch self {
    case .ns(let n), .cname(let n), .ptr(let n): n
    case .srv(let s): s.target
    case .mx(let m): m.exchange
    default: nil
    }
  }
}
