import Testing
@testable import KubeZone

/// The byte-level scans of `SimpleBlockYAMLParser`: key bytes by a bit
/// table, key and colon in one pass, indentation eight bytes at a time.
@Suite struct SimpleBlockYAMLScanTests {
  static func withParser<T>(_ text: String, _ body: (SimpleBlockYAMLParser) -> T) -> T {
    Array(text.utf8).withUnsafeBufferPointer { buf in
      body(SimpleBlockYAMLParser(buf, file: "in.yaml", baseLine: 1, baseOffset: 0, limits: .default, outerDepth: 0))
    }
  }

  @Test func keyBytesAreLettersDigitsDotUnderscoreSlashAndDash() {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-".utf8)
    Self.withParser("") { p in
      for b in UInt8.min...UInt8.max {
        #expect(p.isKeyByte(b) == allowed.contains(b), "byte \(b)")
      }
    }
  }

  @Test(arguments: [
    ("name: web", 4), ("name:", 4), ("name:\n", 4), ("app.kubernetes.io/name: x", 22), ("a-b_c.d/e: ", 9),
    ("k8s:", 3),
  ])
  func aKeyEndsAtItsColon(text: String, colon: Int) {
    Self.withParser(text) { p in
      #expect(p.keyColon(at: 0) == colon)
    }
  }

  @Test(arguments: ["-name: x", "name:web", "a b: c", ": x", "name", "\"name\": x", "name :x", "näme: x", ""])
  func notAPlainKey(text: String) {
    Self.withParser(text) { p in
      #expect(p.keyColon(at: 0) == nil)
    }
  }

  @Test func indentationIsCountedToTheFirstOtherByte() {
    for spaces in 0...20 {
      for tail in ["x", "", "\n", "\t"] {
        let text = String(repeating: " ", count: spaces) + tail
        Array(text.utf8).withUnsafeBufferPointer { buf in
          #expect(SimpleBlockYAMLParser.spaces(in: buf, from: 0) == spaces, "\(spaces) spaces, then \(tail.debugDescription)")
          if spaces > 3 {
            #expect(SimpleBlockYAMLParser.spaces(in: buf, from: 3) == spaces)
          }
        }
      }
    }
  }
}
