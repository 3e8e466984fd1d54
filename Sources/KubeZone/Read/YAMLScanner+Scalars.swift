/// Plain, quoted and block scalars: YAML's line folding, escapes, chomping.
extension YAMLScanner {
  /// Appends the UTF-8 bytes of the character at the cursor and moves on.
  @inline(__always) mutating func copyChar(to text: inout [UInt8]) {
    let b = at()
    let n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    let end = min(mark.offset + n, bytes.count)
    text.append(contentsOf: bytes[mark.offset..<end])
    mark.offset = end
    mark.column += 1
  }

  func checkLength(_ text: [UInt8]) throws(SyntaxError) {
    if text.count > limits.maxScalarBytes {
      // Point at the byte that crossed the limit (as the JSON reader
      // does), not past the run that was just copied.
      let crossing = mark.offset - (text.count - limits.maxScalarBytes)
      throw SyntaxError(.scalarLimit(limits.maxScalarBytes), at: max(crossing, 0))
    }
  }

  /// Folded line breaks: one break becomes a space, n breaks n-1 newlines.
  static func fold(_ breaks: Int, into text: inout [UInt8]) {
    if breaks == 1 {
      text.append(0x20)
    } else if breaks > 1 {
      text.append(contentsOf: repeatElement(0x0A, count: breaks - 1))
    }
  }

  // MARK: Plain

  mutating func fetchPlainScalar() throws(SyntaxError) {
    try saveSimpleKey()
    simpleKeyAllowed = false
    let token = try scanPlainScalar()
    tokens.append(token)
  }

  mutating func scanPlainScalar() throws(SyntaxError) -> YAMLToken {
    let start = mark
    var end = mark
    var text: [UInt8] = []
    var whitespace: [UInt8] = []
    var breaks = 0
    let minIndent = indent + 1
    while true {
      if atDocumentIndicator() || at() == UInt8(ascii: "#") { break }
      if breaks > 0, flowLevel > 0, mark.column <= indent, !isBreakZ() {
        throw SyntaxError("flow content must be indented more than the enclosing block collection", at: mark.offset)
      }
      while !isBlankZ() {
        let c = at()
        if c == UInt8(ascii: ":") {
          if isBlankZ(1) || (flowLevel > 0 && Self.isFlowIndicator(at(1))) { break }
        } else if flowLevel > 0, Self.isFlowIndicator(c) {
          break
        }
        if breaks > 0 {
          Self.fold(breaks, into: &text)
          breaks = 0
        } else if !whitespace.isEmpty {
          text.append(contentsOf: whitespace)
        }
        whitespace.removeAll(keepingCapacity: true)
        copyChar(to: &text)
        copyRun(.plain(flow: flowLevel > 0), to: &text)
        try checkLength(text)
        end = mark
      }
      try checkLength(text)
      guard isBlank() || isBreak() else { break }
      // Only spaces indent a continuation line; a tab there ends the scalar.
      var lineSpaces = 0, countingSpaces = false
      while isBlank() || isBreak() {
        if isBlank() {
          if breaks == 0 { whitespace.append(at()) }
          if countingSpaces {
            if at() == 0x20 { lineSpaces += 1 } else { countingSpaces = false }
          }
          skip()
        } else {
          breaks += 1
          lineSpaces = 0
          countingSpaces = true
          skipBreak()
        }
      }
      if flowLevel == 0, mark.column < minIndent || (breaks > 0 && lineSpaces < minIndent) { break }
    }
    // Give back the blanks and breaks after the scalar, so the usual
    // whitespace skipping sees the line starts.
    mark = end
    return YAMLToken(kind: .scalar(String(decoding: text, as: UTF8.self), .plain), start: start, end: end)
  }

  // MARK: Quoted

  mutating func fetchQuotedScalar(double: Bool) throws(SyntaxError) {
    try saveSimpleKey()
    simpleKeyAllowed = false
    let token = try scanQuotedScalar(double: double)
    tokens.append(token)
    afterJSONNode = true
    try checkAfterFlowNode()
  }

