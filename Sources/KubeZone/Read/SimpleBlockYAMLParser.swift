import Foundation

/// Parses the plain block YAML that `kubectl get -o yaml` writes, building
/// only what a `PruneSchema` keeps, several times faster than the general
/// YAML scanner.
///
/// It takes a chunk of List entries (`- ` lines at column 0) and accepts
/// only a strict subset of YAML, line by line:
///
///     - key: plain scalar            single- or double-quoted (no escapes)
///       key: |                       literal block, `|` or `|-`
///         text
///       key:                         a nested block mapping or sequence
///       - item                       (sequences may sit at their key's column)
///       key: {}                      empty flow collections only
///
/// Anything else (anchors, aliases, tags, flow collections with content,
/// multi-line plain or quoted scalars, escapes, empty values in kept paths,
/// tabs, `\r`, comments after values, complex keys, a chunk longer than
/// `ReadLimits.maxScalarBytes`) makes it give up with `PruningAbort`; the
/// chunk is then read by the general parser, which decides. Nodes carry
/// the text, style and position the general reader gives them.
struct SimpleBlockYAMLParser {
  let buf: UnsafeBufferPointer<UInt8>
  let file: String
  let source: SourceFile
  /// Line and offset of `buf[0]` in the file.
  let baseLine: Int
  let baseOffset: Int
  let limits: ReadLimits
  /// Collections around the chunk in the full document.
  let outerDepth: Int
  var pos = 0
  var line = 0
  var lineStart = 0
  var depth = 0
  var atEnd = false

  init(_ buf: UnsafeBufferPointer<UInt8>, file: String, baseLine: Int, baseOffset: Int, limits: ReadLimits, outerDepth: Int) {
    self.buf = buf
    self.file = file
    source = SourceFile(file)
    self.baseLine = baseLine
    self.baseOffset = baseOffset
    self.limits = limits
    self.outerDepth = outerDepth
  }

  @inline(__always) func at(_ i: Int) -> UInt8 { i < buf.count ? buf[i] : 0x0A }
  var indent: Int { pos - lineStart }
  var atDash: Bool { at(pos) == UInt8(ascii: "-") && (at(pos + 1) == 0x20 || at(pos + 1) == 0x0A) }

  /// Moves past the `- ` of an entry `atDash` found. A `-` that ends its
  /// line moves past the `-` only: the value's reading then meets the
  /// line break and gives up, where moving past it read the next line as
  /// the entry's value without counting the line (`items:` at column 0
  /// became a key of the entry above, and a stream was taken up a line
  /// early). A `-` that ends the input leaves `pos` at the end, never
  /// past it, where `location` would read beyond the bytes.
  @inline(__always) mutating func skipDash() { pos = min(pos + (at(pos + 1) == 0x20 ? 2 : 1), buf.count) }

  func abort(_ why: String) -> PruningAbort { PruningAbort(reason: why, offset: baseOffset + pos) }

  func location(_ offset: Int) -> SourceLocation {
    var column = 1
    for i in lineStart..<min(offset, buf.count) where buf[i] & 0xC0 != 0x80 { column += 1 }
    return SourceLocation(source: source, line: baseLine + line, column: column, offset: baseOffset + offset)
  }

  /// Moves to the first content line at or after the line starting at
  /// `start`, skipping blank and comment lines; sets `atEnd` past the end.
  mutating func contentLine(from start: Int) throws(PruningAbort) {
    var s = start
    while s < buf.count {
      let i = Self.spaces(in: buf, from: s)
      let b = at(i)
      if b == 0x09 || b == 0x0D { pos = i; throw abort("tab or CR") }
      lineStart = s
      pos = i
      if b != 0x0A && b != UInt8(ascii: "#") { return }
      // Blank or comment: the next line.
      guard let eol = endOfLine(i) else { break }
      s = eol + 1
      line += 1
    }
    atEnd = true
    pos = buf.count
    lineStart = buf.count
  }

  /// The offset of the first byte at or after `i` that is not a space:
  /// kubectl indents nested fields by up to a dozen spaces, counted here
  /// eight at a time.
  @inline(__always) static func spaces(in buf: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
    var i = i
    if let base = buf.baseAddress {
      while i + 8 <= buf.count {
        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
        if x != 0 { return i + x.trailingZeroBitCount >> 3 }
        i += 8
      }
    }
    while i < buf.count, buf[i] == 0x20 { i += 1 }
    return i
  }

  /// The offset of the `\n` ending the line holding `i`, nil at the end.
  func endOfLine(_ i: Int) -> Int? {
    guard i < buf.count, let base = buf.baseAddress,
      let p = memchr(base + i, 0x0A, buf.count - i)
    else { return nil }
    return UnsafeRawPointer(p) - UnsafeRawPointer(base)
  }

  /// After a value on the current line: only spaces may follow; moves on.
  mutating func finishLine() throws(PruningAbort) {
    while at(pos) == 0x20 { pos += 1 }
    guard pos >= buf.count || buf[pos] == 0x0A else { throw abort("content after value") }
    guard pos < buf.count else {
      atEnd = true
      return
    }
    line += 1
    try contentLine(from: pos + 1)
  }

