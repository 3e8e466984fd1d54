/// A vector test that bytes are printable ASCII, tab or line feed: input
/// that passes needs no closer look by `InputCheck`, which checks YAML
/// input a byte at a time.
enum PlainASCIICheck {
  /// True when every byte is 0x20...0x7E, `\t` or `\n`.
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let n = bytes.count
    var i = 0
    // 16 bytes a step: `b - 0x20` (wrapping) is below 0x5F exactly for
    // 0x20...0x7E. Every chunk of a YAML List goes through here. Written
    // with whole vectors: scalar operands, or 32 lanes, compile to lane
    // by lane code (measured: 2 instructions a byte here, against 3.8 for
    // the eight-byte word loop this replaces, and 100 for that form).
    let low = SIMD16<UInt8>(repeating: 0x20), span = SIMD16<UInt8>(repeating: 0x5F)
    let newline = SIMD16<UInt8>(repeating: 0x0A), tab = SIMD16<UInt8>(repeating: 0x09)
    while i + 16 <= n {
      let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
      if any(((v &- low) .>= span) .& .!((v .== newline) .| (v .== tab))) { return false }
      i += 16
    }
    while i < n {
      let b = bytes[i]
      if b >= 0x7F || (b < 0x20 && b != 0x0A && b != 0x09) { return false }
      i += 1
    }
    return true
  }
}