  mutating func scanQuotedScalar(double: Bool) throws(SyntaxError) -> YAMLToken {
    let start = mark
    let quote = double ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    let what = double ? "double-quoted" : "single-quoted"
    skip()
    var text: [UInt8] = []
    while true {
      if atDocumentIndicator() {
        throw SyntaxError("unexpected document marker inside a \(what) scalar", at: mark.offset)
      }
      if atEnd {
        throw SyntaxError("unexpected end of stream inside a \(what) scalar", at: mark.offset)
      }
      var escapedBreak = false
      while !isBlankZ() {
        let c = at()
        if !double, c == quote, at(1) == quote {
          text.append(quote)
          skip(); skip()
        } else if c == quote {
          break
        } else if double, c == UInt8(ascii: "\\"), isBreak(1) {
          skip()
          skipBreak()
          escapedBreak = true
          break
        } else if double, c == UInt8(ascii: "\\") {
          try scanEscape(into: &text)
        } else {
          copyChar(to: &text)
          copyRun(.quoted(quote), to: &text)
          try checkLength(text)
        }
      }
      try checkLength(text)
      if at() == quote { break }
      if atEnd {
        throw SyntaxError("unexpected end of stream inside a \(what) scalar", at: mark.offset)
      }
      var whitespace: [UInt8] = []
      var breaks = 0
      var lineSpaces = 0, countingSpaces = escapedBreak
      while isBlank() || isBreak() {
        if isBlank() {
          if countingSpaces {
            if at() == 0x20 { lineSpaces += 1 } else { countingSpaces = false }
          }
          if !escapedBreak, breaks == 0 { whitespace.append(at()) }
          skip()
        } else {
          breaks += 1
          lineSpaces = 0
          countingSpaces = true
          skipBreak()
        }
      }
      // Only spaces indent a continuation line (a document marker is
      // reported by the next round instead).
      if breaks > 0 || escapedBreak, !isBreakZ(), lineSpaces <= indent, !atDocumentIndicator() {
        throw SyntaxError("\(what) scalar continuation line must be indented more than the enclosing block collection", at: mark.offset)
      }
      if escapedBreak {
        text.append(contentsOf: repeatElement(0x0A, count: breaks))
      } else if breaks > 0 {
        Self.fold(breaks, into: &text)
      } else {
        text.append(contentsOf: whitespace)
      }
    }
    skip()
    return YAMLToken(kind: .scalar(String(decoding: text, as: UTF8.self), double ? .doubleQuoted : .singleQuoted), start: start, end: mark)
  }

