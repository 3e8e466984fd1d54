import Testing
@testable import KubeZone

@Suite struct MergeKeyTests {
  func merged(_ yaml: String) throws -> String {
    let docs = try YAMLReader.documents(Array(yaml.utf8), file: "m.yaml")
    return try #require(docs.first).mergingKeys().jsonText()
  }

  @Test func singleMergeAndExplicitKeysWin() throws {
    #expect(try merged("""
      a: &a {x: 1, y: 2}
      b:
        y: 3
        <<: *a
        z: 4
      """) == #"{"a":{"x":1,"y":2},"b":{"y":3,"x":1,"z":4}}"#)
  }

  @Test func listOfMergesEarlierWins() throws {
    #expect(try merged("""
      - &a {x: 1, y: 1}
      - &b {y: 2, z: 2}
      - <<: [*a, *b]
        w: 0
      """) == #"[{"x":1,"y":1},{"y":2,"z":2},{"x":1,"y":1,"z":2,"w":0}]"#)
  }

  @Test func mergesApplyInsideMergedMappingsAndNestedValues() throws {
    #expect(try merged("""
      base: &base {p: 1}
      mid: &mid
        <<: *base
        q: 2
      top:
        inner:
          - <<: *mid
            r: 3
      """) == #"{"base":{"p":1},"mid":{"p":1,"q":2},"top":{"inner":[{"p":1,"q":2,"r":3}]}}"#)
  }

  @Test func nonMergeValuesAndQuotedKeysStay() throws {
    #expect(try merged(#"{<<: 5, "<<": {a: 1}}"#) == #"{"<<":5,"<<":{"a":1}}"#)
    #expect(try merged("!!merge <<: {a: 1}") == #"{"a":1}"#)
    #expect(try merged("<<: [{a: 1}, 2]") == #"{"<<":[{"a":1},2]}"#)
  }
}
