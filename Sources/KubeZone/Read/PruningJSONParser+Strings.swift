/// Strings for `PruningJSONParser`: skipped eight bytes at a time where
/// they hold plain ASCII, with UTF-8 and escapes checked as the full
/// reader checks them.
extension PruningJSONParser {
  /// Skips a string starting at its opening quote, validating it; returns
  /// whether it holds escapes. Counts continuation bytes for columns.
  @discardableResult
  mutating func skipString() throws(PruningAbort) -> Bool {
    let contentStart = pos + 1
    pos += 1
    let n = buf.count
    var escaped = false
    guard let base = buf.baseAddress else { throw abort("empty input") }
    while true {
      // Eight bytes with no quote, backslash, control or non-ASCII byte.
      while pos + 8 <= n {
        let w = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let q = w ^ (ones &* 0x22)
        let s = w ^ (ones &* 0x5C)
        let special = (((q &- ones) & ~q) | ((s &- ones) & ~s) | (w &- ones &* 0x20) | w) & high
        if special != 0 {
          // Bytes before the lowest flagged one are plain (borrows only
          // run upwards, so the lowest flag is exact).
          pos += special.trailingZeroBitCount >> 3
          break
        }
        pos += 8
      }
      guard pos < n else { throw abort("unterminated string") }
      let b = buf[pos]
      if b == UInt8(ascii: "\"") { break }
      if b == UInt8(ascii: "\\") {
        escaped = true
        try skipEscape()
        continue
      }
      if b < 0x20 { throw abort("control character in string") }
      if b >= 0x80 {
        try skipUTF8()
        continue
      }
      pos += 1
    }
    if pos - contentStart > limits.maxScalarBytes { throw abort("scalar too long") }
    pos += 1
    return escaped
  }

  /// One multi-byte UTF-8 sequence, checked like `InputCheck`.
  mutating func skipUTF8() throws(PruningAbort) {
    let b = buf[pos]
    var need = 0, scalar: UInt32 = 0, minimum: UInt32 = 0
    switch b {
    case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minimum = 0x80
    case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minimum = 0x800
    case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minimum = 0x10000
    default: throw abort("invalid UTF-8")
    }
    for k in 1...need {
      guard pos + k < buf.count, buf[pos + k] & 0xC0 == 0x80 else { throw abort("invalid UTF-8") }
      scalar = scalar << 6 | UInt32(buf[pos + k] & 0x3F)
    }
    if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
      throw abort("invalid UTF-8")
    }
    continuation += need
    pos += need + 1
  }

  /// One escape sequence at a backslash, surrogate pairs included.
  mutating func skipEscape() throws(PruningAbort) {
    pos += 1
    switch byte {
    case let e where JSONEscape.byte(after: e) != nil:
      pos += 1
    case UInt8(ascii: "u"):
      pos += 1
      let v = try hex4()
      if (0xD800...0xDBFF).contains(v) {
        guard byte == UInt8(ascii: "\\"), pos + 1 < buf.count, buf[pos + 1] == UInt8(ascii: "u") else {
          throw abort("lone surrogate")
        }
        pos += 2
        guard (0xDC00...0xDFFF).contains(try hex4()) else { throw abort("lone surrogate") }
      } else if (0xDC00...0xDFFF).contains(v) {
        throw abort("lone surrogate")
      }
    default:
      throw abort("invalid escape")
    }
  }

  mutating func hex4() throws(PruningAbort) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      guard let d = YAMLScanner.hexValue(byte) else { throw abort("bad \\u escape") }
      v = v << 4 | UInt32(d)
      pos += 1
    }
    return v
  }

  /// A string node, as `JSONReader` builds it.
  mutating func string() throws(PruningAbort) -> Node {
    let start = pos
    let before = continuation
    let escaped = try skipString()
    let added = continuation - before
    continuation = before
    let loc = location(start)
    continuation += added
    let content = UnsafeBufferPointer(rebasing: buf[(start + 1)..<(pos - 1)])
    let text = escaped ? Self.unescape(content) : String(decoding: content, as: UTF8.self)
    return Node(.scalar(Scalar(text, style: .doubleQuoted)), location: loc)
  }

  /// The text of validated string content that holds escapes.
  static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(content.count)
    var i = 0
    func hex(_ at: Int) -> UInt32 {
      var v: UInt32 = 0
      for k in 0..<4 { v = v << 4 | UInt32(YAMLScanner.hexValue(content[at + k]) ?? 0) }
      return v
    }
    while i < content.count {
      let b = content[i]
      guard b == UInt8(ascii: "\\") else {
        out.append(b)
        i += 1
        continue
      }
      let e = content[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "u"):
        var v = hex(i)
        i += 4
        if (0xD800...0xDBFF).contains(v) {
          v = 0x10000 + ((v - 0xD800) << 10) + (hex(i + 2) - 0xDC00)
          i += 6
        }
        YAMLScanner.appendScalar(v, to: &out)
      default: out.append(JSONEscape.byte(after: e) ?? e)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
