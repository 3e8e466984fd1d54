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

  @Test func jsonFilesAreStrict() {
    #expect(throws: ReadError.self) { try ManifestReader.documents(Array("[1, 2,]".utf8), file: "x.json") }
  }

  /// A YAML flow mapping starts like JSON; in a `.yaml` file it is read
  /// as YAML when it is not JSON.
  @Test func flowYAMLThatLooksLikeJSONIsReadAsYAML() throws {
    let docs = try ManifestReader.documents(Array("{apiVersion: v1, kind: Service}\n".utf8), file: "svc.yaml")
    #expect(docs.map { $0.jsonText() } == [#"{"apiVersion":"v1","kind":"Service"}"#])
    let several = try ManifestReader.documents(Array("{a: 1}\n---\n{b: 2}\n".utf8), file: "two.yml")
    #expect(several.count == 2)
    #expect(throws: ReadError.self) { try ManifestReader.documents(Array("{a: 1}\n".utf8), file: "<stdin>") }
  }

  @Test func errorsComeFromTheReaderTheFileNameChooses() {
    func message(_ text: String, _ file: String) -> String? {
      do { _ = try ManifestReader.documents(Array(text.utf8), file: file); return nil } catch { return error.description }
    }
    // Broken either way: a .yaml file gets YAML's error, other names JSON's.
    #expect(message("{a: [1, 2}\n", "m.yaml")?.hasPrefix("m.yaml:1:10: error: did not find expected ',' or ']'") == true)
    #expect(message("{\"a\": 012}\n", "-")?.hasPrefix("-:1:") == true)
  }
}
