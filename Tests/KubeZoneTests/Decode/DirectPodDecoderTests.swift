import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// `DirectPodDecoder` reads a pod straight from JSON bytes: it must give
/// exactly the pod that building the item and decoding it gives (position
/// included, the parser left after the item), or give up.
@Suite struct DirectPodDecoderTests {
  static let decoder = ObjectDecoder(defaultNamespace: "test")

  /// The item read both ways: directly (nil when it gave up) and built
  /// then decoded (nil when that fails), with where each stopped.
  static func bothWays(_ text: String) -> (direct: Pod?, directEnd: Int?, built: [KubernetesObject]?, builtEnd: Int?) {
    bothWays(text) { p throws(PruningAbort) in try DirectPodDecoder.decode(&p, defaultNamespace: "test") }
  }

  /// `text` read both ways, directly by `read`.
  static func bothWays<T>(
    _ text: String, _ read: (inout PruningJSONParser) throws(PruningAbort) -> T
  ) -> (direct: T?, directEnd: Int?, built: [KubernetesObject]?, builtEnd: Int?) {
    // Indented and after a line, so positions are not trivially 1:1.
    let bytes = Array(("\n  " + text + "  ").utf8)
    return bytes.withUnsafeBufferPointer { buf in
      var p = PruningJSONParser(buf, file: "in.json", limits: .default, at: 0, line: 1, lineStart: 0)
      p.skipWhitespace()
      let direct = try? read(&p)
      let directEnd = direct == nil ? nil : p.pos
      var q = PruningJSONParser(buf, file: "in.json", limits: .default, at: 0, line: 1, lineStart: 0)
      var result = ObjectDecoder.Result()
      guard let item = try? q.built(.fields(PruneSchema.object)),
        (try? decoder.decodeStreamedItem(item, into: &result)) == true
      else { return (direct, directEnd, nil, nil) }
      return (direct, directEnd, result.objects, q.pos)
    }
  }

  /// `text` read directly by `read` into exactly the object the ordinary
  /// way gives, the parser left where that way leaves it.
  static func expectReadDirectly(_ text: String, _ read: (inout PruningJSONParser) throws(PruningAbort) -> KubernetesObject) throws {
    let got = bothWays(text, read)
    let direct = try #require(got.direct, "the direct decoder gave up")
    let built = try #require(got.built, "the ordinary way failed")
    #expect(built == [direct])
    #expect(got.directEnd == got.builtEnd)
  }

