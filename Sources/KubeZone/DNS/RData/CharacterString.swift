/// A `<character-string>` (RFC 1035 §3.3): at most 255 octets, written in
/// double quotes with `"` and `\` escaped and other non-printing octets as
/// `\DDD`, so no input can break out of the quotes.
public struct CharacterString: Sendable, Hashable, CustomStringConvertible {
  public let bytes: [UInt8]

  public static let maxLength = 255

  public init?(_ bytes: [UInt8]) {
    guard bytes.count <= Self.maxLength else { return nil }
    self.bytes = bytes
  }

  public init?(_ text: String) { self.init(Array(text.utf8)) }

  public var description: String {
    var out = "\""
    for b in bytes {
      switch b {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        out += "\\" + String(Unicode.Scalar(b))
      case 0x20..<0x7F:
        out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let d = String(b)
        out += "\\" + String(repeating: "0", count: 3 - d.count) + d
      }
    }
    return out + "\""
  }
}
