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

  /// The word-at-a-time key scan stops where a byte-by-byte one does:
  /// every byte value at every place in a word, after key bytes of every
  /// kind (including the neighbours that a carry or borrow would reach).
  @Test func keyEndMatchesTheByteLoop() {
    let keyBytes = Array("aAzZ09_-./mM".utf8)
    var rng = SystemRandomNumberGenerator()
    for b in UInt8.min...UInt8.max {
      for place in 0..<17 {
        var bytes = (0..<20).map { _ in keyBytes.randomElement(using: &rng) ?? 0x61 }
        bytes[place] = b
        if place + 1 < bytes.count { bytes[place + 1] = [0x5E, 0x60, 0x7B, 0x40, 0x5B, 0x2C, 0x3A][Int(b) % 7] }
        bytes.withUnsafeBufferPointer { buf in
          for from in [0, 1, 3] {
            var naive = from
            while naive < buf.count, SimpleBlockYAMLParser.isKeyByte(buf[naive]) { naive += 1 }
            #expect(SimpleBlockYAMLParser.keyEnd(in: buf, from: from) == naive, "byte \(b) at \(place) from \(from)")
          }
        }
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
