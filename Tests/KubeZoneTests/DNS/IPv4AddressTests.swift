import Testing

@testable import KubeZone

@Suite struct IPv4AddressTests {
  /// The parser as first written, splitting the text into parts: the
  /// one-pass parser must accept and reject exactly what it did.
  static func reference(_ text: String) -> UInt32? {
    var value: UInt32 = 0
    var parts = 0
    for part in text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
      guard part.count >= 1, part.count <= 3, part.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
      if part.count > 1 && part.first == 48 { return nil }
      let octet = part.reduce(0) { $0 * 10 + UInt32($1 - 48) }
      guard octet <= 255 else { return nil }
      value = value << 8 | octet
      parts += 1
    }
    return parts == 4 ? value : nil
  }

  @Test(arguments: [
    "0.0.0.0", "10.96.0.1", "255.255.255.255", "1.2.3.4", "100.108.251.43",
    "", ".", "1.2.3", "1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.00", "256.1.1.1",
    "1.2.3.1000", "1.2.3.-1", "1.2.3.4 ", " 1.2.3.4", "1.2.3.٣", "1.2.3.x", "999.0.0.0", "0.0.0.010",
  ])
  func knownTexts(text: String) {
    #expect(IPv4Address(text)?.value == Self.reference(text), "\(text)")
  }

  @Test func randomTextsParseAsTheReferenceDoes() {
    var random = SeededGenerator(seed: 4)
    let alphabet = Array("0123456789..25x ")
    let digits = Array("0123456789")
    var accepted = 0
    for _ in 0..<40_000 {
      let text: String
      if random.next() % 2 == 0 {
        // Three to five dotted parts of up to four digits: near misses.
        let parts = (0..<(3 + Int(random.next() % 3))).map { _ in
          String((0..<Int(random.next() % 5)).map { _ in digits[Int(random.next() % 10)] })
        }
        text = parts.joined(separator: ".")
      } else {
        let length = Int(random.next() % 17)
        text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
      }
      let expected = Self.reference(text)
      #expect(IPv4Address(text)?.value == expected, "\(text)")
      if expected != nil { accepted += 1 }
    }
    // Enough valid addresses came up for the comparison to mean something.
    #expect(accepted > 100, "\(accepted)")
  }
}
