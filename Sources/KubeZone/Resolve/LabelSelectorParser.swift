/// Reads kubectl's label-selector syntax into requirements.
///
/// The grammar and its corners are apimachinery's (`pkg/labels/selector.go`,
/// `Lexer` and `Parser`): spaces, tabs and line breaks separate tokens; a
/// key or value is any run of other characters up to one of `= ! ( ) , > <`;
/// `in` and `notin` are values inside a value list; `k=` and `k in ()` hold
/// the empty value. Keys and values are checked as they are read (the
/// `LabelSyntax` rules), so the error names the first wrong character,
/// where apimachinery checks values only once a requirement is complete.
enum LabelSelectorParser {
  struct Token {
    enum Kind: Equatable {
      case word, comma, open, close, bang, equals, doubleEquals, notEquals, greater, less, end
    }
    var kind: Kind
    var text: String
    /// UTF-8 offsets in the selector.
    var start: Int
    var end: Int

    /// A word, whatever it spells (`in` is a key in `in=a`, a value in `(in)`).
    var isWord: Bool { kind == .word }

    /// `'text'`, or the end of the selector, for messages.
    var shown: String { kind == .end ? "the end of the selector" : "'\(text.escapedForMessage)'" }
  }

  static func parse(_ text: String) throws(LabelSelectorError) -> [LabelSelector.Requirement] {
    var p = Cursor(tokens: tokens(Array(text.utf8)))
    var requirements: [LabelSelector.Requirement] = []
    if p.peek.kind == .end { return [] }
    while true {
      let first = p.peek
      requirements.append(try requirement(&p))
      let end = p.previousEnd
      let next = p.next()
      switch next.kind {
      case .end:
        // apimachinery sorts by key (stably), so the order is stable too.
        return requirements.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
      case .comma:
        let after = p.peek
        guard after.isWord || after.kind == .bang else {
          throw LabelSelectorError("expected a requirement after ',', found \(after.shown)", at: after.start)
        }
      default:
        let written = String(decoding: Array(text.utf8)[first.start..<end], as: UTF8.self)
        var message = "expected ',' or the end of the selector after '\(written.escapedForMessage)', found \(next.shown)"
        if first.kind == .bang && [.equals, .doubleEquals, .notEquals].contains(next.kind) {
          message += " ('!key' matches objects without the label, and takes no value)"
        }
        throw LabelSelectorError(message, at: next.start)
      }
    }
  }

  private static func requirement(_ p: inout Cursor) throws(LabelSelectorError) -> LabelSelector.Requirement {
    var keyToken = p.next()
    let negated = keyToken.kind == .bang
    if negated { keyToken = p.next() }
    guard keyToken.isWord else {
      let what = negated ? "a label key after '!'" : "a label key or '!'"
      throw LabelSelectorError("expected \(what), found \(keyToken.shown)", at: keyToken.start)
    }
    try LabelSyntax.checkKey(keyToken.text, at: keyToken.start)
    let key = keyToken.text
    if negated { return .init(key: key, op: .doesNotExist, values: []) }
    let op = p.peek
    switch op.kind {
    case .comma, .end:
      return .init(key: key, op: .exists, values: [])
    case .equals, .doubleEquals, .notEquals:
      p.advance()
      let value = try exactValue(&p, after: op)
      return .init(key: key, op: op.kind == .notEquals ? .notEquals : .equals, values: [value])
    case .word where op.text == "in" || op.text == "notin":
      p.advance()
      return .init(key: key, op: op.text == "in" ? .in : .notIn, values: try valueSet(&p, of: key, after: op))
    case .greater, .less:
      throw LabelSelectorError(
        "'\(op.text)' is not supported in label selectors (nor by CoreDNS's labels); use =, ==, !=, in, notin, a key alone, or !key",
        at: op.start)
    default:
      throw LabelSelectorError(
        "expected an operator (=, ==, !=, in, notin), ',' or the end of the selector after key '\(key.escapedForMessage)', found \(op.shown)",
        at: op.start)
    }
  }

