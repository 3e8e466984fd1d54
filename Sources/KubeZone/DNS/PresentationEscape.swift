/// RFC 1035 §5.1 escapes, shared by names and character-strings:
/// `\X` is the octet X itself and `\DDD` the octet with that decimal value.
enum PresentationEscape {
  /// The octet the escape at `i` (a backslash) stands for and how many
  /// bytes it takes; nil for a backslash at the end, `\DDD` with fewer
  /// than three digits (`\1`), or a value past 255 (`\256`).
  static func decode(_ bytes: [UInt8], at i: Int) -> (octet: UInt8, length: Int)? {
    guard i + 1 < bytes.count else { return nil }
    let d = bytes[i + 1]
    guard isDigit(d) else { return (d, 2) }
    guard i + 3 < bytes.count, isDigit(bytes[i + 2]), isDigit(bytes[i + 3]) else { return nil }
    let v = Int(d - 48) * 100 + Int(bytes[i + 2] - 48) * 10 + Int(bytes[i + 3] - 48)
    return v <= 255 ? (UInt8(v), 4) : nil
  }

  static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

  /// `\DDD` for `octet`: how a message shows a byte it cannot print.
  static func decimal(_ octet: UInt8) -> String {
    let d = String(octet)
    return "\\" + String(repeating: "0", count: 3 - d.count) + d
  }
}
