import Glibc

/// Owner names turned into byte keys whose plain byte order is
/// `ZoneOrder`'s, all in one buffer: sorting a zone then compares bytes
/// with `memcmp` instead of walking two names label by label.
///
/// Each label, from the root down, is one of:
/// - all-digit (up to nine digits): `01`, the value in four big-endian
///   bytes, the digits, `00` (numbers first, by value, then by digits);
/// - any other label: `02`, its bytes in lower case with `00` written
///   `00 FF`, then `00 00` (so a label sorts before its own extensions).
/// No label's key is a prefix of another's, so a name whose key is a
/// prefix of another's is its ancestor, which comes first.
struct OwnerKeys {
  private var bytes: [UInt8] = []
  /// Where key `i` starts in `bytes`; `count + 1` entries.
  private var starts: [Int] = [0]

  init(_ names: [DomainName]) {
    bytes.reserveCapacity(names.count * 32)
    starts.reserveCapacity(names.count + 1)
    for name in names {
      Self.append(name, to: &bytes)
      starts.append(bytes.count)
    }
  }

  static func append(_ name: DomainName, to out: inout [UInt8]) {
    name.storage.withUnsafeBufferPointer { s in
      var i = 0
      while i < s.count {
        let label = UnsafeBufferPointer(rebasing: s[(i + 1)..<(i + 1 + Int(s[i]))])
        i += label.count + 1
        if let n = ZoneOrder.number(label) {
          out.append(0x01)
          out.append(contentsOf: [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
          out.append(contentsOf: label)
          out.append(0x00)
        } else {
          out.append(0x02)
          for b in label {
            if b == 0 {
              out.append(contentsOf: [0x00, 0xFF])
            } else {
              out.append(DomainName.lower(b))
            }
          }
          out.append(contentsOf: [0x00, 0x00])
        }
      }
    }
  }

  /// The keys as a value that compares them, valid inside `body`.
  func withKeys<R>(_ body: (Keys) -> R) -> R {
    bytes.withUnsafeBufferPointer { b in
      starts.withUnsafeBufferPointer { s in body(Keys(bytes: b, starts: s)) }
    }
  }

  /// Read-only views of the buffers; safe to share between threads.
  struct Keys: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let starts: UnsafeBufferPointer<Int>

    /// Negative, zero or positive as name `a` comes before, with, or after `b`.
    func compare(_ a: Int, _ b: Int) -> Int {
      let (x, xEnd, y, yEnd) = (starts[a], starts[a + 1], starts[b], starts[b + 1])
      let n = min(xEnd - x, yEnd - y)
      guard let base = bytes.baseAddress else { return 0 }
      let c = n == 0 ? 0 : Int(memcmp(base + x, base + y, n))
      return c != 0 ? c : (xEnd - x) - (yEnd - y)
    }
  }
}
