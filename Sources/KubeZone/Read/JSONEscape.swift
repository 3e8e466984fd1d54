/// JSON's one-character string escapes (RFC 8259 §7), shared by the full
/// reader and the pruning parser so the two cannot disagree.
enum JSONEscape {
  /// The byte `\` followed by `e` stands for, nil unless `e` is one of
  /// `" \ / b f n r t` (`u` and anything else are handled by the caller).
  static func byte(after e: UInt8) -> UInt8? {
    switch e {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): e
    case UInt8(ascii: "b"): 0x08
    case UInt8(ascii: "f"): 0x0C
    case UInt8(ascii: "n"): 0x0A
    case UInt8(ascii: "r"): 0x0D
    case UInt8(ascii: "t"): 0x09
    default: nil
    }
  }
}
