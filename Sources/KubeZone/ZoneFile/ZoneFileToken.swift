/// One token of a zone file: a run of non-blank bytes or a quoted string.
///
/// `bytes` keep their backslash escapes (`\.`, `\032`); the consumer
/// decides what they mean, since escapes in a name and in a TXT string are
/// resolved by different rules (a `\.` in a name is a dot inside a label).
struct ZoneFileToken: Sendable, Equatable {
  var bytes: [UInt8]
  /// Written in double quotes (the quotes are not in `bytes`).
  var quoted: Bool
  /// Byte offset of the token's first byte (its opening quote if quoted).
  var offset: Int

  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The token for a message: printable ASCII as written, other octets as
  /// `\DDD`, cut after 60 bytes, so a 100 MB token or a raw control
  /// character never reaches the terminal whole.
  var shown: String {
    var out = ""
    for b in bytes.prefix(60) {
      if b > 0x20 && b < 0x7F || b == 0x20 && quoted {
        out.unicodeScalars.append(Unicode.Scalar(b))
      } else {
        out += PresentationEscape.decimal(b)
      }
    }
    return bytes.count > 60 ? out + "..." : out
  }
}

/// One logical line: an entry of the zone file, with parentheses joining
/// physical lines and comments removed.
struct ZoneFileLine: Sendable {
  var tokens: [ZoneFileToken]
  /// The line began with a blank: its owner is the previous record's.
  var blankOwner: Bool
  var offset: Int
}
