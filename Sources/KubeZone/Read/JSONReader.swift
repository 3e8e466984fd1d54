/// Reads strict RFC 8259 JSON into the same `Node` model as YAML.
///
/// Strings become `.doubleQuoted` scalars; numbers, `true`, `false` and
/// `null` become `.plain` scalars holding their source text. Containers are
/// built with an explicit stack, so nesting is bounded by
/// `ReadLimits.maxDepth`, not by the call stack. A UTF-8 byte order mark
/// before the value is ignored. Escapes of lone UTF-16 surrogates are
/// rejected.
public enum JSONReader {
  /// The single JSON value in `bytes`.
  public static func document(_ bytes: [UInt8], file: String, limits: ReadLimits = .default) throws(ReadError) -> Node {
    let nodes = try values(bytes, file: file, limits: limits, multiple: false)
    guard let node = nodes.first else {
      throw ReadError("unexpected end of input, expected a JSON value", at: SourceLocation(file: file, line: 1, column: 1, offset: 0))
    }
    return node
  }

  /// The JSON values in `bytes`; with `multiple`, any number of values
  /// separated by whitespace (as in the yaml-test-suite's `in.json`).
  static func values(_ bytes: [UInt8], file: String, limits: ReadLimits = .default, multiple: Bool) throws(ReadError) -> [Node] {
    if let failure = InputCheck.validate(bytes, yaml: false) {
      var lines = LineTable(bytes, file: file)
      throw ReadError(failure.kind, at: lines.location(failure.offset))
    }
    let result = bytes.withUnsafeBufferPointer { buf -> Result<[Node], SyntaxError> in
      var parser = JSONParser(buf, file: file, limits: limits)
      do throws(SyntaxError) {
        return .success(try parser.run(multiple: multiple))
      } catch {
        return .failure(error)
      }
    }
    switch result {
    case .success(let nodes):
      return nodes
    case .failure(let error):
      var lines = LineTable(bytes, file: file)
      throw ReadError(error.kind, at: lines.location(error.offset))
    }
  }
}

/// The JSON parser proper, over a buffer that outlives it.
private struct JSONParser {
  /// An open array or object.
  struct Frame {
    var isObject: Bool
    var location: SourceLocation
    var items: [Node] = []
    var pairs: [Node.Pair] = []
    var key: Node?
  }

  let buf: UnsafeBufferPointer<UInt8>
  let file: String
  let source: SourceFile
  let limits: ReadLimits
  var pos = 0
  var line = 1
  var lineStart = 0
  /// UTF-8 continuation bytes seen since `lineStart`, to count columns in
  /// Unicode scalars without rescanning.
  var continuation = 0

  init(_ buf: UnsafeBufferPointer<UInt8>, file: String, limits: ReadLimits) {
    self.buf = buf
    self.file = file
    source = SourceFile(file)
    self.limits = limits
  }

  @inline(__always) var byte: UInt8 { pos < buf.count ? buf[pos] : 0 }

  func location(_ offset: Int) -> SourceLocation {
    SourceLocation(source: source, line: line, column: offset - lineStart - continuation + 1, offset: offset)
  }

  mutating func skipWhitespace() {
    while pos < buf.count {
      switch buf[pos] {
      case 0x20, 0x09:
        pos += 1
      case 0x0A:
        pos += 1
        newLine()
      case 0x0D:
        pos += 1
        if pos < buf.count, buf[pos] == 0x0A { pos += 1 }
        newLine()
      default:
        return
      }
    }
  }

  @inline(__always) mutating func newLine() {
    line += 1
    lineStart = pos
    continuation = 0
  }

