/// Splits zone-file bytes into logical lines of tokens (RFC 1035 §5.1).
///
/// Handles `;` comments, `(` `)` continuation across lines, `"` quoted
/// strings, backslash escapes (`\X`, `\DDD`, which may escape a blank or a
/// quote) and all three line breaks. Works on bytes; text is only built
/// for finished tokens.
///
/// Control characters other than tab and the line breaks are refused
/// outside comments (BIND refuses a NUL too): written raw they would hide
/// text in a review, and `\DDD` says the same thing visibly. A field has at most
/// `maxTokenBytes` bytes and an entry at most `maxTokens` fields, so a
/// 100 MB line fails at the byte that crosses a limit.
struct ZoneFileScanner {
  /// Far more than the longest field that can be valid: a name or a
  /// string of 255 octets, each written as `\DDD`, is 1,022 bytes.
  static let maxTokenBytes = 4096
  /// Owner, TTL, class and type, then one field per octet of the largest
  /// RDATA (65,535 octets, each TXT string at least one).
  static let maxTokens = 4 + 65_535

  let bytes: [UInt8]
  let file: String
  private var index = 0

  init(_ bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  /// Every logical line with tokens.
  mutating func lines() throws(ZoneFileError) -> [ZoneFileLine] {
    var result: [ZoneFileLine] = []
    while let line = try nextLine() { result.append(line) }
    return result
  }

  /// The next logical line with tokens, nil at the end of the bytes. One
  /// at a time, so a reader that needs only the SOA stops there.
  mutating func nextLine() throws(ZoneFileError) -> ZoneFileLine? {
    var current = ZoneFileLine(tokens: [], blankOwner: false, offset: index)
    var openParen: Int?
    var atLineStart = true
    while index < bytes.count {
      let b = bytes[index]
      if atLineStart && openParen == nil {
        current = ZoneFileLine(tokens: [], blankOwner: b == Byte.space || b == Byte.tab, offset: index)
      }
      atLineStart = false
      switch b {
      case Byte.space, Byte.tab:
        index += 1
      case Byte.semicolon:
        while index < bytes.count, bytes[index] != Byte.newline, bytes[index] != Byte.carriageReturn { index += 1 }
      case Byte.newline, Byte.carriageReturn:
        index += (b == Byte.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Byte.newline) ? 2 : 1
        if openParen == nil {
          if !current.tokens.isEmpty { return current }
          atLineStart = true
        }
      case Byte.openParen:
        if openParen != nil { throw error("nested '(' is not allowed", at: index) }
        openParen = index
        index += 1
      case Byte.closeParen:
        if openParen == nil { throw error("')' without '('", at: index) }
        openParen = nil
        index += 1
      case Byte.quote:
        try append(try quoted(), to: &current)
      default:
        try append(try plain(), to: &current)
      }
    }
    if let openParen { throw error("'(' is never closed", at: openParen) }
    return current.tokens.isEmpty ? nil : current
  }

  private func append(_ token: ZoneFileToken, to line: inout ZoneFileLine) throws(ZoneFileError) {
    guard line.tokens.count < Self.maxTokens else {
      throw error("more than \(Self.maxTokens) fields in one entry; no record's data is that long", at: token.offset)
    }
    line.tokens.append(token)
  }

  private mutating func quoted() throws(ZoneFileError) -> ZoneFileToken {
    let start = index
    index += 1
    var out: [UInt8] = []
    while index < bytes.count {
      let b = bytes[index]
      if b == Byte.quote {
        index += 1
        return ZoneFileToken(bytes: out, quoted: true, offset: start)
      }
      if b == Byte.backslash, index + 1 < bytes.count {
        out.append(b)
        index += 1
      }
      try checkNotControl(bytes[index])
      try checkLength(out)
      out.append(bytes[index])
      index += 1
    }
    throw error("quoted string is never closed", at: start)
  }

  private mutating func plain() throws(ZoneFileError) -> ZoneFileToken {
    let start = index
    var out: [UInt8] = []
    while index < bytes.count {
      let b = bytes[index]
      if b == Byte.backslash {
        guard index + 1 < bytes.count else { throw error("'\\' at the end of the file escapes nothing", at: index) }
        index += 1
        try checkNotControl(bytes[index])
        try checkLength(out)
        out.append(b)
        out.append(bytes[index])
        index += 1
        continue
      }
      switch b {
      case Byte.space, Byte.tab, Byte.newline, Byte.carriageReturn, Byte.semicolon, Byte.openParen, Byte.closeParen, Byte.quote:
        return ZoneFileToken(bytes: out, quoted: false, offset: start)
      default:
        try checkNotControl(b)
        try checkLength(out)
        out.append(b)
        index += 1
      }
    }
    return ZoneFileToken(bytes: out, quoted: false, offset: start)
  }

  /// Throws at `index` when the field `out` is already full.
  private func checkLength(_ out: [UInt8]) throws(ZoneFileError) {
    guard out.count >= Self.maxTokenBytes else { return }
    throw error("a field longer than \(Self.maxTokenBytes) bytes; no name, number or string is that long", at: index)
  }

  /// Throws at `index` if `b` is a control character other than tab, CR, LF.
  private func checkNotControl(_ b: UInt8) throws(ZoneFileError) {
    guard b < 0x20 && b != Byte.tab && b != Byte.newline && b != Byte.carriageReturn || b == 0x7F else { return }
    throw error("control character (octet \(b)) in a zone file; write it as \(PresentationEscape.decimal(b))", at: index)
  }

  func error(_ message: String, at offset: Int) -> ZoneFileError {
    ZoneFileError(message, at: Self.location(of: offset, in: bytes, file: file))
  }

  /// 1-based line and column of `offset`; columns count Unicode scalars.
  /// Computed only when an error is reported.
  static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
    var line = 1
    var lineStart = 0
    var i = 0
    let end = min(offset, bytes.count)
    while i < end {
      if bytes[i] == Byte.newline {
        line += 1
        lineStart = i + 1
      } else if bytes[i] == Byte.carriageReturn {
        if i + 1 < bytes.count, bytes[i + 1] == Byte.newline { i += 1 }
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    var column = 1
    if lineStart < end {
      for b in bytes[lineStart..<end] where b & 0xC0 != 0x80 { column += 1 }
    }
    return SourceLocation(file: file, line: line, column: column, offset: offset)
  }
}

/// The bytes the scanner looks for.
private enum Byte {
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let semicolon = UInt8(ascii: ";")
  static let openParen = UInt8(ascii: "(")
  static let closeParen = UInt8(ascii: ")")
  static let quote = UInt8(ascii: "\"")
  static let backslash = UInt8(ascii: "\\")
}
