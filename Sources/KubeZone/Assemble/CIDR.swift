/// An address block such as `10.96.0.0/12`, used to choose reverse zones.
public struct CIDR: Sendable, Hashable, CustomStringConvertible {
  public let address: IPAddress
  public let prefixLength: Int

  /// Parses `ADDRESS/LENGTH`. Reverse zones follow label boundaries, so the
  /// length must be a multiple of 8 for IPv4 and of 4 for IPv6; host bits
  /// must be zero.
  public init(_ text: String) throws(CIDRError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let ip = IPAddress(parts[0]), let length = Int(parts[1]) else {
      throw .malformed(text)
    }
    let bits = ip.isIPv6 ? 128 : 32
    let step = ip.isIPv6 ? 4 : 8
    guard (0...bits).contains(length) else { throw .malformed(text) }
    guard length % step == 0 else { throw .notOnLabelBoundary(text, step) }
    let masked = CIDR.mask(ip, length)
    guard masked == ip else { throw .hostBitsSet(text, CIDR.describe(masked, length)) }
    address = ip
    prefixLength = length
  }

  init(unchecked ip: IPAddress, _ length: Int) {
    address = CIDR.mask(ip, length)
    prefixLength = length
  }

  public var description: String { CIDR.describe(address, prefixLength) }

  /// The reverse zone this block maps to: `96.10.in-addr.arpa.` for
  /// `10.96.0.0/16`.
  public var zoneName: DomainName {
    let full = address.reverseName
    let keep = prefixLength / (address.isIPv6 ? 4 : 8)
    return full.suffix(labels: keep + 2)
  }

  private static func describe(_ ip: IPAddress, _ length: Int) -> String { "\(ip)/\(length)" }

  private static func mask(_ ip: IPAddress, _ length: Int) -> IPAddress {
    switch ip {
    case .v4(let a):
      let m: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
      return .v4(IPv4Address(a.value & m))
    case .v6(let a):
      let hm: UInt64 = length >= 64 ? ~0 : (length == 0 ? 0 : ~UInt64(0) << UInt64(64 - length))
      let lm: UInt64 = length <= 64 ? 0 : (length == 128 ? ~0 : ~UInt64(0) << UInt64(128 - length))
      return .v6(IPv6Address(high: a.high & hm, low: a.low & lm))
    }
  }
}

public enum CIDRError: Error, Sendable, Equatable, CustomStringConvertible {
  case malformed(String)
  case notOnLabelBoundary(String, Int)
  case hostBitsSet(String, String)

  public var description: String {
    switch self {
    case .malformed(let t): "'\(t)' is not a CIDR block such as 10.96.0.0/12 or fd00::/48"
    case .notOnLabelBoundary(let t, let s):
      "reverse zone '\(t)': the prefix length must be a multiple of \(s) (a reverse zone ends at a label)"
    case .hostBitsSet(let t, let fixed): "reverse zone '\(t)' has host bits set; did you mean \(fixed)?"
    }
  }
}
