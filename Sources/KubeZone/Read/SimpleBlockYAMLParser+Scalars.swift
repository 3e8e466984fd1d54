/// Scalars of the simple block YAML subset.
extension SimpleBlockYAMLParser {
  /// A plain scalar running to the end of the line.
  mutating func plain(_ rule: PruneSchema.Rule?) throws(PruningAbort) -> Node? {
    let start = pos
    switch at(pos) {
    case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"),
      UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: ">"),
      UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
      throw abort("indicator")
    default: break
    }
    let eol = try plainLineEnd(from: start)
    let node = rule == nil ? nil : Node(.scalar(Scalar(String(decoding: plainText(start, eol), as: UTF8.self), style: .plain)), location: location(start))
    pos = eol
    try finishLine()
    return node
  }

  /// The text of a plain scalar from `start` to the line end `eol`,
  /// without its trailing spaces.
  @inline(__always) func plainText(_ start: Int, _ eol: Int) -> UnsafeBufferPointer<UInt8> {
    var end = eol
    while end > start, buf[end - 1] == 0x20 { end -= 1 }
    return UnsafeBufferPointer(rebasing: buf[start..<end])
  }

  /// The end of the line (its `\n`, or the end of the bytes) holding the
  /// plain scalar that starts at `start`, checking its bytes in one pass:
  /// no control byte, no `: ` or `:` at its end, no ` #`.
  func plainLineEnd(from start: Int) throws(PruningAbort) -> Int {
    var i = start
    while true {
      i = nextSpecial(from: i, UInt8(ascii: ":"), UInt8(ascii: "#"))
      guard i < buf.count, buf[i] != 0x0A else { return i }
      let b = buf[i]
      if b < 0x20 { throw abort("control character") }
      if b == UInt8(ascii: ":"), at(i + 1) == 0x20 || at(i + 1) == 0x0A { throw abort("colon in plain scalar") }
      if b == UInt8(ascii: "#"), i > start, buf[i - 1] == 0x20 { throw abort("comment") }
      i += 1
    }
  }

  /// A quoted scalar on one line: `'...'` (with `''`) or `"..."` without escapes.
  mutating func quoted(_ rule: PruneSchema.Rule?) throws(PruningAbort) -> Node? {
    let start = pos
    let quote = buf[pos]
    pos += 1
    let contentStart = pos
    // The text, once a `''` makes it differ from the bytes.
    var unquoted: [UInt8]?
    var segment = pos
    while true {
      pos = nextSpecial(from: pos, quote, UInt8(ascii: "\\"))
      guard pos < buf.count else { throw abort("multi-line quoted scalar") }
      let b = buf[pos]
      if b == 0x0A { throw abort("multi-line quoted scalar") }
      if b == 0x09 || (b == UInt8(ascii: "\\") && quote == UInt8(ascii: "'")) {
        pos += 1
        continue
      }
      if b < 0x20 { throw abort("control character") }
      if b == UInt8(ascii: "\\") { throw abort("escape") }
      // The quote: `''` inside single quotes is one quote.
      if quote == UInt8(ascii: "'") && at(pos + 1) == quote {
        if rule != nil {
          unquoted = (unquoted ?? []) + UnsafeBufferPointer(rebasing: buf[segment..<(pos + 1)])
        }
        pos += 2
        segment = pos
        continue
      }
      break
    }
    let end = pos
    pos += 1
    guard rule != nil else { return nil }
    let style: Scalar.Style = quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
    let text: String
    if var unquoted {
      unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segment..<end]))
      text = String(decoding: unquoted, as: UTF8.self)
    } else {
      text = String(decoding: UnsafeBufferPointer(rebasing: buf[contentStart..<end]), as: UTF8.self)
    }
    return Node(.scalar(Scalar(text, style: style)), location: location(start))
  }

  /// The offset of the first byte at or after `i` that is `x`, `y` or
  /// below 0x20 (the line break among them), the end of the bytes if
  /// none: eight bytes at a time, as the lowest flag in a word is exact (a
  /// false one needs a borrow from a byte below).
  @inline(__always) func nextSpecial(from i: Int, _ x: UInt8, _ y: UInt8) -> Int {
    var i = i
    let count = buf.count
    guard let base = buf.baseAddress else { return count }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let xs = ones &* UInt64(x), ys = ones &* UInt64(y)
    while i + 8 <= count {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      let a = w ^ xs, b = w ^ ys
      let flags = (((a &- ones) & ~a) | ((b &- ones) & ~b) | ((w &- ones &* 0x20) & ~w)) & high
      if flags != 0 { return i + flags.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < count {
      let b = base[i]
      if b == x || b == y || b < 0x20 { return i }
      i += 1
    }
    return count
  }

  /// The offset of the closing quote of the double-quoted scalar whose
  /// opening quote is at `start`, when it lies on the same line and the
  /// text between holds no escape or control byte (tabs aside): the text
  /// `quoted` would read is then the bytes between. Nil otherwise.
  func simpleDoubleQuoted(from start: Int) -> Int? {
    var i = start + 1
    while true {
      i = nextSpecial(from: i, UInt8(ascii: "\""), UInt8(ascii: "\\"))
      guard i < buf.count else { return nil }
      if buf[i] == UInt8(ascii: "\"") { return i }
      guard buf[i] == 0x09 else { return nil }
      i += 1
    }
  }

  /// A literal block scalar (`|` clips to one final newline, `|-` strips).
  mutating func literal(_ rule: PruneSchema.Rule?, parentIndent: Int) throws(PruningAbort) -> Node? {
    let start = pos
    let loc = rule == nil ? nil : location(start)
    pos += 1
    let strip = at(pos) == UInt8(ascii: "-")
    if strip { pos += 1 }
    while at(pos) == 0x20 { pos += 1 }
    guard pos < buf.count, buf[pos] == 0x0A else { throw abort("block scalar header") }
    var text: [UInt8] = []
    var contentIndent = -1
    var s = pos + 1
    var lines = 0
    while s < buf.count {
      var i = s
      while i < buf.count, buf[i] == 0x20 { i += 1 }
      let n = i - s
      if i >= buf.count || buf[i] == 0x0A || buf[i] == 0x0D || buf[i] == 0x09 {
        if n > parentIndent || i < buf.count && buf[i] != 0x0A { throw abort("blank or tab in block scalar") }
        break
      }
      if contentIndent < 0 {
        guard n > parentIndent else { break }
        contentIndent = n
      }
      if n < contentIndent {
        if n > parentIndent { throw abort("less indented block line") }
        break
      }
      guard let eol = endOfLine(s) else { throw abort("block scalar at end of input") }
      if rule != nil {
        if lines > 0 { text.append(0x0A) }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: buf[(s + contentIndent)..<eol]))
      }
      lines += 1
      s = eol + 1
    }
    guard lines > 0 else { throw abort("empty block scalar") }
    if !strip { text.append(0x0A) }
    line += 1 + lines
    try contentLine(from: s)
    guard let loc else { return nil }
    return Node(.scalar(Scalar(String(decoding: text, as: UTF8.self), style: .literal)), location: loc)
  }
}
