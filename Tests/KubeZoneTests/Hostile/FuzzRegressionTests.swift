import Foundation
import Testing
@testable import KubeZone

/// One test per bug the fuzz harnesses found (see `Fuzz/README.md`), each
/// named after what broke, with the smallest input that showed it.
@Suite struct FuzzRegressionTests {
  /// pipeline harness, crash-c433f073: a JSON object or array followed by a
  /// line break was located after the break, so a note about a duplicate
  /// Pod in pretty-printed JSON said `454:-1`.
  @Test func jsonContainerBeforeALineBreakIsLocatedAtItsBracket() throws {
    let text = "{\n  \"items\": [\n    {\n      \"kind\": \"Pod\"\n    }\n  ]\n}\n"
    let root = try JSONReader.document(Array(text.utf8), file: "p.json")
    #expect("\(root.location)" == "p.json:1:1")
    let items = try #require(root["items"])
    #expect("\(items.location)" == "p.json:2:12")
    let pod = try #require(items.sequence?.first)
    #expect("\(pod.location)" == "p.json:3:5")
  }

  /// yaml harness, crash-3f93d69d: the float `-0.0` was rendered as `-0`,
  /// which reads back as the integer 0, so the JSON round trip changed it.
  @Test func negativeZeroFloatStaysAFloatInJSON() throws {
    let yaml = try YAMLReader.documents(Array("-0.0\n".utf8), file: "z.yaml")
    let text = try #require(yaml.first).jsonText()
    #expect(text == "-0.0")
    let again = try JSONReader.document(Array(text.utf8), file: "z.json")
    #expect(again.jsonText() == text)
    #expect(try YAMLReader.documents(Array("-0\n".utf8), file: "i.yaml").first?.jsonText() == "0")
  }

  /// yaml harness, timeout-95952a5f: 367 bytes of nested complex keys
  /// (`? - - ? - ...`) took over 14 s to render as JSON, because a key's
  /// JSON text was escaped again at each level of keys within keys. The
  /// same rendering names keys for YAML merge keys, so decoding a
  /// manifest could hit it too.
  @Test func nestedComplexKeysRenderInBoundedTime() throws {
    let deep = String(repeating: "? - ", count: 60) + "a\n"
    let start = Date()
    let docs = try YAMLReader.documents(Array(deep.utf8), file: "k.yaml")
    let text = try #require(docs.first).jsonText()
    #expect(text.utf8.count < 4 * JSONWriter.maxKeyBytes)
    // A merge key beside such keys, as the decoder applies them.
    let merge = "a: &m {x: 1}\nb:\n  <<: *m\n  " + String(repeating: "? - ", count: 60) + "z\n  : 2\n"
    _ = try YAMLReader.documents(Array(merge.utf8), file: "m.yaml").first?.mergingKeys()
    #expect(Date().timeIntervalSince(start) < 5)
  }

  /// pipeline harness, crash-af8b3f97: the fast YAML path read
  /// `name:web` (no space after the colon, so not a key in YAML) as
  /// `name: web`, so a file kubectl could not have written was accepted
  /// with a meaning the general reader, and stdin, reject.
  @Test func fastYAMLPathRefusesAKeyWithoutASpaceAfterItsColon() throws {
    let text = """
      apiVersion: v1
      items:
      - apiVersion: v1
        kind: Service
        metadata:
          namespace: test
          name:web
        spec:
          clusterIP: 10.96.1.136
      kind: List

      """
    TestSupport.generate(text, as: "list.yaml") { folder, result in
      #expect(result.code == .invalidInput)
      #expect(result.err.hasPrefix(folder + "/list.yaml:7:13: error: could not find expected ':'"), "\(result.err)")
    }
  }

