import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// The fast readers (`FastJSONInput`, `FastYAMLInput`) must decode exactly
/// what the full readers decode, positions included, or give up (nil) so
/// the full reader runs; never a different answer.
@Suite struct PerfEquivalenceTests {
  static let decoder = ObjectDecoder(defaultNamespace: "test")

  static func slow(_ bytes: [UInt8], file: String = "in", decoder: ObjectDecoder = decoder) -> ObjectDecoder.Result? {
    var result = ObjectDecoder.Result()
    do {
      for document in try ManifestReader.documents(bytes, file: file) {
        try decoder.decode(document, into: &result)
      }
    } catch {
      return nil
    }
    return result
  }

  static func fast(
    _ bytes: [UInt8], file: String = "in", threads: Int = 1, chunk: Int = 4 << 20, decoder: ObjectDecoder = decoder
  ) -> ObjectDecoder.Result? {
    bytes.withUnsafeBufferPointer { buf in
      ManifestReader.looksLikeJSON(buf)
        ? FastJSONInput.decode(buf, file: file, decoder: decoder, threads: threads, minSplit: 0)
        : FastYAMLInput.decode(buf, file: file, decoder: decoder, threads: threads, chunkSize: chunk)
    }
  }

  static func same(_ a: ObjectDecoder.Result, _ b: ObjectDecoder.Result) -> Bool {
    a.objects == b.objects && a.skipped == b.skipped && a.log.entries == b.log.entries && a.log.notes == b.log.notes
  }