  mutating func run(multiple: Bool) throws(SyntaxError) -> [Node] {
    if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
      pos = 3
      continuation = 2
    }
    var nodes: [Node] = []
    skipWhitespace()
    while pos < buf.count {
      nodes.append(try value())
      skipWhitespace()
      if !multiple, pos < buf.count {
        throw SyntaxError("unexpected content after the JSON value", at: pos)
      }
    }
    if !multiple, nodes.isEmpty {
      throw SyntaxError("unexpected end of input, expected a JSON value", at: pos)
    }
    return nodes
  }

  /// One complete value, starting at a non-whitespace byte.
  mutating func value() throws(SyntaxError) -> Node {
    var stack: [Frame] = []
    while true {
      skipWhitespace()
      var node: Node
      let start = pos
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let isObject = byte == UInt8(ascii: "{")
        if stack.count >= limits.maxDepth {
          throw SyntaxError(.depthLimit(limits.maxDepth), at: pos)
        }
        // Located before skipping white space, which may start a new line.
        let opening = location(start)
        pos += 1
        skipWhitespace()
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if byte == close {
          pos += 1
          node = Node(isObject ? .mapping([]) : .sequence([]), location: opening)
        } else {
          stack.append(Frame(isObject: isObject, location: opening))
          if isObject {
            stack[stack.count - 1].key = try key()
          }
          continue
        }
      case UInt8(ascii: "\""):
        node = try string()
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        node = try number()
      case UInt8(ascii: "t"): node = try literal("true")
      case UInt8(ascii: "f"): node = try literal("false")
      case UInt8(ascii: "n"): node = try literal("null")
      default:
        throw unexpected(expecting: "a JSON value")
      }
      // Attach the finished value, closing every container it completes.
      while true {
        guard !stack.isEmpty else { return node }
        let top = stack.count - 1
        if stack[top].isObject {
          if let key = stack[top].key.take() {
            stack[top].pairs.append(Node.Pair(key: key, value: node))
          }
        } else {
          stack[top].items.append(node)
        }
        skipWhitespace()
        let close = stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if byte == UInt8(ascii: ",") {
          pos += 1
          if stack[top].isObject {
            stack[top].key = try key()
          }
          break
        }
        guard byte == close else {
          throw unexpected(expecting: stack[top].isObject ? "',' or '}'" : "',' or ']'")
        }
        pos += 1
        guard let frame = stack.popLast() else { return node }
        node = Node(frame.isObject ? .mapping(frame.pairs) : .sequence(frame.items), location: frame.location)
      }
    }
  }

  func unexpected(expecting what: String) -> SyntaxError {
    if pos >= buf.count {
      return SyntaxError("unexpected end of input, expected \(what)", at: pos)
    }
    return SyntaxError("unexpected character, expected \(what)", at: pos)
  }

  /// An object key and the `:` after it.
  mutating func key() throws(SyntaxError) -> Node {
    skipWhitespace()
    guard byte == UInt8(ascii: "\"") else {
      throw unexpected(expecting: "a string key")
    }
    let key = try string()
    skipWhitespace()
    guard byte == UInt8(ascii: ":") else {
      throw unexpected(expecting: "':'")
    }
    pos += 1
    return key
  }

  mutating func literal(_ word: StaticString) throws(SyntaxError) -> Node {
    let start = pos
    let n = word.utf8CodeUnitCount
    let w = word.utf8Start
    for i in 0..<n {
      guard pos < buf.count, buf[pos] == w[i] else {
        throw SyntaxError("invalid literal, expected '\(word)'", at: pos < buf.count ? pos : start)
      }
      pos += 1
    }
    return Node(.scalar(Scalar(word.description, style: .plain)), location: location(start))
  }

  mutating func number() throws(SyntaxError) -> Node {
    let start = pos
    if byte == UInt8(ascii: "-") { pos += 1 }
    if byte == UInt8(ascii: "0") {
      pos += 1
      if isDigit(byte) {
        throw SyntaxError("leading zeros are not allowed in JSON numbers", at: pos - 1)
      }
    } else if isDigit(byte) {
      while isDigit(byte) { pos += 1 }
    } else {
      throw SyntaxError("expected a digit in number", at: pos)
    }
    if byte == UInt8(ascii: ".") {
      pos += 1
      guard isDigit(byte) else { throw SyntaxError("expected a digit after '.' in number", at: pos) }
      while isDigit(byte) { pos += 1 }
    }
    if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
      pos += 1
      if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { pos += 1 }
      guard isDigit(byte) else { throw SyntaxError("expected a digit in number exponent", at: pos) }
      while isDigit(byte) { pos += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
    return Node(.scalar(Scalar(text, style: .plain)), location: location(start))
  }

  @inline(__always) func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }

  /// A string starting at its opening quote. Escape-free strings are
  /// decoded straight from the buffer.
  mutating func string() throws(SyntaxError) -> Node {
    let start = pos
    pos += 1
    let contentStart = pos
    var cont = 0
    if let p = buf.baseAddress {
      // Stop just past the scalar limit, so the check below fires there.
      let n = min(buf.count, contentStart + limits.maxScalarBytes + 1)
      var i = pos
      while i < n {
        let b = p[i]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
        if b >= 0x80, b & 0xC0 == 0x80 { cont += 1 }
        i += 1
      }
      pos = i
    }
    if pos - contentStart > limits.maxScalarBytes {
      throw SyntaxError(.scalarLimit(limits.maxScalarBytes), at: contentStart + limits.maxScalarBytes)
    }
    var text: String
    if byte == UInt8(ascii: "\"") {
      text = String(decoding: UnsafeBufferPointer(rebasing: buf[contentStart..<pos]), as: UTF8.self)
    } else {
      var bytes = Array(UnsafeBufferPointer(rebasing: buf[contentStart..<pos]))
      try escapedTail(into: &bytes, continuation: &cont)
      text = String(decoding: bytes, as: UTF8.self)
    }
    if pos - contentStart > limits.maxScalarBytes {
      throw SyntaxError(.scalarLimit(limits.maxScalarBytes), at: contentStart + limits.maxScalarBytes)
    }
    pos += 1
    let loc = location(start)
    continuation += cont
    return Node(.scalar(Scalar(text, style: .doubleQuoted)), location: loc)
  }

  /// The rest of a string that has escapes, up to the closing quote.
  mutating func escapedTail(into bytes: inout [UInt8], continuation cont: inout Int) throws(SyntaxError) {
    while true {
      guard pos < buf.count else {
        throw SyntaxError("unexpected end of input inside a string", at: pos)
      }
      let b = buf[pos]
      if b == UInt8(ascii: "\"") { return }
      if b < 0x20 {
        throw SyntaxError("control character \(InputCheck.hex(b)) must be escaped in a string", at: pos)
      }
      if b != UInt8(ascii: "\\") {
        // Copy the run up to the next quote, escape or control at once.
        var i = pos
        if let p = buf.baseAddress {
          while i < buf.count {
            let c = p[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
            if c & 0xC0 == 0x80 { cont += 1 }
            i += 1
          }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<i]))
        pos = i
        if bytes.count > limits.maxScalarBytes {
          throw SyntaxError(.scalarLimit(limits.maxScalarBytes), at: pos)
        }
        continue
      }
      pos += 1
      if let b = JSONEscape.byte(after: byte) {
        bytes.append(b)
        pos += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "u"):
        let escapeStart = pos - 1
        pos += 1
        var v = try hex4()
        if (0xD800...0xDBFF).contains(v) {
          guard byte == UInt8(ascii: "\\"), pos + 1 < buf.count, buf[pos + 1] == UInt8(ascii: "u") else {
            throw SyntaxError("lone UTF-16 surrogate in \\u escape", at: escapeStart)
          }
          pos += 2
          let low = try hex4()
          guard (0xDC00...0xDFFF).contains(low) else {
            throw SyntaxError("lone UTF-16 surrogate in \\u escape", at: escapeStart)
          }
          v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(v) {
          throw SyntaxError("lone UTF-16 surrogate in \\u escape", at: escapeStart)
        }
        YAMLScanner.appendScalar(v, to: &bytes)
      default:
        throw SyntaxError("invalid escape sequence in string", at: pos - 1)
      }
    }
  }

  mutating func hex4() throws(SyntaxError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      guard let d = YAMLScanner.hexValue(byte) else {
        throw SyntaxError("expected four hexadecimal digits in \\u escape", at: pos)
      }
      v = v << 4 | UInt32(d)
      pos += 1
    }
    return v
  }
}
