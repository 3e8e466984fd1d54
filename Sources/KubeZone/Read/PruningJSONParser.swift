/// A strict JSON parser that builds `Node`s only for the paths a
/// `PruneSchema` keeps and skips everything else at scanning speed.
///
/// It accepts exactly what `JSONReader` accepts (RFC 8259, UTF-8 checked
/// inside strings, no lone surrogates, the same depth and scalar limits),
/// and the nodes it builds carry the same text, style and positions as the
/// full reader's. Instead of reporting errors it gives up with
/// `PruningAbort`; the caller then reads the input with `JSONReader`, which
/// reports the error exactly as before. The buffer must outlive the parser.
struct PruningJSONParser {
  let buf: UnsafeBufferPointer<UInt8>
  let file: String
  let source: SourceFile
  let limits: ReadLimits
  var pos: Int
  var line: Int
  var lineStart: Int
  /// UTF-8 continuation bytes since `lineStart`, so columns count scalars.
  var continuation: Int
  /// Containers open around the current value.
  var depth = 0
  /// `skipValue`'s stack of open containers (true: object), kept between
  /// calls so skipping allocates nothing.
  private var skipStack: [Bool] = []

  init(_ buf: UnsafeBufferPointer<UInt8>, file: String, limits: ReadLimits, at pos: Int, line: Int, lineStart: Int, continuation: Int = 0) {
    self.buf = buf
    self.file = file
    source = SourceFile(file)
    self.limits = limits
    self.pos = pos
    self.line = line
    self.lineStart = lineStart
    self.continuation = continuation
  }

  @inline(__always) var byte: UInt8 { pos < buf.count ? buf[pos] : 0 }

  @inline(__always) func location(_ offset: Int) -> SourceLocation {
    SourceLocation(source: source, line: line, column: offset - lineStart - continuation + 1, offset: offset)
  }

  @inline(__always) func abort(_ why: String) -> PruningAbort { PruningAbort(reason: why, offset: pos) }

  mutating func skipWhitespace() {
    let n = buf.count
    guard let base = buf.baseAddress, pos < n else { return }
    // kubectl's layout puts no space or one before most tokens: those
    // return at once; a line break and its indentation take the loop.
    if base[pos] > 0x20 { return }
    if base[pos] == 0x20, pos + 1 < n, base[pos + 1] > 0x20 {
      pos += 1
      return
    }
    while pos < n {
      switch buf[pos] {
      case 0x20:
        // Pretty-printed JSON is mostly indentation: find the first byte
        // that is not a space eight bytes at a time.
        pos += 1
        while pos + 8 <= n {
          let x = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
          if x != 0 {
            pos += x.trailingZeroBitCount >> 3
            break
          }
          pos += 8
        }
      case 0x09:
        pos += 1
      case 0x0A:
        pos += 1
        line += 1
        lineStart = pos
        continuation = 0
      case 0x0D:
        pos += 1
        if pos < n, buf[pos] == 0x0A { pos += 1 }
        line += 1
        lineStart = pos
        continuation = 0
      default:
        return
      }
    }
  }

  /// One value under `rule`: built whole, built pruned, or (nil) skipped.
  mutating func value(_ rule: PruneSchema.Rule?) throws(PruningAbort) -> Node? {
    guard let rule else {
      try skipValue()
      return nil
    }
    return try built(rule)
  }

  /// A value built under `rule`: in full (`.all`), or with mappings pruned
  /// to a schema (sequences apply it to each item).
  mutating func built(_ rule: PruneSchema.Rule) throws(PruningAbort) -> Node {
    skipWhitespace()
    let opening = location(pos)
    switch byte {
    case UInt8(ascii: "{"):
      try open()
      var pairs: [Node.Pair] = []
      if try !closes(UInt8(ascii: "}")) {
        repeat {
          let (key, child) = try member(of: rule)
          if let key, let child {
            pairs.append(Node.Pair(key: key, value: try built(child)))
          } else {
            try skipValue()
          }
        } while try next(close: UInt8(ascii: "}"))
      }
      depth -= 1
      return Node(.mapping(pairs), location: opening)
    case UInt8(ascii: "["):
      try open()
      var items: [Node] = []
      if try !closes(UInt8(ascii: "]")) {
        repeat {
          items.append(try built(rule))
        } while try next(close: UInt8(ascii: "]"))
      }
      depth -= 1
      return Node(.sequence(items), location: opening)
    default:
      return try scalar()
    }
  }

  /// A member's key and the `:` after it, with the rule for its value:
  /// every key under `.all`, the schema's keys (nil key and rule for the
  /// others, to skip) under `.fields`.
  mutating func member(of rule: PruneSchema.Rule) throws(PruningAbort) -> (Node?, PruneSchema.Rule?) {
    guard case .fields(let schema) = rule else {
      skipWhitespace()
      guard byte == UInt8(ascii: "\"") else { throw abort("expected a key") }
      let key = try string()
      try colon()
      return (key, .all)
    }
    return try key(schema)
  }

  /// A string, number or literal at `pos`.
  mutating func scalar() throws(PruningAbort) -> Node {
    switch byte {
    case UInt8(ascii: "\""): return try string()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = pos
      try skipNumber()
      let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
      return Node(.scalar(Scalar(text, style: .plain)), location: location(start))
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      let start = pos
      let word = try skipLiteral()
      return Node(.scalar(Scalar(word.description, style: .plain)), location: location(start))
    default:
      throw abort("expected a JSON value")
    }
  }

