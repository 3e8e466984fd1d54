/// A growing byte buffer that zone lines are written into, so rendering a
/// zone of a million records costs one array and one string at the end
/// rather than a string per field.
///
/// Names are written by `DomainName` itself (one escaping for files and
/// messages); other data writes the same bytes as `RData.presentation`,
/// which the golden and writer tests pin.
struct ZoneLineBuffer {
  var bytes: [UInt8] = []

  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  @inline(__always) mutating func append(_ b: UInt8) { bytes.append(b) }

  mutating func append(_ s: String) {
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Enough spaces to pad any column at once.
  private static let blanks = [UInt8](repeating: 0x20, count: 64)

  mutating func spaces(_ n: Int) {
    // Copied at once: a byte at a time checked capacity and uniqueness for
    // each of the ~30 spaces of a line.
    var left = n
    while left > 0 {
      let k = min(left, Self.blanks.count)
      Self.blanks.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<k])) }
      left -= k
    }
  }

  /// A decimal number without allocating.
  mutating func decimal<T: BinaryInteger>(_ value: T) {
    var v = UInt64(value)
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = 0
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[n] = UInt8(48 + v % 10)
        v /= 10
        n += 1
      } while v > 0
      while n > 0 {
        n -= 1
        bytes.append(d[n])
      }
    }
  }

  /// The width `decimal` writes.
  static func decimalWidth<T: BinaryInteger>(_ value: T) -> Int {
    var v = UInt64(value), n = 1
    while v >= 10 { v /= 10; n += 1 }
    return n
  }

  /// An absolute name with its trailing dot (`DomainName.description`).
  mutating func absolute(_ name: DomainName) {
    name.appendAbsolute(to: &bytes)
  }

  /// `DomainName.relative(to:)`; returns the bytes written.
  @discardableResult
  mutating func relative(_ name: DomainName, to origin: DomainName) -> Int {
    name.appendRelative(to: origin, into: &bytes)
  }

  mutating func ipv4(_ a: IPv4Address) {
    decimal(a.value >> 24)
    bytes.append(UInt8(ascii: "."))
    decimal(a.value >> 16 & 0xFF)
    bytes.append(UInt8(ascii: "."))
    decimal(a.value >> 8 & 0xFF)
    bytes.append(UInt8(ascii: "."))
    decimal(a.value & 0xFF)
  }

  /// `RData.presentation`: fields separated by single spaces.
  mutating func rdata(_ data: RData) {
    switch data {
    case .a(let a): ipv4(a)
    case .ptr(let n), .cname(let n), .ns(let n): absolute(n)
    case .srv(let s):
      decimal(s.priority)
      bytes.append(0x20)
      decimal(s.weight)
      bytes.append(0x20)
      decimal(s.port)
      bytes.append(0x20)
      absolute(s.target)
    default:
      append(data.presentation)
    }
  }
}