  // MARK: Structure

  /// Calls `body` with each entry of the chunk (column-0 `- ` lines).
  /// With `directNamespace` (the decoder's default namespace), a pod,
  /// Service or EndpointSlice entry is read straight into its object for
  /// `direct` when it can be (`DirectPodDecoder`, `DirectServiceDecoder`,
  /// `DirectEndpointSliceDecoder`); other entries are built as nodes.
  mutating func items(
    schema: PruneSchema, directNamespace: String? = nil, direct: (KubernetesObject) throws(PruningAbort) -> Void = { _ in },
    _ body: (Node) throws(PruningAbort) -> Void
  ) throws(PruningAbort) {
    // No key or scalar of a chunk this size can be over the limit the
    // full reader holds them to, so none is measured here; a larger chunk
    // (one item of 64 MB by default) is left to the general parser.
    guard buf.count <= limits.maxScalarBytes else { throw abort("chunk over the scalar limit") }
    try contentLine(from: 0)
    guard !atEnd, indent == 0, atDash else { throw abort("not a list entry") }
    depth = 1
    while !atEnd {
      guard indent == 0, atDash else { throw abort("not a list entry") }
      skipDash()
      if let directNamespace, let object = directObject(namespace: directNamespace) {
        try direct(object)
        continue
      }
      guard let item = try inline(.fields(schema), parentIndent: 0, allowMapping: true) else { throw abort("item") }
      try body(item)
    }
  }


  /// The pod, Service or slice entry at `pos`, read straight from the bytes (the
  /// parser then after it); nil, the parser unmoved, for anything else.
  private mutating func directObject(namespace: String) -> KubernetesObject? {
    var reader = DirectYAMLReader(p: self, place: .item(0))
    if let pod = try? DirectPodDecoder.decode(&reader, defaultNamespace: namespace) {
      self = reader.p
      return .pod(pod)
    }
    reader = DirectYAMLReader(p: self, place: .item(0))
    if let service = try? DirectServiceDecoder.decode(&reader, defaultNamespace: namespace) {
      self = reader.p
      return .service(service)
    }
    reader = DirectYAMLReader(p: self, place: .item(0))
    if let slice = try? DirectEndpointSliceDecoder.decode(&reader, defaultNamespace: namespace) {
      self = reader.p
      return .endpointSlice(slice)
    }
    return nil
  }

  /// Opens a collection, checking the depth limit as the composer does.
  mutating func open() throws(PruningAbort) {
    if outerDepth + depth >= limits.maxDepth { throw abort("nesting depth") }
    depth += 1
  }

  /// A node starting at `pos` on the current line (after `- ` or `key: `).
  mutating func inline(_ rule: PruneSchema.Rule?, parentIndent: Int, allowMapping: Bool) throws(PruningAbort) -> Node? {
    let start = pos
    let b = at(pos)
    switch b {
    case 0x0A, 0x20: throw abort("empty or indented value")
    case UInt8(ascii: "|"): return try literal(rule, parentIndent: parentIndent)
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      let node = try quoted(rule)
      try finishLine()
      return node
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
      guard at(pos + 1) == close else { throw abort("flow collection") }
      if outerDepth + depth >= limits.maxDepth { throw abort("nesting depth") }
      let loc = rule == nil ? nil : location(start)
      pos += 2
      try finishLine()
      guard let loc else { return nil }
      return Node(b == UInt8(ascii: "{") ? .mapping([]) : .sequence([]), location: loc)
    case UInt8(ascii: "-") where atDash:
      throw abort("nested sequence on one line")
    default:
      break
    }
    if allowMapping, let colon = keyColon(at: pos) {
      return try mapping(rule, column: pos - lineStart, firstColon: colon)
    }
    return try plain(rule)
  }

  /// A block node starting a line (the value of `key:` on the lines below).
  mutating func block(_ rule: PruneSchema.Rule?, keyIndent: Int) throws(PruningAbort) -> Node? {
    if atDash { return try sequence(rule, column: indent, indentless: indent == keyIndent) }
    guard let colon = keyColon(at: pos) else { throw abort("block scalar on its own line") }
    return try mapping(rule, column: indent, firstColon: colon)
  }

  /// The offset of the colon after the plain key starting at `i`, when
  /// one does (`key: ` or `key:` at the line end); one pass over the key.
  @inline(__always) func keyColon(at i: Int) -> Int? {
    guard isKeyByte(at(i)), at(i) != UInt8(ascii: "-") else { return nil }
    let j = Self.keyEnd(in: buf, from: i + 1)
    return at(j) == UInt8(ascii: ":") && (at(j + 1) == 0x20 || at(j + 1) == 0x0A) ? j : nil
  }

