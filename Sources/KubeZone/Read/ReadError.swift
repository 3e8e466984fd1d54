/// A syntax error or a limit hit while reading YAML or JSON.
///
/// `location` names the first byte that is wrong. `description` renders the
/// diagnostic; `rendered(source:)` adds the source line and a caret.
public struct ReadError: Error, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }

  public var description: String { "\(location): error: \(message)" }

  /// The diagnostic, then the offending source line and a caret under the
  /// column, as compilers print them. `source` is the input that was read.
  public func rendered(source: [UInt8]) -> String {
    let offset = min(max(location.offset, 0), source.count)
    var start = offset
    while start > 0, source[start - 1] != 0x0A, source[start - 1] != 0x0D { start -= 1 }
    var end = offset
    while end < source.count, source[end] != 0x0A, source[end] != 0x0D { end += 1 }
    let line = String(decoding: source[start..<end], as: UTF8.self)
    // Tabs are kept in the padding so the caret lines up in a terminal.
    var pad = ""
    for (i, ch) in line.unicodeScalars.enumerated() where i < location.column - 1 {
      pad.unicodeScalars.append(ch == "\t" ? "\t" : " ")
    }
    return "\(description)\n\(line)\n\(pad)^"
  }
}