  /// Decodes one backslash escape of a double-quoted scalar.
  mutating func scanEscape(into text: inout [UInt8]) throws(SyntaxError) {
    skip()
    let c = at()
    var digits = 0
    switch c {
    case UInt8(ascii: "0"): text.append(0)
    case UInt8(ascii: "a"): text.append(7)
    case UInt8(ascii: "b"): text.append(8)
    case UInt8(ascii: "t"), 0x09: text.append(9)
    case UInt8(ascii: "n"): text.append(10)
    case UInt8(ascii: "v"): text.append(11)
    case UInt8(ascii: "f"): text.append(12)
    case UInt8(ascii: "r"): text.append(13)
    case UInt8(ascii: "e"): text.append(0x1B)
    case 0x20, UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): text.append(c)
    case UInt8(ascii: "N"): Self.appendScalar(0x85, to: &text)
    case UInt8(ascii: "_"): Self.appendScalar(0xA0, to: &text)
    case UInt8(ascii: "L"): Self.appendScalar(0x2028, to: &text)
    case UInt8(ascii: "P"): Self.appendScalar(0x2029, to: &text)
    case UInt8(ascii: "x"): digits = 2
    case UInt8(ascii: "u"): digits = 4
    case UInt8(ascii: "U"): digits = 8
    default:
      throw SyntaxError("found unknown escape character", at: mark.offset)
    }
    skip()
    guard digits > 0 else { return }
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let d = Self.hexValue(at()) else {
        throw SyntaxError("did not find expected hexadecimal number", at: mark.offset)
      }
      value = value << 4 | UInt32(d)
      skip()
    }
    guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
      throw SyntaxError("found invalid Unicode character escape code", at: mark.offset - digits - 2)
    }
    Self.appendScalar(value, to: &text)
  }

  static func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// Appends the UTF-8 encoding of a valid scalar value.
  static func appendScalar(_ v: UInt32, to text: inout [UInt8]) {
    switch v {
    case 0..<0x80:
      text.append(UInt8(v))
    case 0x80..<0x800:
      text.append(UInt8(0xC0 | v >> 6))
      text.append(UInt8(0x80 | v & 0x3F))
    case 0x800..<0x10000:
      text.append(UInt8(0xE0 | v >> 12))
      text.append(UInt8(0x80 | v >> 6 & 0x3F))
      text.append(UInt8(0x80 | v & 0x3F))
    default:
      text.append(UInt8(0xF0 | v >> 18))
      text.append(UInt8(0x80 | v >> 12 & 0x3F))
      text.append(UInt8(0x80 | v >> 6 & 0x3F))
      text.append(UInt8(0x80 | v & 0x3F))
    }
  }

  // MARK: Block

  mutating func fetchBlockScalar(literal: Bool) throws(SyntaxError) {
    try removeSimpleKey()
    simpleKeyAllowed = true
    let token = try scanBlockScalar(literal: literal)
    tokens.append(token)
    atLineStart = true
    tabInIndentation = false
  }

  mutating func scanBlockScalar(literal: Bool) throws(SyntaxError) -> YAMLToken {
    let start = mark
    skip()
    var chomp = 0, increment = 0
    for _ in 0..<2 {
      let c = at()
      if chomp == 0, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
        chomp = c == UInt8(ascii: "+") ? 1 : -1
        skip()
      } else if increment == 0, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
        if c == UInt8(ascii: "0") {
          throw SyntaxError("block scalar indentation indicator must be between 1 and 9", at: mark.offset)
        }
        increment = Int(c - UInt8(ascii: "0"))
        skip()
      }
    }
    if !isBlankZ() {
      throw SyntaxError("did not find expected comment or line break", at: mark.offset)
    }
    while isBlank() { skip() }
    if at() == UInt8(ascii: "#") {
      while !isBreakZ() { skip() }
    }
    if !isBreakZ() {
      throw SyntaxError("did not find expected comment or line break", at: mark.offset)
    }
    if isBreak() { skipBreak() }
    var end = mark
    var blockIndent = increment > 0 ? (indent >= 0 ? indent + increment : increment) : -1
    var text: [UInt8] = []
    var trailing = 0
    try scanBlockBreaks(indent: &blockIndent, breaks: &trailing, end: &end)
    var leadingBreak = false
    var leadingBlank = false
    while mark.column == blockIndent, !atEnd, !atDocumentIndicator() {
      let trailingBlank = isBlank()
      if !literal, leadingBreak, !leadingBlank, !trailingBlank {
        if trailing == 0 { text.append(0x20) }
      } else if leadingBreak {
        text.append(0x0A)
      }
      leadingBreak = false
      text.append(contentsOf: repeatElement(0x0A, count: trailing))
      trailing = 0
      leadingBlank = isBlank()
      while !isBreakZ() {
        copyRun(.line, to: &text)
        try checkLength(text)
        if !isBreakZ() { copyChar(to: &text) }
      }
      try checkLength(text)
      end = mark
      if atEnd {
        leadingBreak = true
        break
      }
      skipBreak()
      leadingBreak = true
      end = mark
      try scanBlockBreaks(indent: &blockIndent, breaks: &trailing, end: &end)
    }
    if chomp != -1, leadingBreak { text.append(0x0A) }
    if chomp == 1 { text.append(contentsOf: repeatElement(0x0A, count: trailing)) }
    return YAMLToken(kind: .scalar(String(decoding: text, as: UTF8.self), literal ? .literal : .folded), start: start, end: end)
  }

  /// Skips indentation and empty lines, counting the breaks; with an
  /// unknown `indent` (-1), detects it from the first non-empty line.
  mutating func scanBlockBreaks(indent blockIndent: inout Int, breaks: inout Int, end: inout Mark) throws(SyntaxError) {
    var maxIndent = 0
    let detect = blockIndent < 0
    while true {
      while detect || mark.column < blockIndent, at() == 0x20 { skip() }
      if mark.column > maxIndent { maxIndent = mark.column }
      if detect ? mark.column < indent + 1 : mark.column < blockIndent, at() == 0x09 {
        throw SyntaxError("found a tab character where an indentation space is expected", at: mark.offset)
      }
      if !isBreak() {
        // A last line of blanks without a break still ends a line.
        if atEnd, mark.column > 0, detect || mark.column < blockIndent { breaks += 1 }
        break
      }
      skipBreak()
      breaks += 1
      end = mark
    }
    if detect {
      blockIndent = max(maxIndent, indent + 1, 0)
      if !atEnd, mark.column >= indent + 1, mark.column < maxIndent {
        throw SyntaxError("a leading all-space line must not have more spaces than the first non-empty line", at: mark.offset)
      }
    }
  }
}
