import Testing
@testable import KubeZone

/// A malformed input and the diagnostic it must produce.
struct BadInput: Sendable, CustomTestStringConvertible {
  var json = false
  var source: String
  var line: Int
  var column: Int
  var message: String

  var testDescription: String { (json ? "JSON " : "YAML ") + source.debugDescription }
}

let badInputs: [BadInput] = [
  BadInput(source: "key: value: other\n", line: 1, column: 11, message: "mapping values are not allowed here"),
  BadInput(source: "a: 1\n@b: 2\n", line: 2, column: 1, message: "found character '@' that cannot start any token (reserved indicator)"),
  BadInput(source: "a: 1\nb\nc: 2\n", line: 2, column: 2, message: "could not find expected ':'"),
  BadInput(source: "- a\nb: c\n", line: 2, column: 1, message: "did not find expected '-' indicator, found key"),
  BadInput(source: "a: *nope\n", line: 1, column: 4, message: "found undefined alias 'nope'"),
  BadInput(source: "a: \"abc\n", line: 2, column: 1, message: "unexpected end of stream inside a double-quoted scalar"),
  BadInput(source: "a: 'abc", line: 1, column: 8, message: "unexpected end of stream inside a single-quoted scalar"),
  BadInput(source: "x: \"é\\z\"\n", line: 1, column: 7, message: "found unknown escape character"),
  BadInput(source: "a: \"\\xZZ\"\n", line: 1, column: 7, message: "did not find expected hexadecimal number"),
  BadInput(source: "a:\n  - b\n  c: d\n", line: 3, column: 3, message: "did not find expected '-' indicator, found key"),
  BadInput(source: "[a, b\n", line: 2, column: 1, message: "did not find expected ',' or ']', found end of stream"),
  BadInput(source: "[a, b}\n", line: 1, column: 6, message: "did not find expected ',' or ']', found '}'"),
  BadInput(source: "a: |0\n  x\n", line: 1, column: 5, message: "block scalar indentation indicator must be between 1 and 9"),
  BadInput(source: "a: b\n\tc: d\n", line: 2, column: 1, message: "found a tab character that violates indentation"),
  BadInput(source: "key: \"value\"# comment\n", line: 1, column: 13, message: "comments must be separated from other tokens by white space"),
  BadInput(source: "!e!tag x\n", line: 1, column: 1, message: "found undefined tag handle '!e!'"),
  BadInput(source: "&a &b x\n", line: 1, column: 4, message: "found a second anchor on the same node"),
  BadInput(source: "a: [b, c]]\n", line: 1, column: 10, message: "found unexpected ']' after a flow collection or quoted scalar"),
  BadInput(source: "--- a\n... b\n", line: 2, column: 5, message: "found content after document end marker"),
  BadInput(source: "é: [1,\n2]\n", line: 2, column: 1, message: "flow content must be indented more than the enclosing block collection"),
  BadInput(source: "a: 1\r\nb: \u{1}\r\n", line: 2, column: 4, message: "control character 0x01 not allowed"),
  BadInput(json: true, source: "{\"a\": 1,}", line: 1, column: 9, message: "unexpected character, expected a string key"),
  BadInput(json: true, source: "[1, 2", line: 1, column: 6, message: "unexpected end of input, expected ',' or ']'"),
  BadInput(json: true, source: "{\"a\" 1}", line: 1, column: 6, message: "unexpected character, expected ':'"),
  BadInput(json: true, source: "[01]", line: 1, column: 2, message: "leading zeros are not allowed in JSON numbers"),
  BadInput(json: true, source: "[\"a\tb\"]", line: 1, column: 4, message: "control character 0x09 must be escaped in a string"),
  BadInput(json: true, source: "[1] x", line: 1, column: 5, message: "unexpected content after the JSON value"),
  BadInput(json: true, source: "[tru]", line: 1, column: 5, message: "invalid literal, expected 'true'"),
  BadInput(json: true, source: "\n\n  [1, \"é\", -]", line: 3, column: 13, message: "expected a digit in number"),
  BadInput(json: true, source: "[\"\\ud800\"]", line: 1, column: 3, message: "lone UTF-16 surrogate in \\u escape"),
  BadInput(json: true, source: "{\"a\":1\r\n \"b\":2}", line: 2, column: 2, message: "unexpected character, expected ',' or '}'"),
  BadInput(json: true, source: "// comment\n{}", line: 1, column: 1, message: "unexpected character, expected a JSON value"),
]

@Test(arguments: badInputs)
func errorPosition(_ bad: BadInput) {
  let bytes = Array(bad.source.utf8)
  do throws(ReadError) {
    if bad.json {
      _ = try JSONReader.document(bytes, file: "in")
    } else {
      _ = try YAMLReader.documents(bytes, file: "in")
    }
    Issue.record("accepted \(bad.source.debugDescription)")
  } catch {
    #expect(error.description == "in:\(bad.line):\(bad.column): error: \(bad.message)")
  }
}

@Test func renderedErrorShowsLineAndCaret() {
  let source = Array("a: 1\nb: [x, y}\n".utf8)
  do throws(ReadError) {
    _ = try YAMLReader.documents(source, file: "m.yaml")
    Issue.record("accepted")
  } catch {
    #expect(error.rendered(source: source) == """
      m.yaml:2:9: error: did not find expected ',' or ']', found '}'
      b: [x, y}
              ^
      """)
  }
}

@Test func bytePositionsAreExact() {
  for (bytes, expected) in [
    ([0x61, 0x3A, 0x20, 0xFF] as [UInt8], "b:1:4: error: invalid UTF-8 byte 0xff"),
    ([0x61, 0x0A, 0x62, 0x00], "b:2:2: error: NUL byte not allowed"),
    ([0x7B, 0x7D, 0xC3], "b:1:3: error: invalid UTF-8 byte 0xc3"),
    ([0x61, 0x3A, 0x20, 0xE2, 0x82, 0x41], "b:1:5: error: invalid UTF-8 byte 0x41"),
  ] {
    do throws(ReadError) {
      _ = try YAMLReader.documents(bytes, file: "b")
      Issue.record("accepted \(bytes)")
    } catch {
      #expect(error.description == expected)
    }
    do throws(ReadError) {
      _ = try JSONReader.document(bytes, file: "b")
      Issue.record("JSON accepted \(bytes)")
    } catch {
      if expected.contains("UTF-8") || expected.contains("NUL") { #expect(error.description == expected) }
    }
  }
}

/// Locations hold interned file names; they must behave as the names do.
@Suite struct SourceLocationTests {
  @Test func internedNamesBehaveLikeTheirText() {
    let a = SourceLocation(file: "b.yaml", line: 2, column: 3, offset: 10)
    let b = SourceLocation(file: String("b.yaml".reversed().reversed()), line: 2, column: 3, offset: 10)
    #expect(a == b && a.hashValue == b.hashValue)
    #expect(a.description == "b.yaml:2:3")
    var c = a
    c.file = "a.yaml"
    #expect(c.file == "a.yaml" && c != a)
    #expect(c < a && !(a < c))
    #expect(SourceLocation(file: "b.yaml", line: 1, column: 1, offset: 0) < a)
  }
}