  // MARK: Structure

  /// Consumes `{` or `[`, counting depth as the full reader does.
  @inline(__always) mutating func open() throws(PruningAbort) {
    if depth >= limits.maxDepth { throw abort("nesting depth") }
    depth += 1
    pos += 1
  }

  /// Consumes `close` if it comes next (an empty container).
  @inline(__always) mutating func closes(_ close: UInt8) throws(PruningAbort) -> Bool {
    skipWhitespace()
    if byte == close {
      pos += 1
      return true
    }
    return false
  }

  /// After an entry: true at `,` (another entry follows), false at `close`.
  @inline(__always) mutating func next(close: UInt8) throws(PruningAbort) -> Bool {
    skipWhitespace()
    let b = byte
    pos += 1
    if b == UInt8(ascii: ",") { return true }
    if b == close { return false }
    pos -= 1
    throw abort("expected ',' or a closing bracket")
  }

  @inline(__always) mutating func colon() throws(PruningAbort) {
    skipWhitespace()
    guard byte == UInt8(ascii: ":") else { throw abort("expected ':'") }
    pos += 1
  }

  /// A key and the `:` after it: the key node (built only when kept) and
  /// its rule (nil when `schema` skips it).
  mutating func key(_ schema: PruneSchema) throws(PruningAbort) -> (Node?, PruneSchema.Rule?) {
    skipWhitespace()
    guard byte == UInt8(ascii: "\"") else { throw abort("expected a key") }
    let start = pos
    let startContinuation = continuation
    let hasEscape = try skipString()
    let rule: PruneSchema.Rule?
    if hasEscape {
      // Rare: compare the decoded key.
      pos = start
      continuation = startContinuation
      let node = try string()
      let text = node.scalar?.text ?? ""
      var copy = text
      rule = copy.withUTF8 { schema.rule(for: $0) }
      try colon()
      return (rule == nil ? nil : node, rule)
    }
    rule = schema.rule(for: UnsafeBufferPointer(rebasing: buf[(start + 1)..<(pos - 1)]))
    var node: Node?
    if rule != nil {
      pos = start
      continuation = startContinuation
      node = try string()
    }
    try colon()
    return (node, rule)
  }

  // MARK: Skipping

  /// Skips one value, checking its syntax, without recursion.
  mutating func skipValue() throws(PruningAbort) {
    var objects = skipStack
    skipStack = []
    // Empty unless a skip threw; clearing an empty array still went
    // through `replaceSubrange`, on every skipped value.
    if !objects.isEmpty { objects.removeAll(keepingCapacity: true) }
    defer { skipStack = objects }
    while true {
      skipWhitespace()
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let isObject = byte == UInt8(ascii: "{")
        if depth + objects.count >= limits.maxDepth { throw abort("nesting depth") }
        pos += 1
        skipWhitespace()
        if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
          pos += 1
          break
        }
        objects.append(isObject)
        if isObject { try skipKey() }
        continue
      case UInt8(ascii: "\""):
        _ = try skipString()
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        try skipNumber()
      case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
        _ = try skipLiteral()
      default:
        throw abort("expected a JSON value")
      }
      // A value ended: close every container it completes.
      while let isObject = objects.last {
        skipWhitespace()
        let b = byte
        if b == UInt8(ascii: ",") {
          pos += 1
          if isObject { try skipKey() }
          break
        }
        guard b == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
          throw abort("expected ',' or a closing bracket")
        }
        pos += 1
        objects.removeLast()
      }
      if objects.isEmpty { return }
    }
  }

  mutating func skipKey() throws(PruningAbort) {
    skipWhitespace()
    guard byte == UInt8(ascii: "\"") else { throw abort("expected a key") }
    _ = try skipString()
    try colon()
  }

  mutating func skipNumber() throws(PruningAbort) {
    if byte == UInt8(ascii: "-") { pos += 1 }
    if byte == UInt8(ascii: "0") {
      pos += 1
      if isDigit(byte) { throw abort("leading zero") }
    } else if isDigit(byte) {
      while isDigit(byte) { pos += 1 }
    } else {
      throw abort("expected a digit")
    }
    if byte == UInt8(ascii: ".") {
      pos += 1
      guard isDigit(byte) else { throw abort("expected a digit") }
      while isDigit(byte) { pos += 1 }
    }
    if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
      pos += 1
      if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { pos += 1 }
      guard isDigit(byte) else { throw abort("expected a digit") }
      while isDigit(byte) { pos += 1 }
    }
  }

  /// Skips `true`, `false` or `null`, returning it (as a `StaticString`:
  /// most callers drop it, and making a `String` of it was 1% of a run).
  mutating func skipLiteral() throws(PruningAbort) -> StaticString {
    let word: StaticString
    switch byte {
    case UInt8(ascii: "t"): word = "true"
    case UInt8(ascii: "f"): word = "false"
    default: word = "null"
    }
    let w = word.utf8Start
    for i in 0..<word.utf8CodeUnitCount {
      guard pos < buf.count, buf[pos] == w[i] else { throw abort("invalid literal") }
      pos += 1
    }
    return word
  }

  @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
}

/// The pruning parser gave up: the input is invalid or unusual, and the
/// full reader should read it to report (or handle) it exactly.
struct PruningAbort: Error, Sendable {
  var reason: String
  var offset: Int
}
