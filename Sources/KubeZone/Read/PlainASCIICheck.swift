/// A word-at-a-time test that bytes are printable ASCII, tab or line
/// feed: input that passes needs no closer look by `InputCheck`, which
/// checks YAML input a byte at a time.
enum PlainASCIICheck {
  /// True when every byte is 0x20...0x7E, `\t` or `\n`.
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let n = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    /// High bit set in each byte of `x` that is zero.
    @inline(__always) func zeros(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x) & high }
    var i = 0
    while i + 8 <= n {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      if w & high != 0 { return false }
      // Bytes below 0x20 (exact: no byte has its high bit set here).
      let below = ~((w | high) &- ones &* 0x20) & high
      let allowed = zeros(w ^ (ones &* 0x0A)) | zeros(w ^ (ones &* 0x09))
      if below & ~allowed != 0 || zeros(w ^ (ones &* 0x7F)) != 0 { return false }
      i += 8
    }
    while i < n {
      let b = bytes[i]
      if b >= 0x7F || (b < 0x20 && b != 0x0A && b != 0x09) { return false }
      i += 1
    }
    return true
  }
}
