import Testing
@testable import KubeZone

@Suite struct NodeJSONTests {
  func json(_ yaml: String, pretty: Bool = false) throws -> String {
    try #require(YAMLReader.documents(Array(yaml.utf8), file: "t").first).jsonText(pretty: pretty)
  }

  @Test func coreSchemaScalars() throws {
    #expect(try json("[null, Null, ~, '', true, True, FALSE, 0o17, 0x1F, -012, +7, 1.5, 1e3, .5, -.inf, .NaN, yes, 1_000, 0x]")
      == #"[null,null,null,"",true,true,false,15,31,-12,7,1.5,1000.0,0.5,"-.inf",".nan","yes","1_000","0x"]"#)
    #expect(try json("- !!str 123\n- \"true\"\n- |\n  7\n- !!int 42\n- !!float 1\n- !!bool true\n- !custom 5\n- !!int x")
      == #"["123","true","7\n",42,1.0,true,"5","x"]"#)
    #expect(try json("a:\nb: ") == #"{"a":null,"b":null}"#)
  }

  @Test func stringsAreEscaped() throws {
    #expect(try json(#""q\"b\\s\/ \t\n\u0001\x7f é \U0001F600""#) == "\"q\\\"b\\\\s/ \\t\\n\\u0001\\u007f é 😀\"")
  }

  @Test func keysAreStrings() throws {
    #expect(try json("{1: a, ~: b, [x, y]: c, {k: v}: d}") == #"{"1":"a","~":"b","[\"x\",\"y\"]":"c","{\"k\":\"v\"}":"d"}"#)
  }

  @Test func prettyOutput() throws {
    #expect(try json("a: [1, {}]\nb: {c: []}\n", pretty: true) == """
      {
        "a": [
          1,
          {}
        ],
        "b": {
          "c": []
        }
      }
      """)
  }

  @Test func jsonRoundTrip() throws {
    let source = #"{"s":"a\u00e9\n","n":-1.5e3,"i":12,"b":false,"z":null,"a":[[],{}]}"#
    let node = try JSONReader.document(Array(source.utf8), file: "j")
    #expect(node.jsonText() == #"{"s":"aé\n","n":-1500.0,"i":12,"b":false,"z":null,"a":[[],{}]}"#)
    #expect(node["s"]?.scalar?.style == .doubleQuoted)
    #expect(node["i"]?.scalar == Scalar("12", style: .plain))
    #expect(node["a"]?.location.description == "j:1:59")
  }
}