  /// The offset of the first byte at or after `i` that is not a key byte
  /// (`isKeyByte`), or the end: eight bytes at a time, each tested
  /// against the key ranges without a carry between bytes.
  @inline(__always) static func keyEnd(in buf: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
    var i = i
    let count = buf.count
    guard let base = buf.baseAddress else { return i }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let high: UInt64 = 0x8080_8080_8080_8080
    while i + 8 <= count {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      // Bytes cleared to seven bits, so no sum below carries; a byte
      // with its high bit set is never a key byte (`~w` below).
      let w7 = w & low7
      // The high bit of `x + (0x80 - lo)` is set when `x >= lo`.
      let lower = w7 | (ones &* 0x20)
      let letters = (lower &+ ones &* (0x80 - 0x61)) & ~(lower &+ ones &* (0x80 - 0x7B))
      let digits = (w7 &+ ones &* (0x80 - 0x2D)) & ~(w7 &+ ones &* (0x80 - 0x3A))
      let x = w7 ^ (ones &* 0x5F)
      let underscores = ~(((x & low7) &+ low7) | x)
      let keys = (letters | digits | underscores) & ~w & high
      let others = ~keys & high
      if others != 0 { return i + others.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < count, Self.isKeyByte(buf[i]) { i += 1 }
    return i
  }

  /// Letters, digits, `.`, `_`, `/` and `-`: a bit per ASCII byte, as
  /// every line of a List starts with a key or `- ` and is tested here.
  @inline(__always) func isKeyByte(_ b: UInt8) -> Bool { Self.isKeyByte(b) }

  @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
    // Bits 0x2D...0x39 ("-./0-9") of the bytes below 64; "A-Z", "_" and
    // "a-z" of the bytes 64...127.
    let low: UInt64 = 0x03FF_E000_0000_0000
    let high: UInt64 = 0x07FF_FFFE_87FF_FFFE
    return b < 64 ? (low >> UInt64(b)) & 1 != 0 : b < 128 && (high >> UInt64(b - 64)) & 1 != 0
  }

  /// A block mapping at `column`; `firstColon` is `keyColon(at: pos)`,
  /// which the caller found deciding that a mapping starts here.
  mutating func mapping(_ rule: PruneSchema.Rule?, column: Int, firstColon: Int) throws(PruningAbort) -> Node? {
    try open()
    defer { depth -= 1 }
    let loc = rule == nil ? nil : location(pos)
    var pairs: [Node.Pair] = []
    var known: Int? = firstColon
    while true {
      if known == nil {
        if atEnd || indent < column { break }
        guard indent == column, !atDash else { throw abort("bad mapping indentation") }
      }
      // `name:web` or `a b: c` is not a key here: leave it to the general
      // parser (which rejects the first), never read it as `name: web`.
      guard let colon = known ?? keyColon(at: pos) else { throw abort("not a plain key") }
      known = nil
      let keyStart = pos
      pos = colon
      let keyBytes = UnsafeBufferPointer(rebasing: buf[keyStart..<pos])
      pos += 1  // the colon
      var keep: PruneSchema.Rule?
      switch rule {
      case nil: keep = nil
      case .all: keep = .all
      case .fields(let schema): keep = schema.rule(for: keyBytes)
      }
      guard keep != nil else {
        // Taken apart, not dropped: `Node` is too large for the compiler to
        // destroy an optional one inline, and a skipped value is always nil.
        if let value = try value(nil, column: column) { _ = consume value }
        continue
      }
      let key = Node(.scalar(Scalar(String(decoding: keyBytes, as: UTF8.self), style: .plain)), location: location(keyStart))
      if let value = try value(keep, column: column) { pairs.append(Node.Pair(key: key, value: value)) }
    }
    guard let loc else { return nil }
    return Node(.mapping(pairs), location: loc)
  }

  /// The value after a mapping key's colon at `column`: inline, or on the
  /// lines below, or empty.
  mutating func value(_ rule: PruneSchema.Rule?, column: Int) throws(PruningAbort) -> Node? {
    while at(pos) == 0x20 { pos += 1 }
    if at(pos) == 0x0A {
      try finishLine()
      if !atEnd && (indent > column || (indent == column && atDash)) {
        return try block(rule, keyIndent: column)
      }
      if rule != nil { throw abort("empty value") }
      return nil
    }
    if at(pos) == UInt8(ascii: "#") { throw abort("comment") }
    return try inline(rule, parentIndent: column, allowMapping: false)
  }

  mutating func sequence(_ rule: PruneSchema.Rule?, column: Int, indentless: Bool) throws(PruningAbort) -> Node? {
    try open()
    defer { depth -= 1 }
    let loc = rule == nil ? nil : location(pos)
    var items: [Node] = []
    while true {
      skipDash()
      if let item = try inline(rule, parentIndent: column, allowMapping: true) { items.append(item) }
      if atEnd || indent < column { break }
      if indent == column && atDash { continue }
      if indent == column && indentless { break }
      throw abort("bad sequence indentation")
    }
    guard let loc else { return nil }
    return Node(.sequence(items), location: loc)
  }
}