  /// pipeline harness, crash-3a8d596e: a List whose item had a lone CR
  /// (a line break to YAML) before `spec:` lost its whole spec on the
  /// fast YAML path, which splits lines at LF only; the general reader
  /// read the spec. Files with a CR now take the full readers.
  @Test func fastYAMLPathLeavesFilesWithCRToTheFullReaders() throws {
    let text = "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n    namespace: test\n\r  spec:\n    clusterIP: 10.96.0.7\nkind: List\n"
    let bytes = Array(text.utf8)
    let fast = bytes.withUnsafeBufferPointer {
      FastYAMLInput.decode($0, file: "cr.yaml", decoder: ObjectDecoder(), threads: 1)
    }
    #expect(fast == nil)
    TestSupport.generate(text, as: "cr.yaml") { folder, result in
      #expect(result.code == .success, "\(result.err)")
      #expect(TestSupport.read(folder + "/out/cluster.local.zone")?.contains("web.test.svc                                    30      IN  A      10.96.0.7") == true)
    }
  }

  /// The CR check runs per chunk (a scan of the whole file up front paged
  /// all of it in at once): a CR in a late chunk still sends the whole
  /// file to the full readers.
  @Test func fastYAMLPathFindsACRInALaterChunk() throws {
    func list(cr: Bool) -> [UInt8] {
      var text = "apiVersion: v1\nitems:\n"
      for i in 0..<50 {
        text += "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\(i)\n    namespace: test\n"
        text += (cr && i == 40 ? "\r" : "") + "  spec:\n    clusterIP: 10.96.0.\(i + 1)\n"
      }
      return Array((text + "kind: List\n").utf8)
    }
    let clean = list(cr: false).withUnsafeBufferPointer {
      FastYAMLInput.decode($0, file: "l.yaml", decoder: ObjectDecoder(), threads: 2, chunkSize: 300)
    }
    #expect(clean?.objects.count == 50)
    let withCR = list(cr: true).withUnsafeBufferPointer {
      FastYAMLInput.decode($0, file: "l.yaml", decoder: ObjectDecoder(), threads: 2, chunkSize: 300)
    }
    #expect(withCR == nil)
  }

  /// pipeline harness, open-fast-yaml-accepts-invalid: a column-0 `|`
  /// after the List's entries ended them for the fast YAML path, and its
  /// header and tail (`items:` then `|`) read as a List whose `items` is a
  /// string, so the file was accepted; the general reader rejects the `|`.
  @Test func fastYAMLPathRefusesATailThatContinuesItems() throws {
    let text = """
      apiVersion: v1
      items:
      - apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: test
        spec:
          clusterIP: 10.96.0.7
      |
        text
      kind: List

      """
    let bytes = Array(text.utf8)
    let fast = bytes.withUnsafeBufferPointer {
      FastYAMLInput.decode($0, file: "tail.yaml", decoder: ObjectDecoder(), threads: 1)
    }
    #expect(fast == nil)
    TestSupport.generate(text, as: "tail.yaml") { folder, result in
      #expect(result.code == .invalidInput)
      #expect(result.err.hasPrefix(folder + "/tail.yaml:10:1: error: did not find expected key"), "\(result.err)")
    }
  }

