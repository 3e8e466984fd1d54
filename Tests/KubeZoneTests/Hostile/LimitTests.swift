import Foundation
import Testing
@testable import KubeZone

/// Hostile inputs must fail fast with a clear error, never crash or hang.
@Suite struct LimitTests {
  func yamlError(_ bytes: [UInt8], limits: ReadLimits = .default) -> ReadError? {
    do throws(ReadError) {
      _ = try YAMLReader.documents(bytes, file: "in", limits: limits)
      return nil
    } catch {
      return error
    }
  }

  func jsonError(_ bytes: [UInt8], limits: ReadLimits = .default) -> ReadError? {
    do throws(ReadError) {
      _ = try JSONReader.document(bytes, file: "in", limits: limits)
      return nil
    } catch {
      return error
    }
  }

  @Test func deepFlowNestingIsRejected() {
    let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
    let start = Date()
    let y = Conformance.bounded { yamlError(bytes)?.description }
    let j = Conformance.bounded { jsonError(bytes)?.description }
    #expect(y == "in:1:513: error: nesting depth exceeds 512")
    #expect(j == "in:1:513: error: nesting depth exceeds 512")
    #expect(Date().timeIntervalSince(start) < 2)
  }

  @Test func deepBlockNestingIsRejected() {
    let compact = Array(String(repeating: "- ", count: 100_000).utf8)
    #expect(Conformance.bounded { yamlError(compact)?.message } == "nesting depth exceeds 512")
    var indented = ""
    for i in 0..<2_000 { indented += String(repeating: " ", count: i) + "a:\n" }
    let nested = Array(indented.utf8)
    #expect(Conformance.bounded { yamlError(nested)?.message } == "nesting depth exceeds 512")
  }

