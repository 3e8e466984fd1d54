/// Splits YAML bytes into tokens (the lexical layer of YAML 1.2).
///
/// The design follows the classic scanner of libyaml: block indentation is
/// turned into BLOCK-*-START / BLOCK-END tokens, and "simple" (implicit)
/// keys are recognised after the fact, when the `:` that follows them is
/// found, by inserting a KEY token back into the queue. YAML 1.2 rules that
/// the classic design lacks (`:` inside plain scalars, JSON-like keys,
/// multi-line keys in flow mappings, tabs, indentation of flow content) are
/// added where they apply. The input must already have passed `InputCheck`,
/// so a 0 byte means "end of input".
struct YAMLScanner {
  /// A place where an implicit key may start.
  struct SimpleKey {
    var possible = false
    var required = false
    var tokenNumber = 0
    var mark = Mark()
    var tabBefore = false
  }

  let bytes: [UInt8]
  let limits: ReadLimits
  var mark = Mark()
  var tokens: [YAMLToken] = []
  var head = 0
  var tokensTaken = 0
  var streamStarted = false
  var streamEnded = false
  /// Column of the innermost block collection (-1 at the top).
  var indent = -1
  var indents: [Int] = []
  /// One entry per open flow collection: true for a mapping.
  var flowKinds: [Bool] = []
  var simpleKeyAllowed = false
  var simpleKeys: [SimpleKey] = [SimpleKey()]
  /// Set right after a JSON-like node (quoted scalar, flow collection):
  /// in flow context a `:` after one needs no space after it.
  var afterJSONNode = false
  /// Whether the blanks before the current token, on its line, hold a tab.
  var tabBeforeToken = false
  /// Spaces (before any tab) that indent the current line.
  var lineIndent = 0
  /// Line of the last `---`, on which no block collection may start.
  var documentStartLine = -1
  /// Whether the current line's indentation contained a tab.
  var tabInIndentation = false
  /// Set when the current line's first token has not been fetched yet.
  var atLineStart = true

  init(_ bytes: [UInt8], limits: ReadLimits) {
    self.bytes = bytes
    self.limits = limits
  }

  var flowLevel: Int { flowKinds.count }

  // MARK: Byte access

  @inline(__always) func at(_ k: Int = 0) -> UInt8 {
    let i = mark.offset + k
    return i < bytes.count ? bytes[i] : 0
  }

  @inline(__always) func isBlank(_ k: Int = 0) -> Bool {
    let c = at(k)
    return c == 0x20 || c == 0x09
  }

  @inline(__always) func isBreak(_ k: Int = 0) -> Bool {
    let c = at(k)
    return c == 0x0A || c == 0x0D
  }

  @inline(__always) func isBreakZ(_ k: Int = 0) -> Bool {
    let c = at(k)
    return c == 0x0A || c == 0x0D || c == 0
  }

  @inline(__always) func isBlankZ(_ k: Int = 0) -> Bool {
    let c = at(k)
    return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0
  }

  static func isFlowIndicator(_ c: UInt8) -> Bool {
    c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
      || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
  }

  var atEnd: Bool { mark.offset >= bytes.count }

  /// Moves past one non-break character (a whole UTF-8 sequence).
  @inline(__always) mutating func skip() {
    let b = at()
    mark.offset += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    mark.column += 1
  }

  /// Moves past one line break (`\n`, `\r\n` or `\r`).
  mutating func skipBreak() {
    if at() == 0x0D, at(1) == 0x0A { mark.offset += 2 } else { mark.offset += 1 }
    mark.line += 1
    mark.column = 0
  }

  /// Whether `---` or `...` followed by a blank starts at the cursor.
  func atDocumentIndicator() -> Bool {
    guard mark.column == 0 else { return false }
    let c = at()
    guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
    return at(1) == c && at(2) == c && isBlankZ(3)
  }

  // MARK: Token queue

  /// The next token, without consuming it.
  mutating func peek() throws(SyntaxError) -> YAMLToken {
    while try needMoreTokens() {
      try fetchNextToken()
    }
    guard head < tokens.count else {
      return YAMLToken(kind: .streamEnd, start: mark, end: mark)
    }
    return tokens[head]
  }

  /// Consumes the token `peek()` returned.
  mutating func advance() {
    guard head < tokens.count else { return }
    head += 1
    tokensTaken += 1
    if head > 64, head * 2 > tokens.count {
      tokens.removeFirst(head)
      head = 0
    }
  }

  mutating func needMoreTokens() throws(SyntaxError) -> Bool {
    if streamEnded { return false }
    if head >= tokens.count { return true }
    try staleSimpleKeys()
    for key in simpleKeys where key.possible && key.tokenNumber == tokensTaken {
      return true
    }
    return false
  }

  mutating func append(_ kind: YAMLToken.Kind, from start: Mark) {
    tokens.append(YAMLToken(kind: kind, start: start, end: mark))
  }

  // MARK: Fetching