  /// pipeline harness, crash-eaa527ad: a List whose own `apiVersion` was a
  /// mapping was streamed by the fast paths, which checked only its
  /// `kind`; the decoder rejects such a List. The fast paths now ask the
  /// decoder to accept the List's own keys first (YAML and JSON alike).
  @Test(arguments: [
    ("list.yaml", "apiVersion:\n  x: y\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: web, namespace: test}\n  spec: {clusterIP: 10.96.0.7}\n", "2:3"),
    ("list.json", "{\"apiVersion\": {\"x\": \"y\"}, \"kind\": \"List\", \"items\": [\n {\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"web\", \"namespace\": \"test\"}, \"spec\": {\"clusterIP\": \"10.96.0.7\"}}]}\n", "1:16"),
  ])
  func fastPathsRefuseAListTheDecoderRejects(name: String, text: String, position: String) throws {
    let bytes = Array(text.utf8)
    let fast = bytes.withUnsafeBufferPointer { buf in
      name.hasSuffix(".json")
        ? FastJSONInput.decode(buf, file: name, decoder: ObjectDecoder(), threads: 1)
        : FastYAMLInput.decode(buf, file: name, decoder: ObjectDecoder(), threads: 1)
    }
    #expect(fast == nil)
    TestSupport.generate(text, as: name) { folder, result in
      #expect(result.code == .invalidInput)
      #expect(result.err.hasPrefix("\(folder)/\(name):\(position): error: apiVersion: expected a string, found a mapping"), "\(result.err)")
      #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
  }

  /// pipeline harness, crash-200d067c: `clusterIPs: []` beside an invalid
  /// `clusterIP` crashed (index out of range) while locating the error in
  /// the empty list; the error now names and points at the field the text
  /// came from. A crash on input in the first session's decoder, found
  /// after 2.5M executions on the final code.
  @Test func invalidClusterIPBesideAnEmptyListIsAnError() throws {
    let text = """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: test}
      spec:
        type: LoadBalancer
        clusterIP: 110.910
        clusterIPs: []

      """
    TestSupport.generate(text, as: "s.yaml") { folder, result in
      #expect(result.code == .invalidInput)
      #expect(result.err.hasPrefix(folder + "/s.yaml:6:14: error: spec.clusterIP: '110.910' is not an IP address"), "\(result.err)")
    }
  }

  /// pipeline harness, crash-45591c2f (public-names variant): an
  /// ExternalName named by --fqdn-template published its target as
  /// written, capitals included, where every other name is lowercase
  /// (the zone-text check allows only lowercase). Public names and targets
  /// are now lowercased.
  @Test func aPublicTargetWithCapitalsIsWrittenInLowercase() throws {
    let (folder, input) = Self.finding("45591c2f")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = TestSupport.cli([
      "generate", "--zone", "lan", "--fqdn-template", "{{name}}.{{namespace}}.lan", "--out", folder + "/out", input,
    ])
    #expect(r.code == .success, "\(r.err)")
    let zone = try #require(TestSupport.read(folder + "/out/lan.zone"))
    #expect(zone.contains("CNAME  b.ddeletiontimestampefault.svc.cluster.local."), "\(zone)")
    #expect(!zone.contains("Timestamp"), "the target keeps its capitals: \(zone)")
  }

  /// pipeline harness, crash-2c375534 (public-names variant): a NodePort
  /// Service whose name is no DNS-1035 label (`arQena`) put that name,
  /// capitals included, into its SRV owner `_arQena._udp.<hostname>`. The
  /// cluster zone skips such a Service; the SRV is now skipped with a
  /// warning at the port, and the node addresses are still published.
  @Test func aNodePortServiceWithAnInvalidNameGetsNoSRV() throws {
    let (folder, input) = Self.finding("2c375534")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = TestSupport.cli(["generate", "--zone", "example.com", "--out", folder + "/out", input])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.err.contains("\(input):21:7: warning: Service games/arQena: the Service's name is not a DNS-1035 label, so it names no SRV record for node port 30777 under arena.example.com."), "\(r.err)")
    let zone = try #require(TestSupport.read(folder + "/out/example.com.zone"))
    #expect(!zone.contains("SRV"), "\(zone)")
    // node-1's ExternalIP; node-2 is `apiVersion: v0`, so not read.
    #expect(zone.contains("198.51.100.11") && !zone.contains("198.51.100.12"), "\(zone)")
    let strict = TestSupport.cli(["generate", "--strict", "--zone", "example.com", "--out", folder + "/strict", input])
    #expect(strict.code == .invalidInput)
    #expect(!FileManager.default.fileExists(atPath: folder + "/strict"))
  }

