/// A zone serial with RFC 1982 serial-number arithmetic (SERIAL_BITS = 32).
///
/// Serials wrap: `4294967295` is followed by `0`, and `s1 < s2` holds when
/// `s2` lies less than 2^31 ahead of `s1` on the circle. Secondaries and
/// CoreDNS's `file` plugin reload a zone only when its serial is greater
/// in this sense, so a new serial must be chosen with it, not with `<`.
///
///     Serial(4294967295).isLess(than: Serial(5))   // true: 5 is after the wrap
public struct Serial: Sendable, Hashable, CustomStringConvertible {
  public let value: UInt32

  public init(_ value: UInt32) { self.value = value }

  /// The largest step RFC 1982 allows: 2^31 - 1.
  public static let maxIncrement: UInt32 = 0x7FFF_FFFF

  /// True when `other` comes after this serial (RFC 1982 §3.2).
  public func isLess(than other: Serial) -> Bool {
    let distance = other.value &- value
    return distance != 0 && distance <= Self.maxIncrement
  }

  /// The serial to publish after `self` when `candidate` is the one the
  /// scheme proposes: the candidate if it lies ahead, else `self + 1`.
  /// Zero is skipped, since some tools treat it as "no serial".
  public func advanced(toward candidate: UInt32) -> Serial {
    if candidate != 0, isLess(than: Serial(candidate)) { return Serial(candidate) }
    let next = value &+ 1
    return Serial(next == 0 ? 1 : next)
  }

  public var description: String { String(value) }
}