  /// Nesting just under the limit reads, renders, merges and is freed on a
  /// thread with a 512 KiB stack.
  @Test func nestingAtTheLimitWorksOnASmallStack() {
    let depth = 511
    let json = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
    let yaml = Array((String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)).utf8)
    let ok = Conformance.bounded { () -> Bool in
      guard let j = try? JSONReader.document(json, file: "j"), let y = try? YAMLReader.documents(yaml, file: "y") else {
        return false
      }
      return j.jsonText().utf8.count == 2 * depth && y.first?.mergingKeys().jsonText().hasSuffix("1" + String(repeating: "}", count: depth)) == true
    }
    #expect(ok == true)
  }

  /// Aliases cannot build a tree deeper than the limit by nesting copies.
  @Test func aliasesCannotExceedTheDepthLimit() {
    let open = String(repeating: "[", count: 300), close = String(repeating: "]", count: 300)
    var doc = "- &a0 \(open)x\(close)\n"
    for i in 1..<4 { doc += "- &a\(i) \(open)*a\(i - 1)\(close)\n" }
    let bytes = Array(doc.utf8)
    #expect(Conformance.bounded { yamlError(bytes)?.description } == "in:2:307: error: alias expansion exceeds nesting depth 512")
  }

  @Test func billionLaughsIsRejectedQuickly() {
    var doc = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...9 {
      let ref = "*a\(i - 1)"
      doc += "a\(i): &a\(i) [\(Array(repeating: ref, count: 10).joined(separator: ", "))]\n"
    }
    let start = Date()
    let bytes = Array(doc.utf8)
    let error = Conformance.bounded { yamlError(bytes)?.description }
    #expect(error == "in:6:45: error: alias expansion exceeds 1000000 nodes (possible \"billion laughs\" document)")
    #expect(Date().timeIntervalSince(start) < 2)
    // A modest limit is honoured too.
    #expect(yamlError(Array(doc.utf8), limits: ReadLimits(maxNodes: 1_000))?.message.hasPrefix("alias expansion exceeds 1000 nodes") == true)
  }

  /// Only alias copies count against the node limit: a large document
  /// written out in full (a big `kubectl get -o yaml`) is not a bomb.
  @Test func nodesWrittenInTheSourceDoNotCountAgainstTheAliasLimit() throws {
    let doc = "items:\n" + (0..<2_000).map { "- {a: \($0), b: x}\n" }.joined()
    let limits = ReadLimits(maxNodes: 1_000)
    #expect(try YAMLReader.documents(Array(doc.utf8), file: "in", limits: limits).first?["items"]?.sequence?.count == 2_000)
    let aliased = "base: &b [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n" + (0..<200).map { "k\($0): *b\n" }.joined()
    #expect(yamlError(Array(aliased.utf8), limits: limits)?.message.hasPrefix("alias expansion exceeds 1000 nodes") == true)
  }

  /// 50 MB plain and JSON scalars parse within the default 64 MiB limit
  /// (quoted and block scalars, at 10 MB, keep the debug run short); a
  /// smaller limit stops them with an error at the byte that crossed it.
  @Test func largeScalarParsesOrFailsQuickly() throws {
    let size = 50_000_000
    let plain = Array("data: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: size)
    let quoted = Array("data: \"".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: size / 5) + Array("\"\n".utf8)
    let line = "  " + String(repeating: "z", count: 97) + "\n"
    let literal = Array(("data: |\n" + String(repeating: line, count: size / 500)).utf8)
    let json = Array("{\"data\": \"".utf8) + [UInt8](repeating: UInt8(ascii: "j"), count: size) + Array("\"}".utf8)
    let start = Date()
    #expect(try YAMLReader.documents(plain, file: "big").first?["data"]?.scalar?.text.utf8.count == size)
    #expect(try YAMLReader.documents(quoted, file: "big").first?["data"]?.scalar?.text.utf8.count == size / 5)
    #expect(try YAMLReader.documents(literal, file: "big").first?["data"]?.scalar?.text.utf8.count == size / 500 * 98)
    #expect(try JSONReader.document(json, file: "big")["data"]?.scalar?.text.utf8.count == size)
    // Over the limit: a clear error at the byte that crossed it.
    let small = ReadLimits(maxScalarBytes: 1 << 20)
    #expect(yamlError(plain, limits: small)?.message == "scalar exceeds 1048576 bytes")
    #expect(yamlError(quoted, limits: small)?.message == "scalar exceeds 1048576 bytes")
    #expect(jsonError(json, limits: small)?.description == "in:1:1048587: error: scalar exceeds 1048576 bytes")
    #expect(Date().timeIntervalSince(start) < 30)
  }

  @Test func errorKindsCarryData() {
    let deep = yamlError(Array("[[[x]]]".utf8), limits: ReadLimits(maxDepth: 2))
    #expect(deep?.kind == .depthLimit(2))
    #expect(deep?.isLimit == true)
    #expect(yamlError(Array("a: *b".utf8))?.kind == .undefinedAlias("b"))
    #expect(jsonError([0x5B, 0xFF])?.kind == .invalidUTF8(byte: 0xFF))
    #expect(yamlError(Array("a: \u{7F}".utf8))?.kind == .disallowedCharacter(0x7F))
    #expect(yamlError(Array("a: [".utf8))?.isLimit == false)
  }

  @Test func invalidUTF8AndNulAreRejected() {
    #expect(yamlError([0x61, 0x3A, 0x20, 0xC0, 0x80])?.description == "in:1:4: error: invalid UTF-8 byte 0xc0")
    #expect(yamlError([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80])?.description == "in:1:4: error: invalid UTF-8 byte 0xed")
    #expect(jsonError([0x22, 0xF8, 0x22])?.description == "in:1:2: error: invalid UTF-8 byte 0xf8")
    #expect(yamlError(Array("a: b\0".utf8))?.description == "in:1:5: error: NUL byte not allowed")
    #expect(jsonError(Array("[\"\0\"]".utf8))?.description == "in:1:3: error: NUL byte not allowed")
    // An escaped NUL is fine in both.
    #expect(yamlError(Array("a: \"\\0\"".utf8)) == nil)
    #expect(jsonError(Array("[\"\\u0000\"]".utf8)) == nil)
  }
}
