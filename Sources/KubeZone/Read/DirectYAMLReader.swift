/// `SimpleBlockYAMLParser` as a `DirectReader`: the same lines, checks and
/// positions as its `mapping`/`sequence`/`inline`, but walking instead of
/// building. Scalars are built as the parser builds them (`rule: .all`)
/// and read with `Field`'s rules, so their text, style and null-ness are
/// the parser's; what the decoder does not read is skipped (`rule: nil`).
struct DirectYAMLReader: DirectReader {
  var p: SimpleBlockYAMLParser
  /// How the next value sits: after `key:` at a column, or after `- ` in a
  /// sequence at a column (where a mapping may start on the same line).
  enum Place { case key(Int), item(Int) }
  var place: Place

  func abort(_ why: String) -> PruningAbort { p.abort(why) }

  mutating func itemLocation() -> SourceLocation { p.location(p.pos) }

  /// The next value, built under `rule` (nil: skipped), as the parser's
  /// `mapping` and `sequence` read a value.
  mutating func node(_ rule: PruneSchema.Rule?) throws(PruningAbort) -> Node? {
    switch place {
    case .item(let column):
      return try p.inline(rule, parentIndent: column, allowMapping: true)
    case .key(let column):
      return try p.value(rule, column: column)
    }
  }

  /// The next value as a node, for the decoder to read like `Field`.
  mutating func leaf() throws(PruningAbort) -> Node {
    guard let node = try node(.all) else { throw abort("direct: no value") }
    return node
  }

  /// Taken apart, not dropped, as `SimpleBlockYAMLParser.mapping` does.
  mutating func skipValue() throws(PruningAbort) {
    if let node = try node(nil) { _ = consume node }
  }

  mutating func skipIsNull() throws(PruningAbort) -> Bool { try leaf().isNull }

  mutating func optionalText() throws(PruningAbort) -> String? {
    if let (text, plain) = try inlineScalar() {
      return plain && Self.isNull(text) ? nil : String(decoding: text, as: UTF8.self)
    }
    let node = try leaf()
    if node.isNull { return nil }
    guard let s = node.scalar else { throw abort("direct: not a scalar") }
    return s.text
  }

  mutating func optionalTextIndex(in names: [StaticString]) throws(PruningAbort) -> Int? {
    if let (text, plain) = try inlineScalar() {
      return plain && Self.isNull(text) ? nil : Self.index(of: text, in: names)
    }
    guard let text = try optionalText() else { return nil }
    return Self.index(of: text, in: names)
  }

  mutating func optionalScalar() throws(PruningAbort) -> (text: String, plain: Bool)? {
    if let (text, plain) = try inlineScalar() {
      return plain && Self.isNull(text) ? nil : (String(decoding: text, as: UTF8.self), plain)
    }
    let node = try leaf()
    if node.isNull { return nil }
    guard let s = node.scalar else { throw abort("direct: not a scalar") }
    return (s.text, s.style == .plain)
  }

  mutating func skipText() throws(PruningAbort) -> Bool {
    if let (text, plain) = try inlineScalar() { return !(plain && Self.isNull(text)) }
    return try optionalText() != nil
  }

  mutating func integer() throws(PruningAbort) -> Int {
    if let (text, plain) = try inlineScalar() {
      // Digits alone, as `Int(_:)` reads them: the fast path's plain
      // scalars start with a letter, digit, `.`, `_` or `/`, never a sign.
      guard plain, let v = Self.decimal(text) else { throw abort("direct: not an integer") }
      return v
    }
    let node = try leaf()
    guard let s = node.scalar, s.style == .plain, !node.isNull, let v = Int(s.text) else { throw abort("direct: not an integer") }
    return v
  }

  /// The plain or quoted scalar after a key on its line, when its text is
  /// its bytes (plain, or quoted without `''`) and it starts with a key
  /// byte (plain) or a quote; `p` is then past it and its line, as the
  /// parser's `value` leaves it. Nil, with `p` unmoved, for anything else,
  /// which `leaf` then reads as the parser does; throws where the parser
  /// would.
  @inline(__always) mutating func inlineScalar() throws(PruningAbort) -> (text: UnsafeBufferPointer<UInt8>, plain: Bool)? {
    guard case .key = place else { return nil }
    var i = p.pos
    while p.at(i) == 0x20 { i += 1 }
    let b = p.at(i)
    if b == UInt8(ascii: "\""), let close = p.simpleDoubleQuoted(from: i) {
      p.pos = close + 1
      try p.finishLine()
      return (UnsafeBufferPointer(rebasing: p.buf[(i + 1)..<close]), false)
    }
    guard p.isKeyByte(b), b != UInt8(ascii: "-") else { return nil }
    let eol = try p.plainLineEnd(from: i)
    let text = p.plainText(i, eol)
    p.pos = eol
    try p.finishLine()
    return (text, true)
  }