  /// Fast must equal slow, or be nil; `mustApply` demands it applied.
  static func check(
    _ bytes: [UInt8], file: String = "in", mustApply: Bool, threads: [Int] = [1, 2, 3], chunk: Int = 4 << 20,
    decoder: ObjectDecoder = decoder, _ note: String = ""
  ) {
    let expected = slow(bytes, file: file, decoder: decoder)
    for t in threads {
      let got = fast(bytes, file: file, threads: t, chunk: chunk, decoder: decoder)
      if mustApply { #expect(got != nil, "fast path gave up (\(t) threads) \(note)") }
      guard let got else { continue }
      #expect(expected != nil, "fast path accepted what the full reader rejects \(note)")
      if let expected { #expect(same(expected, got), "results differ (\(t) threads) \(note)") }
    }
  }

  static func synth(_ kind: SnapshotKind, _ format: SnapshotFormat, pods: Int = 240, dualStack: Bool = true) -> [UInt8] {
    SnapshotWriter.bytes(kind, format, spec: SnapshotSpec(pods: pods, services: pods / 15, seed: 7, dualStack: dualStack))
  }

  @Test(arguments: SnapshotKind.allCases, SnapshotFormat.allCases)
  func syntheticSnapshotsDecodeTheSameBothWays(kind: SnapshotKind, format: SnapshotFormat) {
    let bytes = Self.synth(kind, format)
    // Small chunks so YAML input splits into many; JSON splits by thread.
    Self.check(bytes, mustApply: true, chunk: 5_000, "\(kind) \(format)")
  }

  /// kubectl's YAML stays inside the simple subset parser's grammar.
  @Test(arguments: SnapshotKind.allCases)
  func kubectlYAMLNeedsNoGeneralParser(kind: SnapshotKind) throws {
    let bytes = Self.synth(kind, .yaml)
    let got = bytes.withUnsafeBufferPointer { buf in
      FastYAMLInput.decode(buf, file: "in", decoder: Self.decoder, threads: 2, chunkSize: 3_000, general: false)
    }
    let expected = try #require(Self.slow(bytes))
    let fast = try #require(got)
    #expect(Self.same(expected, fast))
  }

  @Test func quickstartListsDecodeTheSameBothWays() throws {
    let folder = TestSupport.path("examples/quickstart")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
      guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
      let bytes = [UInt8](data)
      let isList = String(decoding: bytes, as: UTF8.self).contains("items:") || name.hasSuffix(".json")
      Self.check(bytes, mustApply: isList, chunk: 200, name)
    }
  }

  /// Broken JSON: the fast path must never accept what the full reader rejects.
  @Test(arguments: [
    "truncated", "bad escape", "lone surrogate", "control character", "leading zero",
    "trailing comma", "trailing garbage", "bad literal", "invalid UTF-8",
  ])
  func brokenJSONIsLeftToTheFullReader(name: String) {
    let text = String(decoding: Self.synth(.pods, .json, pods: 30), as: UTF8.self)
    var mutated: String
    switch name {
    case "truncated": mutated = String(text.prefix(text.count / 2))
    case "bad escape": mutated = text.replacingOccurrences(of: "Burstable", with: #"Burst\qable"#)
    case "lone surrogate": mutated = text.replacingOccurrences(of: "Burstable", with: #"\ud800x"#)
    case "control character": mutated = text.replacingOccurrences(of: "Burstable", with: "Burst\u{1}able")
    case "leading zero": mutated = text.replacingOccurrences(of: "\"priority\": 0", with: "\"priority\": 00")
    case "trailing comma": mutated = text.replacingOccurrences(of: "\"Burstable\"", with: "\"Burstable\",")
    case "trailing garbage": mutated = text + "x"
    case "bad literal": mutated = text.replacingOccurrences(of: "true", with: "ture")
    default: mutated = text.replacingOccurrences(of: "Burstable", with: "Burst\u{E9}able")
    }
    var bytes = Array(mutated.utf8)
    if name == "invalid UTF-8", let i = bytes.firstIndex(of: 0xC3) { bytes[i] = 0xFF }
    // Named .json: the full reader would read other names again as YAML.
    #expect(Self.slow(bytes, file: "in.json") == nil, "mutation \(name) should break the input")
    Self.check(bytes, file: "in.json", mustApply: false, name)
  }

  @Test func deepJSONNestingIsLeftToTheFullReader() {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let text = #"{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Pod", "x": \#(deep), "metadata": {"name": "a"}}]}"#
    #expect(Self.fast(Array(text.utf8)) == nil)
  }

  /// Unusual but valid input: the fast path gives up or agrees.
  @Test(arguments: [
    #"{"kind": "PodList", "apiVersion": "v1", "items": [{"metadata": {"name": "a"}, "status": {"podIP": "10.0.0.1"}}]}"#,
    #"{"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "a"}, "items": [{"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "b"}}]}"#,
    #"{"kind": "List", "apiVersion": "v1", "items": [], "items": [{"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "b"}}]}"#,
    #"{"kind": "List", "apiVersion": "v1", "items": [{"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "b", "n\u0061me": "c", "labels": {"\u00e9": "x"}}}]}"#,
    #"{"kind": "Service", "apiVersion": "v1", "metadata": {"name": "s"}, "spec": {"ports": [{"port": 80, "targetPort": "http"}], "selector": {"a": "b"}}}"#,
    #"{"kind": "List", "apiVersion": "v1", "items": [{"kind": "Widget", "apiVersion": "x/v1", "metadata": {"name": "w"}}, {"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "ports": [{"containerPort": 80, "name": "http"}]}]}}]}"#,
    "apiVersion: v1\nitems:\n- &a {kind: Pod, apiVersion: v1, metadata: {name: a}}\n- *a\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    <<: {name: a}\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata: {name: a}\n# comment\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    name: b\n    labels: {app: 'x'}\nkind: PodList\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata: {name: a}\n---\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  metadata: {name: a}\nkind: PodList\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata: {name: a}\nkind: Pod\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata: {name: \"a\n- b\"}\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    name: a\n    labels:\n      x: |\n        l1\n\n        l2\n      app: 'it''s'\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    name: a\n      b\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    name: a # c\n    namespace: \"n s\"\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Service\n  apiVersion: v1\n  metadata:\n    name: s\n  spec:\n    ports:\n    - port: 80\n      name: http\n    - port: 81\n    selector:\n      app: x\n    x:\n    - - a\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    name: p\n    labels:\n      app: x\n  status:\n    podIP: 10.0.0.1\n    phase: Running\n    conditions:\n    - type: Ready\n      status: 'True'\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    name: p\n    labels:\n  spec:\n    hostname: h\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    name: p\r\nkind: List\n",
    "apiVersion: v1\nitems:\n- kind: Pod\n  apiVersion: v1\n  metadata:\n    name:\tp\nkind: List\n",
  ])
  func unusualInputGivesUpOrAgrees(text: String) {
    Self.check(Array(text.utf8), mustApply: false, chunk: 10, text)
  }

  /// Scalars at the edges of the simple parser's rules (a colon or ` #`
  /// inside or at the end of a plain one, control bytes, quotes), where
  /// the pod decoder reads them, where it skips them, and in another
  /// kind: the fast readers give up or agree with the full readers.
  @Test(arguments: [
    "a:", "a: b", "a:b", "a #c", "a#c", "a\tb", "http://x:80/y", "a:  ", "abcdefghij:", "abcdefghij: k",
    "abcdefghij #x", "abcdefgh\u{7f}:", "abcdefghijklmnopqrstuvwxyz:",
    // Quoted: `''`, backslashes, tabs and ends, inside and across words.
    "'it''s'", "'a''''b'", "''''", "'abcdefghijkl''mnopqrstuv''w'", #"'a\\b'"#, #""a\\b""#,
    "\"abcdefgh\tijkl\"", "'abcdefgh\tijkl'", "\"abcdefghij", "'x'y", "\"x\" #c", "\"x\"  ",
    "\"abcdefghijklmnop'q\"", "'abcdefghijklmnop\"q'", "'abcdefgh\u{1}'", "\"\"", "''",
  ])
  func scalarEdgesGiveUpOrAgree(value: String) {
    let text = Self.podAndService(key: "note", annotation: value, label: value, serviceKey: "app", serviceLabel: value)
    Self.check(Array(text.utf8), mustApply: false, chunk: 10, value)
  }

  /// A List of a pod (`key` among its annotations, `app` among its labels)
  /// and a Service (`serviceKey` among its labels), as kubectl lays it out.
  static func podAndService(key: String, annotation: String, label: String, serviceKey: String, serviceLabel: String) -> String {
    """
    apiVersion: v1
    items:
    - apiVersion: v1
      kind: Pod
      metadata:
        annotations:
          \(key): \(annotation)
        labels:
          app: \(label)
        name: p
    - apiVersion: v1
      kind: Service
      metadata:
        labels:
          \(serviceKey): \(serviceLabel)
        name: s
    kind: List

    """
  }

  /// A scalar or key over `ReadLimits.maxScalarBytes` is an error to the
  /// full readers; the fast YAML reader must give up on it (so the full
  /// reader reports it), whether the pod decoder reads it, skips it, or
  /// another kind holds it.
  @Test(arguments: [
    "xxxxxxxxxxxxxxxxxxxx", "\"xxxxxxxxxxxxxxxxxx\"", "'xxxxxxxxxxxxxxxxxx'", "'xxxxxxxx''xxxxxxxx'",
    "|\n        xxxxxxxxxxxxxxxxxxxx", "|\n        xxxxxxxxx\n        xxxxxxxxx",
  ])
  func scalarsOverTheLimitGiveUp(value: String) throws {
    let limits = ReadLimits(maxScalarBytes: 16)
    for place in ["note", "app", "long-key-of-twenty-xx"] {
      let key = place == "long-key-of-twenty-xx" ? place : "k"
      let long = place == "note" ? value : "ok"
      let text = Self.podAndService(
        key: key, annotation: long, label: place == "app" ? value : "ok", serviceKey: key, serviceLabel: long)
      let bytes = Array(text.utf8)
      #expect((try? ManifestReader.documents(bytes, file: "in", limits: limits)) == nil, "the full reader took \(place): \(value)")
      for threads in [1, 2] {
        let fast = bytes.withUnsafeBufferPointer { buf in
          FastYAMLInput.decode(buf, file: "in", decoder: Self.decoder, limits: limits, threads: threads, chunkSize: 40)
        }
        #expect(fast == nil, "the fast reader took \(place): \(value) (\(threads) threads)")
      }
    }
  }

  @Test func chunkedYAMLKeepsLineNumbers() throws {
    let bytes = Self.synth(.services, .yaml, pods: 300, dualStack: false)
    let got = try #require(Self.fast(bytes, threads: 2, chunk: 1_000))
    let expected = try #require(Self.slow(bytes))
    #expect(got.objects.map(\.meta.location) == expected.objects.map(\.meta.location))
  }

  /// The public-name kinds and fields (annotations, statuses, Ingress,
  /// Gateway, routes, Node) decode the same both ways with public names
  /// on, positions included across YAML chunks; with them off, the narrow
  /// schema still agrees with the full reader (the kinds are skipped).
  @Test(arguments: [true, false], ["yaml", "json"])
  func publicNameKindsDecodeTheSameBothWays(publicNames: Bool, format: String) throws {
    let decoder = ObjectDecoder(defaultNamespace: "test", publicNames: publicNames)
    let bytes = Array((format == "yaml" ? PublicManifests.yamlList : PublicManifests.jsonList).utf8)
    Self.check(bytes, file: "in.\(format)", mustApply: true, chunk: 300, decoder: decoder, "public \(publicNames) \(format)")
    let decoded = try #require(Self.slow(bytes, file: "in.\(format)", decoder: decoder))
    #expect(decoded.objects.count == (publicNames ? 7 : 2))
    let annotated = decoded.objects.filter { !$0.annotations.isEmpty }.count
    #expect(annotated == (publicNames ? 4 : 0))
  }
}
