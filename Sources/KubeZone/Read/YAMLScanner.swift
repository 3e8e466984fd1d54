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

  // MARK: Simple keys

  mutating func staleSimpleKeys() throws(SyntaxError) {
    // Keys in a flow mapping may span lines; elsewhere they may not.
    let multiLineOK = flowKinds.last == true
    for i in simpleKeys.indices where simpleKeys[i].possible {
      let k = simpleKeys[i]
      if multiLineOK && i == simpleKeys.count - 1 { continue }
      if k.mark.line < mark.line || k.mark.offset + 1024 < mark.offset {
        if k.required {
          // The ':' was due right after the key's last token.
          let at = tokens.last.map { $0.end.line == k.mark.line ? $0.end.offset : mark.offset } ?? mark.offset
          throw SyntaxError("could not find expected ':'", at: at)
        }
        simpleKeys[i].possible = false
      }
    }
  }

  mutating func saveSimpleKey() throws(SyntaxError) {
    let required = flowLevel == 0 && indent == mark.column
    guard simpleKeyAllowed else { return }
    try removeSimpleKey()
    simpleKeys[simpleKeys.count - 1] = SimpleKey(
      possible: true, required: required,
      tokenNumber: tokensTaken + tokens.count - head, mark: mark, tabBefore: tabBeforeToken)
  }

  mutating func removeSimpleKey() throws(SyntaxError) {
    let k = simpleKeys[simpleKeys.count - 1]
    if k.possible && k.required {
      throw SyntaxError("could not find expected ':'", at: mark.offset)
    }
    simpleKeys[simpleKeys.count - 1].possible = false
  }

  // MARK: Indentation

  /// Opens a block collection at `column` if it is deeper than the current
  /// one; `number` places the start token before an already queued key.
  mutating func rollIndent(_ column: Int, number: Int?, kind: YAMLToken.Kind, at start: Mark, tabBefore: Bool) throws(SyntaxError) {
    guard flowLevel == 0, indent < column else { return }
    if tabBefore {
      throw SyntaxError("found a tab character that violates indentation", at: start.offset)
    }
    if start.line == documentStartLine {
      throw SyntaxError("a block collection cannot start on the same line as '---'", at: start.offset)
    }
    if indents.count >= limits.maxDepth {
      throw SyntaxError("nesting depth exceeds \(limits.maxDepth)", at: start.offset)
    }
    indents.append(indent)
    indent = column
    let token = YAMLToken(kind: kind, start: start, end: start)
    if let number {
      tokens.insert(token, at: head + number - tokensTaken)
    } else {
      tokens.append(token)
    }
  }

  /// Closes block collections deeper than `column`.
  mutating func unrollIndent(_ column: Int) {
    guard flowLevel == 0 else { return }
    while indent > column {
      tokens.append(YAMLToken(kind: .blockEnd, start: mark, end: mark))
      indent = indents.popLast() ?? -1
    }
  }

  // MARK: Structure tokens

  mutating func fetchStreamStart() {
    if at() == 0xEF, at(1) == 0xBB, at(2) == 0xBF { mark.offset += 3 }
    indent = -1
    simpleKeyAllowed = true
    streamStarted = true
    append(.streamStart, from: mark)
  }

  mutating func fetchStreamEnd() throws(SyntaxError) {
    if mark.column != 0 {
      mark.column = 0
      mark.line += 1
    }
    unrollIndent(-1)
    try removeSimpleKey()
    simpleKeyAllowed = false
    streamEnded = true
    append(.streamEnd, from: mark)
  }

  mutating func fetchDocumentIndicator(start: Bool) throws(SyntaxError) {
    if flowLevel > 0 {
      throw SyntaxError("document marker not allowed inside a flow collection", at: mark.offset)
    }
    unrollIndent(-1)
    try removeSimpleKey()
    simpleKeyAllowed = false
    let begin = mark
    skip(); skip(); skip()
    if start {
      documentStartLine = begin.line
      append(.documentStart, from: begin)
    } else {
      append(.documentEnd, from: begin)
      // Only a comment may follow `...` on its line.
      while isBlank() { skip() }
      if !isBreakZ(), at() != UInt8(ascii: "#") {
        throw SyntaxError("found content after document end marker", at: mark.offset)
      }
    }
  }

  mutating func fetchFlowCollectionStart(mapping: Bool) throws(SyntaxError) {
    try saveSimpleKey()
    if flowLevel >= limits.maxDepth || flowLevel + indents.count >= limits.maxDepth {
      throw SyntaxError("nesting depth exceeds \(limits.maxDepth)", at: mark.offset)
    }
    flowKinds.append(mapping)
    simpleKeys.append(SimpleKey())
    simpleKeyAllowed = true
    let start = mark
    skip()
    append(mapping ? .flowMappingStart : .flowSequenceStart, from: start)
  }

  mutating func fetchFlowCollectionEnd(mapping: Bool) throws(SyntaxError) {
    try removeSimpleKey()
    if flowLevel > 0 {
      flowKinds.removeLast()
      simpleKeys.removeLast()
    }
    simpleKeyAllowed = false
    let start = mark
    skip()
    append(mapping ? .flowMappingEnd : .flowSequenceEnd, from: start)
    afterJSONNode = true
    try checkAfterFlowNode()
  }

  mutating func fetchFlowEntry() throws(SyntaxError) {
    try removeSimpleKey()
    simpleKeyAllowed = true
    let start = mark
    skip()
    append(.flowEntry, from: start)
  }

  mutating func fetchBlockEntry() throws(SyntaxError) {
    if flowLevel == 0 {
      if !simpleKeyAllowed {
        throw SyntaxError("block sequence entries are not allowed here", at: mark.offset)
      }
      try rollIndent(mark.column, number: nil, kind: .blockSequenceStart, at: mark, tabBefore: tabBeforeToken)
    } else {
      throw SyntaxError("block sequence entries are not allowed in a flow collection", at: mark.offset)
    }
    try removeSimpleKey()
    simpleKeyAllowed = true
    let start = mark
    skip()
    append(.blockEntry, from: start)
  }

  mutating func fetchKey() throws(SyntaxError) {
    if flowLevel == 0 {
      if !simpleKeyAllowed {
        throw SyntaxError("mapping keys are not allowed here", at: mark.offset)
      }
      try rollIndent(mark.column, number: nil, kind: .blockMappingStart, at: mark, tabBefore: tabBeforeToken)
    }
    try removeSimpleKey()
    simpleKeyAllowed = flowLevel == 0
    let start = mark
    skip()
    append(.key, from: start)
  }

  mutating func fetchValue() throws(SyntaxError) {
    let k = simpleKeys[simpleKeys.count - 1]
    if k.possible {
      let token = YAMLToken(kind: .key, start: k.mark, end: k.mark)
      tokens.insert(token, at: head + k.tokenNumber - tokensTaken)
      try rollIndent(k.mark.column, number: k.tokenNumber, kind: .blockMappingStart, at: k.mark, tabBefore: k.tabBefore)
      simpleKeys[simpleKeys.count - 1].possible = false
      simpleKeyAllowed = false
    } else {
      if flowLevel == 0 {
        if !simpleKeyAllowed {
          throw SyntaxError("mapping values are not allowed here", at: mark.offset)
        }
        try rollIndent(mark.column, number: nil, kind: .blockMappingStart, at: mark, tabBefore: tabBeforeToken)
      }
      simpleKeyAllowed = flowLevel == 0
    }
    let start = mark
    skip()
    append(.value, from: start)
  }

  /// After a quoted scalar or flow collection, only blanks, a comment, a
  /// break, a flow indicator or `:` may follow directly.
  func checkAfterFlowNode() throws(SyntaxError) {
    let c = at()
    if isBlankZ() || c == UInt8(ascii: ":") { return }
    if flowLevel > 0, Self.isFlowIndicator(c) { return }
    if c == UInt8(ascii: "#") {
      throw SyntaxError("comments must be separated from other tokens by white space", at: mark.offset)
    }
    if flowLevel == 0 {
      throw SyntaxError("found unexpected '\(Character(UnicodeScalar(c)))' after a flow collection or quoted scalar", at: mark.offset)
    }
  }
}

extension YAMLScanner {
  static func isBlankOrBreak(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
  }
}