  /// pipeline harness, crash-285a1025 (public-names variant): an
  /// HTTPRoute whose `hostnames` key was mangled has no hostnames, so it
  /// takes its listener's `*.apps.example.com`, and the zone gets the
  /// wildcard owner `*`, as ExternalDNS publishes it (RFC 4592). The
  /// product was right; the harness's zone-text check allowed no `*` at
  /// all and now allows it as the whole leftmost label of a public zone's
  /// owner. This pins the wildcard: written as `*`, read back as itself.
  @Test func aRouteWithoutHostnamesPublishesItsListenersWildcard() throws {
    let (folder, input) = Self.finding("285a1025")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = TestSupport.cli([
      "generate", "--zone", "example.com", "--zone", "apps.example.com", "--source", "service,ingress,gateway,node",
      "--out", folder + "/out", input,
    ])
    #expect(r.code == .success, "\(r.err)")
    let text = try #require(TestSupport.read(folder + "/out/apps.example.com.zone"))
    let lines = text.split(separator: "\n").filter { $0.hasPrefix("*") }
    #expect(lines.count == 1 && lines[0].hasSuffix("IN  A      203.0.113.30"), "\(text)")
    #expect(!text.contains("\\*"), "\(text)")
    let zone = try ZoneFileReader.read(Array(text.utf8), file: "apps.example.com.zone")
    #expect(zone.records.contains { $0.owner == (try? DomainName("*.apps.example.com")) && $0.type == .a })
  }

