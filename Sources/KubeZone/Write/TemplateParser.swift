/// Turns template text into parts; see `Template` for the syntax.
struct TemplateParser {
  let source: [UInt8]
  let file: String
  var index = 0
  var line = 1

  init(source: String, file: String) {
    self.source = Array(source.utf8)
    self.file = file
  }

  mutating func parse() throws(TemplateError) -> [Template.Part] {
    var stack: [(name: String, line: Int, parts: [Template.Part])] = [("", 0, [])]
    var literal: [UInt8] = []
    func flush() {
      if !literal.isEmpty {
        stack[stack.count - 1].parts.append(.literal(String(decoding: literal, as: UTF8.self)))
        literal = []
      }
    }
    while index < source.count {
      if source[index] == UInt8(ascii: "{"), index + 1 < source.count,
        source[index + 1] == UInt8(ascii: "{")
      {
        let tagLine = line
        guard let close = find("}}", from: index + 2) else {
          throw TemplateError(file: file, line: tagLine, message: "unclosed '{{'")
        }
        let inner = String(decoding: source[(index + 2)..<close], as: UTF8.self)
          .trimmingSpaces()
        let standalone = isStandalone(tagStart: index, tagEnd: close + 2, literal: literal)
        let sigil = inner.first
        if standalone && (sigil == "#" || sigil == "/" || sigil == "!") {
          // Drop the indentation before the tag and its line break.
          while let last = literal.last, last == 32 || last == 9 { literal.removeLast() }
          index = close + 2
          while index < source.count, source[index] == 32 || source[index] == 9 { index += 1 }
          if index < source.count, source[index] == UInt8(ascii: "\r") { index += 1 }
          if index < source.count, source[index] == UInt8(ascii: "\n") { index += 1; line += 1 }
        } else {
          index = close + 2
        }
        flush()
        let name = String(inner.dropFirst()).trimmingSpaces()
        switch sigil {
        case "!":
          break
        case "#":
          try checkName(name, line: tagLine)
          stack.append((name, tagLine, []))
        case "/":
          guard stack.count > 1, let top = stack.last, top.name == name else {
            throw TemplateError(file: file, line: tagLine, message: "'{{/\(name)}}' closes no open section")
          }
          stack.removeLast()
          stack[stack.count - 1].parts.append(.section(name, top.parts, line: top.line))
        default:
          try checkName(inner, line: tagLine)
          stack[stack.count - 1].parts.append(.variable(inner, line: tagLine))
        }
        continue
      }
      if source[index] == UInt8(ascii: "\n") { line += 1 }
      literal.append(source[index])
      index += 1
    }
    flush()
    if stack.count > 1, let open = stack.last {
      throw TemplateError(file: file, line: open.line, message: "section '\(open.name)' is never closed")
    }
    return stack[0].parts
  }

  private func checkName(_ name: String, line: Int) throws(TemplateError) {
    let ok = !name.isEmpty && name.utf8.allSatisfy { b in
      (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b == 45
    }
    if !ok {
      throw TemplateError(file: file, line: line, message: "invalid placeholder '{{\(name)}}'")
    }
  }

  private func find(_ needle: String, from start: Int) -> Int? {
    let n = Array(needle.utf8)
    var i = start
    while i + n.count <= source.count {
      if source[i] == n[0] && Array(source[i..<(i + n.count)]) == n { return i }
      if source[i] == UInt8(ascii: "\n") { return nil }
      i += 1
    }
    return nil
  }

  /// True when only blanks stand between the tag and the line's edges.
  private func isStandalone(tagStart: Int, tagEnd: Int, literal: [UInt8]) -> Bool {
    var i = tagStart - 1
    while i >= 0, source[i] == 32 || source[i] == 9 { i -= 1 }
    guard i < 0 || source[i] == UInt8(ascii: "\n") else { return false }
    var j = tagEnd
    while j < source.count, source[j] == 32 || source[j] == 9 { j += 1 }
    return j == source.count || source[j] == UInt8(ascii: "\n") || source[j] == UInt8(ascii: "\r")
  }
}

extension String {
  func trimmingSpaces() -> String {
    let u = Array(utf8)
    var a = 0
    var b = u.count
    while a < b, u[a] == 32 || u[a] == 9 { a += 1 }
    while b > a, u[b - 1] == 32 || u[b - 1] == 9 { b -= 1 }
    return String(decoding: u[a..<b], as: UTF8.self)
  }
}
