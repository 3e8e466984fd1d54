/// Small reads for decoders that go straight from bytes to values
/// (`DirectPodDecoder`), without building `Node`s. Anything they do not
/// expect throws `PruningAbort`, so the caller can go back to the item's
/// start and build it the ordinary way.
extension PruningJSONParser {
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

  /// A string value's text, or nil for `null`; anything else aborts (the
  /// full decoders would take a number's text: rare, left to them).
  mutating func optionalText() throws(PruningAbort) -> String? {
    if try skipsNull() { return nil }
    guard byte == UInt8(ascii: "\"") else { throw abort("direct: not a string") }
    let start = pos
    let escaped = try skipString()
    let content = UnsafeBufferPointer(rebasing: buf[(start + 1)..<(pos - 1)])
    return escaped ? Self.unescape(content) : String(decoding: content, as: UTF8.self)
  }

  /// A string value that must equal `expected` (no escapes); false for
  /// any other string, aborting for anything but a string.
  mutating func textEquals(_ expected: StaticString) throws(PruningAbort) -> Bool {
    skipWhitespace()
    guard byte == UInt8(ascii: "\"") else { throw abort("direct: not a string") }
    let start = pos
    let escaped = try skipString()
    return !escaped && Self.equal(UnsafeBufferPointer(rebasing: buf[(start + 1)..<(pos - 1)]), expected)
  }

  /// An integer written as JSON digits (optionally negative), as
  /// `Field.intValue` reads a plain scalar; anything else aborts.
  mutating func integer() throws(PruningAbort) -> Int {
    skipWhitespace()
    let start = pos
    guard byte == UInt8(ascii: "-") || isDigit(byte) else { throw abort("direct: not an integer") }
    try skipNumber()
    let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
    guard let v = Int(text) else { throw abort("direct: not an integer") }
    return v
  }

  /// Opens the object that must come next.
  mutating func openObject() throws(PruningAbort) {
    skipWhitespace()
    guard byte == UInt8(ascii: "{") else { throw abort("direct: not an object") }
    try open()
  }

  /// Opens the array that must come next; false (consuming it) for `null`.
  mutating func openArray() throws(PruningAbort) -> Bool {
    if try skipsNull() { return false }
    guard byte == UInt8(ascii: "[") else { throw abort("direct: not an array") }
    try open()
    return true
  }

  /// Calls `member` for each key of the object just opened, then
  /// consumes its `}`. `member` must consume the value.
  mutating func members(_ member: (inout PruningJSONParser, UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Void) throws(PruningAbort) {
    if try !closes(UInt8(ascii: "}")) {
      repeat {
        let key = try plainKey()
        try member(&self, key)
      } while try next(close: UInt8(ascii: "}"))
    }
    depth -= 1
  }

  /// Calls `item` for each value of the array just opened, then consumes
  /// its `]`. `item` must consume the value.
  mutating func elements(_ item: (inout PruningJSONParser) throws(PruningAbort) -> Void) throws(PruningAbort) {
    if try !closes(UInt8(ascii: "]")) {
      repeat {
        try item(&self)
      } while try next(close: UInt8(ascii: "]"))
    }
    depth -= 1
  }

  @inline(__always) static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
    guard bytes.count == s.utf8CodeUnitCount else { return false }
    let p = s.utf8Start
    for i in 0..<bytes.count where bytes[i] != p[i] { return false }
    return true
  }
}
