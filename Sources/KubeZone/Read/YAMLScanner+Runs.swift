/// Bulk copying of ordinary ASCII runs inside scalars, so large scalars do
/// not pay the per-character checks (which matter most in debug builds).
extension YAMLScanner {
  /// Which bytes end a run.
  enum RunKind {
    /// Plain scalar: blanks, controls, `:` and non-ASCII; in flow context
    /// also the flow indicators.
    case plain(flow: Bool)
    /// Quoted scalar: blanks, controls, non-ASCII, `\` and the quote.
    case quoted(UInt8)
    /// Block scalar line: line breaks and non-ASCII.
    case line
  }

  /// Copies the ASCII run at the cursor that `kind` allows into `text`.
  mutating func copyRun(_ kind: RunKind, to text: inout [UInt8]) {
    let start = mark.offset
    // Stop just past the scalar limit, so `checkLength` fires there.
    let room = max(limits.maxScalarBytes - text.count + 1, 0)
    let end = bytes.withUnsafeBufferPointer { buf -> Int in
      guard let p = buf.baseAddress else { return start }
      let n = min(buf.count, start + room)
      var i = start
      switch kind {
      case .plain(flow: false):
        while i < n {
          let c = p[i]
          if c <= 0x20 || c >= 0x7F || c == UInt8(ascii: ":") { break }
          i += 1
        }
      case .plain(flow: true):
        while i < n {
          let c = p[i]
          if c <= 0x20 || c >= 0x7F || c == UInt8(ascii: ":") || c == UInt8(ascii: ",") || c == UInt8(ascii: "[")
            || c == UInt8(ascii: "]") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") { break }
          i += 1
        }
      case .quoted(let quote):
        while i < n {
          let c = p[i]
          if c <= 0x20 || c >= 0x7F || c == quote || c == UInt8(ascii: "\\") { break }
          i += 1
        }
      case .line:
        while i < n {
          let c = p[i]
          if c == 0x0A || c == 0x0D || c >= 0x80 { break }
          i += 1
        }
      }
      return i
    }
    guard end > start else { return }
    text.append(contentsOf: bytes[start..<end])
    mark.offset = end
    mark.column += end - start
  }
}