  mutating func fetchNextToken() throws(SyntaxError) {
    if !streamStarted {
      fetchStreamStart()
      return
    }
    try scanToNextToken()
    try staleSimpleKeys()
    unrollIndent(mark.column)
    let c = at()
    if atEnd {
      try fetchStreamEnd()
      return
    }
    try checkIndentation()
    atLineStart = false
    let afterJSON = afterJSONNode
    afterJSONNode = false
    if mark.column == 0 {
      if c == UInt8(ascii: "%") { try fetchDirective(); return }
      if atDocumentIndicator() {
        try fetchDocumentIndicator(start: c == UInt8(ascii: "-"))
        return
      }
    }
    switch c {
    case UInt8(ascii: "["): try fetchFlowCollectionStart(mapping: false)
    case UInt8(ascii: "{"): try fetchFlowCollectionStart(mapping: true)
    case UInt8(ascii: "]"): try fetchFlowCollectionEnd(mapping: false)
    case UInt8(ascii: "}"): try fetchFlowCollectionEnd(mapping: true)
    case UInt8(ascii: ","): try fetchFlowEntry()
    case UInt8(ascii: "-") where isBlankZ(1): try fetchBlockEntry()
    case UInt8(ascii: "?") where isBlankZ(1) || (flowLevel > 0 && Self.isFlowIndicator(at(1))):
      try fetchKey()
    case UInt8(ascii: ":") where isValueIndicator(afterJSON: afterJSON):
      try fetchValue()
    case UInt8(ascii: "*"): try fetchAnchor(alias: true)
    case UInt8(ascii: "&"): try fetchAnchor(alias: false)
    case UInt8(ascii: "!"): try fetchTag()
    case UInt8(ascii: "|") where flowLevel == 0: try fetchBlockScalar(literal: true)
    case UInt8(ascii: ">") where flowLevel == 0: try fetchBlockScalar(literal: false)
    case UInt8(ascii: "'"): try fetchQuotedScalar(double: false)
    case UInt8(ascii: "\""): try fetchQuotedScalar(double: true)
    default:
      if canStartPlainScalar() {
        try fetchPlainScalar()
      } else if c == UInt8(ascii: "%") || c == UInt8(ascii: "@") || c == UInt8(ascii: "`") {
        throw SyntaxError("found character '\(Character(UnicodeScalar(c)))' that cannot start any token (reserved indicator)", at: mark.offset)
      } else if c == 0x09 {
        throw SyntaxError("found a tab character where an indentation space is expected", at: mark.offset)
      } else {
        throw SyntaxError("found character that cannot start any token", at: mark.offset)
      }
    }
  }

  /// `:` is a value indicator when followed by a blank, or in flow context
  /// by a flow indicator or directly after a JSON-like node.
  func isValueIndicator(afterJSON: Bool) -> Bool {
    if isBlankZ(1) { return true }
    guard flowLevel > 0 else { return false }
    return Self.isFlowIndicator(at(1)) || afterJSON
  }

  /// YAML 1.2 `ns-plain-first`: not an indicator, or one of `-?:` followed
  /// by a character that is safe in a plain scalar.
  func canStartPlainScalar() -> Bool {
    let c = at()
    switch c {
    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
      if isBlankZ(1) { return false }
      return flowLevel == 0 || !Self.isFlowIndicator(at(1))
    case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
      UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
      UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
      UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
      return false
    default:
      return !isBlankZ()
    }
  }

  /// Skips blanks, comments and line breaks before the next token.
  mutating func scanToNextToken() throws(SyntaxError) {
    tabBeforeToken = false
    while true {
      if mark.column == 0 {
        tabInIndentation = false
        tabBeforeToken = false
        lineIndent = 0
      }
      while true {
        let c = at()
        if c == 0x20 {
          if atLineStart, !tabBeforeToken { lineIndent += 1 }
          skip()
        } else if c == 0x09 {
          if atLineStart, flowLevel == 0 { tabInIndentation = true }
          tabBeforeToken = true
          skip()
        } else {
          break
        }
      }
      if at() == UInt8(ascii: "#") {
        if mark.offset > 0 {
          let p = bytes[mark.offset - 1]
          if p != 0x20, p != 0x09, p != 0x0A, p != 0x0D {
            throw SyntaxError("comments must be separated from other tokens by white space", at: mark.offset)
          }
        }
        while !isBreakZ() { skip() }
      }
      guard isBreak() else { return }
      skipBreak()
      atLineStart = true
      if flowLevel == 0 { simpleKeyAllowed = true }
    }
  }

  /// Rejects tabs used as indentation before block structure, and flow
  /// content that is not indented past the enclosing block collection.
  mutating func checkIndentation() throws(SyntaxError) {
    guard atLineStart else { return }
    if flowLevel > 0 {
      if lineIndent <= indent {
        throw SyntaxError("flow content must be indented more than the enclosing block collection", at: mark.offset)
      }
      return
    }
    guard tabInIndentation else { return }
    // A tab may separate, but not indent: structure after it is an error.
    let c = at()
    let structural = (c == UInt8(ascii: "-") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")) && isBlankZ(1)
    if structural || lineHasImplicitKey() {
      var p = mark.offset - 1
      while p > 0, bytes[p] != 0x09 { p -= 1 }
      throw SyntaxError("found a tab character that violates indentation", at: p)
    }
  }

  /// Whether the rest of the line looks like `key: ...` (a rough check used
  /// only to report tabs in indentation).
  func lineHasImplicitKey() -> Bool {
    var i = mark.offset
    var quote: UInt8 = 0
    while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D {
      let c = bytes[i]
      if quote != 0 {
        if c == quote { quote = 0 }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        quote = c
      } else if c == UInt8(ascii: "#"), i > mark.offset, bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 {
        return false
      } else if c == UInt8(ascii: ":") {
        let n = i + 1 < bytes.count ? bytes[i + 1] : 0
        if n == 0x20 || n == 0x09 || n == 0x0A || n == 0x0D || n == 0 { return true }
      }
      i += 1
    }
    return false
  }
}

extension YAMLScanner {
  /// The whole character at the cursor, for messages.
  var currentCharacter: String {
    let b = at()
    let n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    return String(decoding: bytes[mark.offset..<min(mark.offset + n, bytes.count)], as: UTF8.self)
  }

  static func isBlankOrBreak(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
  }
}