  /// `null`, `Null` or `NULL`: the plain nulls a key byte can start.
  @inline(__always) static func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    same(text, "null") || same(text, "Null") || same(text, "NULL")
  }

  /// The value of ASCII digits, nil for anything else or an overflow.
  static func decimal(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !text.isEmpty else { return nil }
    var v = 0
    for b in text {
      let d = b &- UInt8(ascii: "0")
      guard d < 10 else { return nil }
      let (m, o1) = v.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int(d))
      guard !o1, !o2 else { return nil }
      v = a
    }
    return v
  }

  /// True when the value of the current key is on its own line: a
  /// scalar or an empty flow collection.
  mutating func valueIsInline() -> Bool {
    guard case .key = place else { return false }
    while p.at(p.pos) == 0x20 { p.pos += 1 }
    return p.at(p.pos) != 0x0A
  }

  mutating func members(_ body: (inout DirectYAMLReader, UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Void) throws(PruningAbort) {
    switch place {
    case .item:
      guard let colon = p.keyColon(at: p.pos) else { throw abort("direct: not a mapping") }
      try walkMapping(column: p.pos - p.lineStart, firstColon: colon, body)
    case .key(let column):
      if valueIsInline() {
        guard p.at(p.pos) == UInt8(ascii: "{"), p.at(p.pos + 1) == UInt8(ascii: "}") else { throw abort("direct: not a mapping") }
        if let node = try p.inline(nil, parentIndent: column, allowMapping: false) { _ = consume node }
        return
      }
      try p.finishLine()
      guard !p.atEnd, p.indent > column, !p.atDash, let colon = p.keyColon(at: p.pos) else { throw abort("direct: not a block mapping") }
      try walkMapping(column: p.indent, firstColon: colon, body)
    }
  }

  mutating func optionalMembers(_ body: (inout DirectYAMLReader, UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Void) throws(PruningAbort) -> Bool {
    if valueIsInline(), p.at(p.pos) != UInt8(ascii: "{") {
      guard try leaf().isNull else { throw abort("direct: not a mapping") }
      return false
    }
    try members(body)
    return true
  }

  mutating func optionalElements(_ body: (inout DirectYAMLReader) throws(PruningAbort) -> Void) throws(PruningAbort) -> Bool {
    guard case .key(let column) = place else { throw abort("direct: nested sequence") }
    if valueIsInline() {
      if p.at(p.pos) == UInt8(ascii: "["), p.at(p.pos + 1) == UInt8(ascii: "]") {
        if let node = try p.inline(nil, parentIndent: column, allowMapping: false) { _ = consume node }
        return true
      }
      guard try leaf().isNull else { throw abort("direct: not a sequence") }
      return false
    }
    try p.finishLine()
    guard !p.atEnd, p.atDash, p.indent >= column else { throw abort("direct: not a block sequence") }
    try walkSequence(column: p.indent, indentless: p.indent == column, body)
    return true
  }

  /// A block mapping's entries at `column`, as `SimpleBlockYAMLParser.mapping`.
  mutating func walkMapping(
    column: Int, firstColon: Int, _ body: (inout DirectYAMLReader, UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Void
  ) throws(PruningAbort) {
    try p.open()
    var known: Int? = firstColon
    while true {
      if known == nil {
        if p.atEnd || p.indent < column { break }
        guard p.indent == column, !p.atDash else { throw abort("bad mapping indentation") }
      }
      guard let colon = known ?? p.keyColon(at: p.pos) else { throw abort("not a plain key") }
      known = nil
      let keyStart = p.pos
      p.pos = colon
      let key = UnsafeBufferPointer(rebasing: p.buf[keyStart..<p.pos])
      p.pos += 1  // the colon
      place = .key(column)
      try body(&self, key)
    }
    p.depth -= 1
  }

  /// A block sequence's items at `column`, as `SimpleBlockYAMLParser.sequence`.
  mutating func walkSequence(column: Int, indentless: Bool, _ body: (inout DirectYAMLReader) throws(PruningAbort) -> Void) throws(PruningAbort) {
    try p.open()
    while true {
      p.skipDash()
      place = .item(column)
      try body(&self)
      if p.atEnd || p.indent < column { break }
      if p.indent == column && p.atDash { continue }
      if p.indent == column && indentless { break }
      throw abort("bad sequence indentation")
    }
    p.depth -= 1
  }
}
