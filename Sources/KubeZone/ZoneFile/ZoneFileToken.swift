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
}

/// One logical line: an entry of the zone file, with parentheses joining
/// physical lines and comments removed.
struct ZoneFileLine: Sendable {
  var tokens: [ZoneFileToken]
  /// The line began with a blank: its owner is the previous record's.
  var blankOwner: Bool
  var offset: Int
}
