import Testing
@testable import KubeZone

@Suite struct ManifestReaderTests {
  @Test func sniffsJSONAfterBOMAndWhitespace() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(" \r\n {\"kind\": \"List\", \"items\": []}".utf8)
    let docs = try ManifestReader.documents(bytes, file: "l.json")
    #expect(docs.count == 1)
    #expect(docs.first?["kind"]?.scalar == Scalar("List", style: .doubleQuoted))
    #expect(docs.first?.location.description == "l.json:2:2")
  }

  @Test func readsYAMLOtherwise() throws {
    let docs = try ManifestReader.documents(Array("# c\n{a: 1}\n--- [b]\n".utf8), file: "m.yaml")
    #expect(docs.map { $0.jsonText() } == [#"{"a":1}"#, #"["b"]"#])
  }

  @Test func jsonSideIsStrict() {
    #expect(throws: ReadError.self) { try ManifestReader.documents(Array("[1, 2,]".utf8), file: "x") }
  }
}