  /// The value after `=`, `==` or `!=`; none before `,` or the end is "".
  private static func exactValue(_ p: inout Cursor, after op: Token) throws(LabelSelectorError) -> String {
    let t = p.peek
    if t.kind == .comma || t.kind == .end { return "" }
    guard t.isWord else {
      throw LabelSelectorError("expected a value after '\(op.text)', found \(t.shown)", at: t.start)
    }
    p.advance()
    try LabelSyntax.checkValue(t.text, at: t.start)
    return t.text
  }

  /// `(a,b)`, sorted and without repeats. Empty places are the empty value:
  /// `()`, `(,a)`, `(a,)` and `(a,,b)` all hold "".
  private static func valueSet(_ p: inout Cursor, of key: String, after op: Token) throws(LabelSelectorError) -> [String] {
    let open = p.next()
    guard open.kind == .open else {
      throw LabelSelectorError("expected '(' after '\(op.text)', found \(open.shown)", at: open.start)
    }
    var values: Set<String> = []
    var expectingValue = true
    while true {
      let t = p.next()
      switch t.kind {
      case .word where expectingValue:
        try LabelSyntax.checkValue(t.text, at: t.start)
        values.insert(t.text)
        expectingValue = false
      case .comma:
        if expectingValue { values.insert("") }
        expectingValue = true
      case .close:
        if expectingValue { values.insert("") }
        return values.sorted()
      default:
        let wanted = expectingValue ? "a value, ',' or ')'" : "',' or ')'"
        throw LabelSelectorError(
          "expected \(wanted) in the values of '\(key.escapedForMessage) \(op.text)', found \(t.shown)", at: t.start)
      }
    }
  }

  /// Splits `bytes` into tokens, ending with `.end`.
  static func tokens(_ bytes: [UInt8]) -> [Token] {
    var out: [Token] = []
    var i = 0
    func token(_ kind: Token.Kind, _ start: Int, _ end: Int) -> Token {
      Token(kind: kind, text: String(decoding: bytes[start..<end], as: UTF8.self), start: start, end: end)
    }
    while i < bytes.count {
      let b = bytes[i]
      if isSpace(b) {
        i += 1
      } else if let kind = symbol(b) {
        // `==` and `!=` are the two-character symbols; anything else is one.
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
        if next == UInt8(ascii: "=") && (b == UInt8(ascii: "=") || b == UInt8(ascii: "!")) {
          out.append(token(b == UInt8(ascii: "=") ? .doubleEquals : .notEquals, i, i + 2))
          i += 2
        } else {
          out.append(token(kind, i, i + 1))
          i += 1
        }
      } else {
        let start = i
        while i < bytes.count && !isSpace(bytes[i]) && symbol(bytes[i]) == nil { i += 1 }
        out.append(token(.word, start, i))
      }
    }
    out.append(Token(kind: .end, text: "", start: bytes.count, end: bytes.count))
    return out
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n")
  }

  private static func symbol(_ b: UInt8) -> Token.Kind? {
    switch b {
    case UInt8(ascii: ","): .comma
    case UInt8(ascii: "("): .open
    case UInt8(ascii: ")"): .close
    case UInt8(ascii: "!"): .bang
    case UInt8(ascii: "="): .equals
    case UInt8(ascii: ">"): .greater
    case UInt8(ascii: "<"): .less
    default: nil
    }
  }

  /// Walks the tokens; the last one (`.end`) repeats forever.
  struct Cursor {
    let tokens: [Token]
    var index = 0

    var peek: Token { tokens[min(index, tokens.count - 1)] }
    /// Where the token before the current one ends.
    var previousEnd: Int { index == 0 ? 0 : tokens[min(index, tokens.count) - 1].end }

    mutating func next() -> Token {
      defer { index += 1 }
      return peek
    }

    mutating func advance() { index += 1 }
  }
}