  static let full = #"""
    {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web-0", "namespace": "prod", "uid": "u", "labels": {"app": "web", "tier": "fr\u00f6nt"},
     "annotations": {"a": "{\"x\": [1, 2]}"}, "managedFields": [{"f": {"f:x": {}}}]},
     "spec": {"hostname": "web-0", "subdomain": "web", "containers": [{"name": "c", "ports": [{"containerPort": 80, "name": "http", "protocol": "TCP"}, {"containerPort": 53, "protocol": "UDP"}]}, {"name": "d"}, {"ports": null}],
      "volumes": [{"name": "v", "emptyDir": {}}]},
     "status": {"phase": "Running", "conditions": [{"type": "Initialized", "status": "True"}, {"type": "Ready", "status": "True", "lastProbeTime": null}],
      "podIP": "10.0.0.9", "podIPs": [{"ip": "10.0.0.9"}, {"ip": "fd00::9"}], "hostIP": "10.1.0.1"}}
    """#

  /// Pods the direct decoder must read, and read exactly as the ordinary way.
  @Test(arguments: [
    full,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}"#,
    #"{"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "a", "namespace": null, "labels": null, "uid": null}, "spec": null, "status": null}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "labels": {"k": null, "k2": "v", "k": "last"}, "resourceVersion": "7", "deletionTimestamp": "2024-01-01T00:00:00Z"}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "deletionTimestamp": null}, "status": {"phase": "Exploded", "podIP": ""}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"podIPs": [{"ip": null}, {"x": 1}], "podIP": "10.0.0.1", "phase": null}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"podIPs": [], "podIP": "fd00::1"}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"podIPs": [{"ip": "10.0.0.2"}], "podIP": "not checked when podIPs has one"}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"conditions": [{"type": "Ready", "status": "True"}, {"type": "Ready", "status": "False"}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"conditions": [{"status": "True"}, {"type": null}, {"type": "Ready"}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": null, "hostname": null}}"#,
    // Escaped text it compares or only checks is unescaped first.
    #"{"apiVersion": "v\u0031", "kind": "P\u006fd", "metadata": {"name": "a", "uid": "\u0041"}, "status": {"phase": "Runn\u0069ng", "conditions": [{"type": "Re\u0061dy", "status": "Tru\u0065"}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "resourceVersion": ""}, "status": {"phase": "Pendin\u0067x", "conditions": [{"type": "Ready", "status": "true"}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"ports": [{"containerPort": -0, "name": null, "protocol": null}, {"containerPort": 8443, "protocol": "SCTP"}]}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "x": [[{"kind": "Service"}]], "metadata": {"name": "\u00e9t\u00e9", "namespace": "n\"s"}}"#,
    // An escaped value is its text ("Pod"), as the full reader reads it.
    #"{"apiVersion": "v1", "kind": "P\u006fd", "metadata": {"name": "a"}}"#,
  ])
  func podsAreReadDirectlyAndTheSame(text: String) throws {
    try Self.expectReadDirectly(text) { p throws(PruningAbort) in .pod(try DirectPodDecoder.decode(&p, defaultNamespace: "test")) }
  }

  /// Unusual items: the direct decoder gives up and the ordinary way
  /// decides (reads it, or fails for the full readers to report).
  @Test(arguments: [
    // Not a pod, or not known to be one before its fields.
    #"{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}}"#,
    #"{"apiVersion": "v1", "metadata": {"name": "a"}, "kind": "Pod"}"#,
    #"{"apiVersion": "v2", "kind": "Pod", "metadata": {"name": "a"}}"#,
    #"{"apiVersion": "v1", "kind": "Pod"}"#,
    #"{"apiVersion": "v1", "kind": null, "metadata": {"name": "a"}}"#,
    // Repeated or escaped keys it reads (the last one wins elsewhere).
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "metadata": {"name": "b"}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "n\u0061me": "b"}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"phase": "Running", "phase": "Failed"}}"#,
    // Types the full decoders read as text, or reject.
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": 7}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": ""}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "labels": {"k": 1}}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "labels": []}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": null}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": "x"}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": ["c"]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"ports": [{"containerPort": 8.0}]}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"ports": [{"containerPort": "80"}]}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"ports": [{"name": "http"}]}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"ports": [{"containerPort": 80, "protocol": "tcp"}]}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"podIPs": [{"ip": "10.0.0.300"}]}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"podIP": "x"}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "status": {"conditions": [{"type": "Ready", "status": true}]}}"#,
    // Broken JSON.
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a",}}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"x": 01}}"#,
  ])
  func unusualItemsAreLeftToTheOrdinaryWay(text: String) {
    let got = Self.bothWays(text)
    #expect(got.direct == nil, "the direct decoder read an item it should leave")
  }

  /// Whole snapshots through the fast JSON reader: with the direct
  /// decoder, without it and the full readers agree, on any thread count.
  @Test(arguments: [false, true])
  func snapshotsDecodeTheSameWithAndWithoutIt(dualStack: Bool) throws {
    for kind in [SnapshotKind.pods, .all] {
      let bytes = SnapshotWriter.bytes(kind, .json, spec: SnapshotSpec(pods: 300, services: 20, seed: 11, dualStack: dualStack))
      let expected = try #require(PerfEquivalenceTests.slow(bytes))
      for threads in [1, 2, 3] {
        for direct in [true, false] {
          let got = try #require(bytes.withUnsafeBufferPointer { buf in
            FastJSONInput.decode(buf, file: "in", decoder: PerfEquivalenceTests.decoder, threads: threads, minSplit: 0, directDecode: direct)
          })
          #expect(PerfEquivalenceTests.same(expected, got), "\(kind), \(threads) threads, direct \(direct)")
        }
      }
    }
  }

  /// Every pod kubezone-synth writes (the shape of kubectl's output) is
  /// read directly, none left to the ordinary way.
  @Test func everySynthesizedPodIsReadDirectly() throws {
    let spec = SnapshotSpec(pods: 200, services: 13, seed: 3, dualStack: true)
    let read = try Self.readDirectly(.pods, spec: spec) { p in (try? DirectPodDecoder.decode(&p, defaultNamespace: "test")) != nil }
    #expect(read == 200)
  }

  /// How many of a kubezone-synth JSON List's items `read` reads directly,
  /// from the first to the first it gives up on.
  static func readDirectly(_ kind: SnapshotKind, spec: SnapshotSpec, _ read: (inout PruningJSONParser) -> Bool) throws -> Int {
    let bytes = SnapshotWriter.bytes(kind, .json, spec: spec)
    let text = String(decoding: bytes, as: UTF8.self)
    let items = try #require(text.range(of: "\"items\": ["))
    var count = 0
    bytes.withUnsafeBufferPointer { buf in
      var p = PruningJSONParser(buf, file: "in", limits: .default, at: text.utf8.distance(from: text.utf8.startIndex, to: items.upperBound), line: 1, lineStart: 0)
      p.depth = 2
      repeat {
        guard read(&p) else { return }
        count += 1
      } while (try? p.next(close: UInt8(ascii: "]"))) == true
    }
    return count
  }
}
