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
    let count = buf.count
    guard let base = buf.baseAddress else { return i }
    // Eight bytes at a time to the first that is ':', '#' or below 0x20
    // (the line break among them), which is then looked at alone. The
    // lowest flag is exact: a false one needs a borrow from a byte below.
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    while true {
      while i + 8 <= count {
        let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let c = w ^ (ones &* 0x3A), h = w ^ (ones &* 0x23)
        let flags = (((c &- ones) & ~c) | ((h &- ones) & ~h) | ((w &- ones &* 0x20) & ~w)) & high
        if flags != 0 {
          i += flags.trailingZeroBitCount >> 3
          break
        }
        i += 8
      }
      guard i < count else { return count }
      let b = base[i]
      if b == 0x0A { return i }
      if b < 0x20 { throw abort("control character") }
      if b == UInt8(ascii: ":"), i + 1 == count || base[i + 1] == 0x20 || base[i + 1] == 0x0A {
        throw abort("colon in plain scalar")
      }
      if b == UInt8(ascii: "#"), i > start, base[i - 1] == 0x20 { throw abort("comment") }
      i += 1
    }
  }

  /// A quoted scalar on one line: `'...'` (with `''`) or `"..."` without escapes.
  mutating func quoted(_ rule: PruneSchema.Rule?) throws(PruningAbort) -> Node? {
    let start = pos
    let quote = buf[pos]
    pos += 1
    var text: [UInt8] = []
    var simple = true
    let contentStart = pos
    while true {
      let b = at(pos)
      if b == 0x0A || pos >= buf.count { throw abort("multi-line quoted scalar") }
      if b < 0x20 && b != 0x09 { throw abort("control character") }
      if quote == UInt8(ascii: "\"") && b == UInt8(ascii: "\\") { throw abort("escape") }
      if b == quote {
        if quote == UInt8(ascii: "'") && at(pos + 1) == quote {
          if simple { text = Array(UnsafeBufferPointer(rebasing: buf[contentStart..<pos])); simple = false }
          text.append(quote)
          pos += 2
          continue
        }
        break
      }
      if !simple { text.append(b) }
      pos += 1
    }
    if simple, rule != nil { text = Array(UnsafeBufferPointer(rebasing: buf[contentStart..<pos])) }
    pos += 1
    guard rule != nil else { return nil }
    let style: Scalar.Style = quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
    return Node(.scalar(Scalar(String(decoding: text, as: UTF8.self), style: style)), location: location(start))
  }

  /// The offset of the closing quote of the double-quoted scalar whose
  /// opening quote is at `start`, when it lies on the same line and the
  /// text between holds no escape or control byte (tabs aside): the text
  /// `quoted` would read is then the bytes between. Nil otherwise.
  func simpleDoubleQuoted(from start: Int) -> Int? {
    var i = start + 1
    while i < buf.count {
      let b = buf[i]
      if b == UInt8(ascii: "\"") { return i }
      if b == UInt8(ascii: "\\") || (b < 0x20 && b != 0x09) { return nil }
      i += 1
    }
    return nil
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