  /// pipeline harness under ASan, crash-ba05f390: a List whose last entry
  /// is a `-` that ends the input (`items:\n-`, no line break after it).
  /// `atDash` sees a line break past the end, and moving past `- ` put the
  /// simple YAML parser one byte beyond its chunk, where computing the
  /// item's location read a byte outside the buffer (heap-buffer-overflow;
  /// release builds read it silently). Entries, nested sequences and the
  /// direct decoders' sequences now stop at the end.
  @Test(arguments: ["-", "- a: 1\n-", "- a:\n  - x\n  -", "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n  spec:\n    containers:\n    -"])
  func aDashEndingTheInputKeepsTheParserInsideItsBytes(text: String) throws {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buf in
      var p = SimpleBlockYAMLParser(buf, file: "in.yaml", baseLine: 1, baseOffset: 0, limits: .default, outerDepth: 1)
      #expect(throws: PruningAbort.self) { try p.items(schema: PruneSchema.object, directNamespace: "test") { _ in } }
      #expect(p.pos <= buf.count, "pos \(p.pos) past \(buf.count) bytes")
      #expect(p.location(p.pos).offset <= buf.count)
    }
    // Through the pipeline: the fast path gives up, the full readers report.
    let (folder, input) = Self.finding("ba05f390")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = TestSupport.cli(["generate", "--out", folder + "/out", input])
    #expect(r.code == .invalidInput, "\(r.err)")
    #expect(r.err.contains("in.yaml:"), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
  }

  /// pipeline harness, crash-c9269965 and crash-52d1184b: a JSON stream
  /// named `.yaml` gave its confirmed chunks back, but JSON that fails is
  /// read as YAML, whose character check (a DEL, 0x7f, in a given-back
  /// key) and syntax need every byte: the taken-up reading gave a later
  /// error, or none at all. Such a stream keeps its bytes; under a name
  /// read as JSON only, it gives them back and reads as the whole does.
  @Test(arguments: ["c9269965", "52d1184b"])
  func aJSONStreamReadAsYAMLTooKeepsItsBytes(id: String) throws {
    let bytes = Array(try #require(TestSupport.read(TestSupport.path("Fuzz/findings/pipeline-crash-\(id).yaml"))).utf8)
    for name in ["s.yaml", "s.json"] {
      let read = Self.rehearsedAndWhole(bytes, file: name)
      #expect(read.overwritten == (name == "s.json"), "\(name)")
      #expect(read.streamed == read.whole, "\(name)")
    }
  }

  /// pipeline harness, crash-4dd5ff8b: a YAML stream whose header is a
  /// block scalar (`| #...` on the first line) holding `kind: List`,
  /// `items:` and the entries as text. Its chunks were confirmed and
  /// given back, and the taken-up copy's blank lines changed the string
  /// the error quotes. Only a header that is a mapping ending in `items:`
  /// is taken up; this one keeps its bytes and reads as the whole does.
  @Test func aYAMLStreamWhoseHeaderIsABlockScalarKeepsItsBytes() throws {
    let bytes = Array(try #require(TestSupport.read(TestSupport.path("Fuzz/findings/pipeline-crash-4dd5ff8b.yaml"))).utf8)
    let read = Self.rehearsedAndWhole(bytes, file: "s.yaml")
    #expect(!read.overwritten)
    #expect(read.whole.contains("expected a Kubernetes object (a mapping), found the string"))
    #expect(read.streamed == read.whole)
  }

  /// stream harness, crash-e0de7b1b: a List entry `-` ending its line
  /// (an empty value) with a column-0 line after it (`items:` again, or a
  /// plain word). The simple YAML parser moved past the line break with
  /// the `- `, read the next line as the entry's value and did not count
  /// it, so its chunk was confirmed one line short and a stream taken up
  /// after it gave the whole input's error a line early (172 for 173).
  /// The parser now gives such an entry up; the general parser reads it.
  @Test(arguments: ["    -\nitems:\n", "    -\nplain\n", "    -\n- b\n"], [true, false])
  func anEntryEndingItsLineDoesNotTakeTheNextLine(after: String, direct: Bool) throws {
    let item = "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    namespace: n\n  status:\n    hostIPs:\n"
    let chunk = Array((item + after).utf8)
    chunk.withUnsafeBufferPointer { buf in
      let read = FastYAMLInput.readChunk(
        buf, 0..<buf.count, file: "in.yaml", decoder: ObjectDecoder(), limits: .default, general: false, directDecode: direct)
      #expect(read == nil, "the simple parser read \(read.map { "\($0.items) items on \($0.lines) lines" } ?? "")")
    }
    // Its bytes as they are: 0xff is what fails, which a String would replace.
    let data = try #require(FileManager.default.contents(atPath: TestSupport.path("Fuzz/findings/stream-crash-e0de7b1b.yaml")))
    let read = Self.rehearsedAndWhole([UInt8](data), file: "s.yaml")
    #expect(read.whole.hasPrefix("s.yaml:173:52: error: invalid UTF-8 byte 0xff"), "\(read.whole)")
    #expect(read.streamed == read.whole)
  }

  /// `bytes` read as a stream whose confirmed chunks are given back (as
  /// the pipeline harness rehearses it) and whole by the full readers:
  /// whether bytes were given back, and each reading's rendered error
  /// ("none" when it read the input).
  static func rehearsedAndWhole(_ bytes: [UInt8], file: String) -> (overwritten: Bool, streamed: String, whole: String) {
    let decoder = ObjectDecoder()
    let rehearsed = StreamedInput.rehearse(bytes, file: file, decoder: decoder, chunkSize: 256 + bytes.count % 512, threads: 0)
    var result = ObjectDecoder.Result()
    var whole = "none"
    do {
      try Pipeline.decode(bytes, file: file, with: decoder, into: &result)
    } catch {
      whole = error.rendered
    }
    var streamed = "none"
    if case .failure(let error) = rehearsed.result { streamed = error.rendered }
    return (rehearsed.overwritten, streamed, whole)
  }

  /// A new temporary folder holding `Fuzz/findings/pipeline-crash-<id>.yaml`
  /// as `in.yaml`; the caller removes the folder.
  static func finding(_ id: String) -> (folder: String, input: String) {
    let folder = TestSupport.temporaryFolder("fuzz-" + id)
    let input = folder + "/in.yaml"
    TestSupport.write(TestSupport.read(TestSupport.path("Fuzz/findings/pipeline-crash-\(id).yaml")) ?? "", to: input)
    return (folder, input)
  }
}
