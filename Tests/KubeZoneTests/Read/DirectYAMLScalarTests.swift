import Testing
@testable import KubeZone

/// `DirectYAMLReader` reads the scalars it can straight from their bytes
/// (`inlineScalar`); each read must give what building the value as a
/// node and reading that gives, leave the parser where that leaves it, or
/// give up where that does.
@Suite struct DirectYAMLScalarTests {
  /// What a read gave: its value and where the parser stands after it,
  /// or nil when it gave up.
  struct Outcome: Equatable {
    var value: String
    var pos: Int, line: Int, lineStart: Int, atEnd: Bool
  }

  /// A reader standing after `k:` on the first line of `text`.
  static func reader(_ buf: UnsafeBufferPointer<UInt8>) throws -> DirectYAMLReader {
    var p = SimpleBlockYAMLParser(buf, file: "in.yaml", baseLine: 1, baseOffset: 0, limits: .default, outerDepth: 1)
    try p.contentLine(from: 0)
    p.pos = try #require(p.keyColon(at: p.pos)) + 1
    return DirectYAMLReader(p: p, place: .key(0))
  }

  static func run(_ text: String, _ read: (inout DirectYAMLReader) throws(PruningAbort) -> String) throws -> Outcome? {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buf in
      var r = try reader(buf)
      guard let value = try? read(&r) else { return nil }
      return Outcome(value: value, pos: r.p.pos, line: r.p.line, lineStart: r.p.lineStart, atEnd: r.p.atEnd)
    }
  }

  /// The reference: the value built as a node (`leaf`), read as `Field` reads it.
  static func referenceText(_ r: inout DirectYAMLReader) throws(PruningAbort) -> String? {
    let node = try r.leaf()
    if node.isNull { return nil }
    guard let s = node.scalar else { throw r.abort("not a scalar") }
    return s.text
  }

  static func referenceInteger(_ r: inout DirectYAMLReader) throws(PruningAbort) -> Int {
    let node = try r.leaf()
    guard let s = node.scalar, s.style == .plain, !node.isNull, let v = Int(s.text) else { throw r.abort("not an integer") }
    return v
  }

  static let names: [StaticString] = ["True", "Ready", "v1", "null"]

  static func describe(_ i: Int?) -> String { i.map(String.init) ?? "nil" }

  @Test(arguments: [
    "v1", "Pod", "True", "Ready", "null", "Null", "NULL", "~", "nullx", "nul", "\"null\"", "'null'",
    "\"True\"", "'True'", "'it''s'", "\"a\\tb\"", "\"a\\\"b\"", "\"a\tb\"", "\"\"", "''", "\"unterminated",
    "\"x\" y", "\"x\"   ", "10.0.0.1", "fd00::9", "http://x:80/y", "a: b", "a:", "a:b", "a #c", "a#c",
    "abc   ", "   abc", "0123", "0", "-5", "+5", "12a", "1_000", "9223372036854775807", "9223372036854775808",
    "99999999999999999999", "", "|\n  text", "|-\n  a\n  b", "{}", "[]", "- a", "x\ty", "x\u{7f}y", "é",
    "naïve", "a/b.c_d", ".hidden", "_x", "/path", "? x", "&a x", "*a", "!tag x", "a # c", "#c",
    "registry.example.com/billing-0:1.0.3", "containerd://dbf225b6", "2026-11-10T10:10:10Z",
    "\"abcdefghij\tklmnopq\"", "\"abcdefghijklmnopqr\\s\"", "\"abcdefghijklmnopqr", "'abcdefghij''klmnop'",
    "\n  nested: map", "\n- item", "abcdefghijklmnop:", "abcdefghijklmnopq: r", "abcdefgh #x",
  ])
  func scalarsReadFromBytesMatchTheNodes(value: String) throws {
    for text in ["k: \(value)\nz: 1\n", "k: \(value)", "k:   \(value)\n\n# c\n  z: 2\n"] {
      let reference = try Self.run(text) { r throws(PruningAbort) in try Self.referenceText(&r) ?? "<null>" }
      let text1 = try Self.run(text) { r throws(PruningAbort) in try r.optionalText() ?? "<null>" }
      #expect(text1 == reference, "optionalText of \(text.debugDescription)")
      let skip = try Self.run(text) { r throws(PruningAbort) in String(try r.skipText()) }
      #expect(skip == reference.map { Outcome(value: String($0.value != "<null>"), pos: $0.pos, line: $0.line, lineStart: $0.lineStart, atEnd: $0.atEnd) }, "skipText of \(text.debugDescription)")
      let index = try Self.run(text) { r throws(PruningAbort) in Self.describe(try r.optionalTextIndex(in: Self.names)) }
      let expectedIndex = reference.map { o in
        let i = o.value == "<null>" ? nil : Self.names.firstIndex { $0.description == o.value } ?? Self.names.count
        return Outcome(value: Self.describe(i), pos: o.pos, line: o.line, lineStart: o.lineStart, atEnd: o.atEnd)
      }
      #expect(index == expectedIndex, "optionalTextIndex of \(text.debugDescription)")
      let integer = try Self.run(text) { r throws(PruningAbort) in String(try r.integer()) }
      let referenceInteger = try Self.run(text) { r throws(PruningAbort) in String(try Self.referenceInteger(&r)) }
      #expect(integer == referenceInteger, "integer of \(text.debugDescription)")
    }
  }

  /// The reads that take the bytes' way do: a plain value the parser
  /// would build gives its text without a node, so this test pins the
  /// cases above to the new path rather than passing through `leaf`.
  @Test func commonValuesTakeTheBytesWay() throws {
    for value in ["v1", "null", "10.0.0.1", "\"True\"", "8080", "registry.example.com/b:1"] {
      let bytes = Array("k: \(value)\n".utf8)
      let taken = try bytes.withUnsafeBufferPointer { buf in
        var r = try Self.reader(buf)
        return try r.inlineScalar() != nil
      }
      #expect(taken, "\(value) did not take the bytes' way")
    }
  }

  @Test func decimalsReadAsIntDoes() {
    for text in ["0", "007", "9223372036854775807", "9223372036854775808", "18446744073709551616", "1a", "", "-1", "+1", "١"] {
      let got = Array(text.utf8).withUnsafeBufferPointer { DirectYAMLReader.decimal($0) }
      let digitsOnly = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      #expect(got == (digitsOnly ? Int(text) : nil), "\(text)")
    }
  }

  /// `DirectPodDecoder`'s table of phases is `Pod.Phase`'s raw values.
  @Test func phaseTableMatchesRawValues() {
    let texts = DirectPodDecoder.Texts.self
    #expect(texts.phases.count == texts.phaseValues.count)
    for (name, phase) in zip(texts.phases, texts.phaseValues) {
      #expect(Pod.Phase(rawValue: name.description) == phase)
    }
  }

  /// The texts the pod decoder compares as bytes are ASCII without `K`,
  /// `;` or a backquote, so byte equality is `String` equality for them:
  /// the Kelvin sign is `==` to "K", though its bytes differ.
  @Test func comparedTextsCompareAsStringsDo() {
    #expect("\u{212A}" == "K")
    for names in DirectPodDecoder.Texts.all {
      for name in names {
        let bytes = Array(name.description.utf8)
        #expect(bytes.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "K") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") }, "\(name)")
      }
    }
  }
}
