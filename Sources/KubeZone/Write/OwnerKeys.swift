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

  /// The keys of the records' owners, in the records' order.
  init(_ records: borrowing [ResourceRecord]) {
    bytes.reserveCapacity(records.count * 32)
    starts.reserveCapacity(records.count + 1)
    records.withUnsafeBufferPointer { records in
      for i in records.indices {
        Self.append(records[i].owner, to: &bytes)
        starts.append(bytes.count)
      }
    }
  }

  static func append(_ name: DomainName, to out: inout [UInt8]) {
    // Built in a scratch buffer and appended once: appending to the array
    // a byte at a time checked its capacity and uniqueness for each byte.
    // Each byte of the name's storage makes at most six of its key (a
    // label's length byte: a number's six, or a text label's three).
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * name.storage.count) { key in
      let count = name.storage.withUnsafeBufferPointer { Self.key($0, into: key) }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: key[..<count]))
    }
  }

  /// Writes the key of a name's storage into `key`; returns its length.
  private static func key(_ s: UnsafeBufferPointer<UInt8>, into key: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var k = 0
    var i = 0
    while i < s.count {
      let label = UnsafeBufferPointer(rebasing: s[(i + 1)..<(i + 1 + Int(s[i]))])
      i += label.count + 1
      if let n = ZoneOrder.number(label) {
        key[k] = 0x01
        key[k + 1] = UInt8(truncatingIfNeeded: n >> 24)
        key[k + 2] = UInt8(truncatingIfNeeded: n >> 16)
        key[k + 3] = UInt8(truncatingIfNeeded: n >> 8)
        key[k + 4] = UInt8(truncatingIfNeeded: n)
        k += 5
        for b in label {
          key[k] = b
          k += 1
        }
        key[k] = 0x00
        k += 1
      } else {
        key[k] = 0x02
        k += 1
        for b in label {
          key[k] = DomainName.lower(b)
          k += 1
          if b == 0 {
            key[k] = 0xFF
            k += 1
          }
        }
        key[k] = 0x00
        key[k + 1] = 0x00
        k += 2
      }
    }
    return k
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
