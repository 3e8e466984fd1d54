/// `PruningJSONParser` as a `DirectReader`: keys with escapes and scalars
/// that are not strings (which the full decoders read as text) give up.
extension PruningJSONParser: DirectReader {
  mutating func itemLocation() -> SourceLocation {
    skipWhitespace()
    return location(pos)
  }

  /// The next member's key, as raw bytes inside its quotes, and the `:`
  /// after it. A key with escapes aborts: its text is not its bytes.
  mutating func plainKey() throws(PruningAbort) -> UnsafeBufferPointer<UInt8> {
    skipWhitespace()
    guard byte == UInt8(ascii: "\"") else { throw abort("expected a key") }
    let start = pos
    if try skipString() { throw abort("direct: escaped key") }
    let key = UnsafeBufferPointer(rebasing: buf[(start + 1)..<(pos - 1)])
    try colon()
    return key
  }

  /// True (consuming it) when the next value is `null`.
  mutating func skipsNull() throws(PruningAbort) -> Bool {
    skipWhitespace()
    guard byte == UInt8(ascii: "n") else { return false }
    _ = try skipLiteral()
    return true
  }

  mutating func skipIsNull() throws(PruningAbort) -> Bool {
    if try skipsNull() { return true }
    try skipValue()
    return false
  }

  mutating func optionalText() throws(PruningAbort) -> String? {
    if try skipsNull() { return nil }
    guard byte == UInt8(ascii: "\"") else { throw abort("direct: not a string") }
    let start = pos
    let escaped = try skipString()
    let content = UnsafeBufferPointer(rebasing: buf[(start + 1)..<(pos - 1)])
    return escaped ? Self.unescape(content) : String(decoding: content, as: UTF8.self)
  }

  mutating func optionalTextIndex(in names: [StaticString]) throws(PruningAbort) -> Int? {
    if try skipsNull() { return nil }
    guard byte == UInt8(ascii: "\"") else { throw abort("direct: not a string") }
    let start = pos
    let escaped = try skipString()
    let content = UnsafeBufferPointer(rebasing: buf[(start + 1)..<(pos - 1)])
    guard escaped else { return Self.index(of: content, in: names) }
    return Self.index(of: Self.unescape(content), in: names)
  }

  mutating func optionalScalar() throws(PruningAbort) -> (text: String, plain: Bool)? {
    skipWhitespace()
    switch byte {
    case UInt8(ascii: "\""):
      let start = pos
      let escaped = try skipString()
      let content = UnsafeBufferPointer(rebasing: buf[(start + 1)..<(pos - 1)])
      return (escaped ? Self.unescape(content) : String(decoding: content, as: UTF8.self), false)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = pos
      try skipNumber()
      return (String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self), true)
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      let word = try skipLiteral()
      return word.utf8Start[0] == UInt8(ascii: "n") ? nil : (word.description, true)
    default:
      throw abort("direct: not a scalar")
    }
  }

  mutating func skipText() throws(PruningAbort) -> Bool {
    if try skipsNull() { return false }
    guard byte == UInt8(ascii: "\"") else { throw abort("direct: not a string") }
    _ = try skipString()
    return true
  }

  /// JSON digits (optionally negative) that make an `Int`.
  mutating func integer() throws(PruningAbort) -> Int {
    skipWhitespace()
    let start = pos
    guard byte == UInt8(ascii: "-") || isDigit(byte) else { throw abort("direct: not an integer") }
    try skipNumber()
    let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
    guard let v = Int(text) else { throw abort("direct: not an integer") }
    return v
  }

  mutating func members(_ body: (inout PruningJSONParser, UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Void) throws(PruningAbort) {
    skipWhitespace()
    guard byte == UInt8(ascii: "{") else { throw abort("direct: not an object") }
    try open()
    if try !closes(UInt8(ascii: "}")) {
      repeat {
        let key = try plainKey()
        try body(&self, key)
      } while try next(close: UInt8(ascii: "}"))
    }
    depth -= 1
  }

  mutating func optionalMembers(_ body: (inout PruningJSONParser, UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Void) throws(PruningAbort) -> Bool {
    if try skipsNull() { return false }
    try members(body)
    return true
  }

  mutating func optionalElements(_ body: (inout PruningJSONParser) throws(PruningAbort) -> Void) throws(PruningAbort) -> Bool {
    if try skipsNull() { return false }
    guard byte == UInt8(ascii: "[") else { throw abort("direct: not an array") }
    try open()
    if try !closes(UInt8(ascii: "]")) {
      repeat {
        try body(&self)
      } while try next(close: UInt8(ascii: "]"))
    }
    depth -= 1
    return true
  }
}
