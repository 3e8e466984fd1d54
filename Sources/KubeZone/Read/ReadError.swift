/// A syntax error or a limit hit while reading YAML or JSON.
///
/// `location` names the first byte that is wrong. `kind` says what went
/// wrong, with data where a caller may want to act on it; `message` is the
/// text for it, written in one place. `description` renders the diagnostic;
/// `rendered(source:)` adds the source line and a caret.
public struct ReadError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Hashable {
    /// A grammar error, described in words.
    case syntax(String)
    /// A byte that is not part of well-formed UTF-8.
    case invalidUTF8(byte: UInt8)
    /// A NUL byte outside an escape.
    case nulByte
    /// A character YAML does not allow in a stream (controls, U+FFFE...).
    case disallowedCharacter(UInt32)
    /// An alias to an anchor not defined earlier in the document.
    case undefinedAlias(String)
    /// Collections nested deeper than `ReadLimits.maxDepth`.
    case depthLimit(Int)
    /// Alias copies nesting deeper than `ReadLimits.maxDepth`.
    case aliasDepthLimit(Int)
    /// More nodes than `ReadLimits.maxNodes` once aliases are expanded.
    case nodeLimit(Int)
    /// A scalar longer than `ReadLimits.maxScalarBytes`.
    case scalarLimit(Int)

    /// The diagnostic text.
    public var message: String {
      switch self {
      case .syntax(let text): text
      case .invalidUTF8(let byte): "invalid UTF-8 byte \(InputCheck.hex(byte))"
      case .nulByte: "NUL byte not allowed"
      case .disallowedCharacter(let v) where v < 0x80: "control character \(InputCheck.hex(UInt8(v))) not allowed"
      case .disallowedCharacter(let v): "character U+\(String(v, radix: 16, uppercase: true)) not allowed"
      case .undefinedAlias(let name): "found undefined alias '\(name)'"
      case .depthLimit(let limit): "nesting depth exceeds \(limit)"
      case .aliasDepthLimit(let limit): "alias expansion exceeds nesting depth \(limit)"
      case .nodeLimit(let limit): "alias expansion exceeds \(limit) nodes (possible \"billion laughs\" document)"
      case .scalarLimit(let limit): "scalar exceeds \(limit) bytes"
      }
    }
  }

  public var kind: Kind
  public var location: SourceLocation

  public init(_ kind: Kind, at location: SourceLocation) {
    self.kind = kind
    self.location = location
  }

  /// A syntax error described by `message`.
  public init(_ message: String, at location: SourceLocation) {
    self.init(.syntax(message), at: location)
  }

  public var message: String { kind.message }

  /// Whether a `ReadLimits` bound (rather than the input's syntax or
  /// encoding) stopped the read.
  public var isLimit: Bool {
    switch kind {
    case .depthLimit, .aliasDepthLimit, .nodeLimit, .scalarLimit: true
    default: false
    }
  }

  public var description: String { "\(location): error: \(message)" }

  /// The diagnostic, then the offending source line and a caret under the
  /// column, as compilers print them. `source` is the input that was read.
  ///
  /// A long line is cut to a window around the column (a 100 MB scalar
  /// would otherwise be printed whole, twice), and control, line-breaking
  /// and bidirectional characters show as `?`, so a hostile line can
  /// neither drive the terminal nor shift the caret.
  public func rendered(source: [UInt8]) -> String {
    let offset = min(max(location.offset, 0), source.count)
    var start = offset
    while start > 0, offset - start < Self.context, source[start - 1] != 0x0A, source[start - 1] != 0x0D { start -= 1 }
    var end = offset
    while end < source.count, end - offset < Self.context, source[end] != 0x0A, source[end] != 0x0D { end += 1 }
    // Start and end on whole characters.
    while start < offset, source[start] & 0xC0 == 0x80 { start += 1 }
    while end < source.count, end > offset, source[end] & 0xC0 == 0x80 { end -= 1 }
    let cutBefore = start > 0 && source[start - 1] != 0x0A && source[start - 1] != 0x0D
    let cutAfter = end < source.count && source[end] != 0x0A && source[end] != 0x0D
    var line = cutBefore ? "..." : ""
    var pad = cutBefore ? "   " : ""
    let caretAt = String(decoding: source[start..<offset], as: UTF8.self).unicodeScalars.count
    for (i, ch) in String(decoding: source[start..<end], as: UTF8.self).unicodeScalars.enumerated() {
      let shown: Unicode.Scalar = ch == "\t" || !Self.isControl(ch) ? ch : "?"
      line.unicodeScalars.append(shown)
      // Tabs are kept in the padding so the caret lines up in a terminal.
      if i < caretAt { pad.unicodeScalars.append(ch == "\t" ? "\t" : " ") }
    }
    if cutAfter { line += "..." }
    return "\(description)\n\(line)\n\(pad)^"
  }

  /// Bytes of the line shown on either side of the error.
  static let context = 60

  private static func isControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
