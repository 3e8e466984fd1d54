import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// `DirectPodDecoder` over the simple YAML reader (`DirectYAMLReader`): a
/// pod entry read straight into a `Pod` must equal the entry built and
/// decoded, with the parser left on the same line, or be left to that.
@Suite struct DirectPodDecoderYAMLTests {
  /// A chunk of column-0 entries read both ways: the pods read directly
  /// and how many entries were not, or the objects built and decoded; nil
  /// where that way gave up; with the line each stopped on.
  static func bothWays(_ text: String) -> (
    direct: (objects: [KubernetesObject], pods: [Pod], others: Int, line: Int)?, built: (objects: [KubernetesObject], line: Int)?
  ) {
    let bytes = Array(("# before\n" + text).utf8)
    return bytes.withUnsafeBufferPointer { buf in
      var p = SimpleBlockYAMLParser(buf, file: "in.yaml", baseLine: 3, baseOffset: 100, limits: .default, outerDepth: 1)
      var objects: [KubernetesObject] = [], others = 0
      let read = (try? p.items(schema: PruneSchema.object, directNamespace: "test", direct: { objects.append($0) }) { _ in others += 1 }) != nil
      let pods = objects.compactMap { object -> Pod? in if case .pod(let pod) = object { pod } else { nil } }
      let direct = read ? (objects, pods, others, p.line) : nil
      var q = SimpleBlockYAMLParser(buf, file: "in.yaml", baseLine: 3, baseOffset: 100, limits: .default, outerDepth: 1)
      var result = ObjectDecoder.Result()
      var decoded = true
      let built = (try? q.items(schema: PruneSchema.object) { item in
        if (try? PerfEquivalenceTests.decoder.decodeStreamedItem(item, into: &result)) != true { decoded = false }
      }) != nil
      return (direct, built && decoded ? (result.objects, q.line) : nil)
    }
  }

  static let kubectl = """
    - apiVersion: v1
      kind: Pod
      metadata:
        annotations:
          kubectl.kubernetes.io/last-applied-configuration: |
            {"apiVersion":"v1","kind":"Pod"}
          empty:
        labels:
          app: web
          app.kubernetes.io/name: 'it''s'
          tier: "front"
          nothing: null
        name: web-0
        namespace: prod
        ownerReferences:
        - apiVersion: apps/v1
          kind: ReplicaSet
        resourceVersion: "100000"
        uid: ced30b77
      spec:
        containers:
        - name: c
          ports:
          - containerPort: 8080
            name: http
            protocol: TCP
          - containerPort: 53
            protocol: UDP
          volumeMounts: []
        - name: d
        hostname: web-0
        subdomain: web
        tolerations:
          - key: a
      status:
        conditions:
        - lastProbeTime: null
          status: "True"
          type: Initialized
        - status: "True"
          type: Ready
        phase: Running
        podIP: 10.0.0.9
        podIPs:
        - ip: 10.0.0.9
        - ip: fd00::9

    """

  /// Pods the direct decoder must read, exactly as the ordinary way does.
  @Test(arguments: [
    kubectl,
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n",
    "- kind: Pod\n  apiVersion: v1\n  metadata:\n    name: a\n    labels: {}\n    namespace: null\n  spec: null\n  status:\n    podIPs: []\n    podIP: ''\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    deletionTimestamp: \"2024-01-01T00:00:00Z\"\n  status:\n    phase: Exploded\n    conditions:\n      - type: Ready\n        status: True\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: 007\n    deletionTimestamp: ~\n  spec:\n    containers:\n    - ports:\n      - containerPort: -0\n        name: null\n  status:\n    podIPs:\n    - ip: null\n    - x: 1\n    podIP: 10.0.0.1\n",
    "- apiVersion: 'v1'\n  kind: \"Pod\"\n  metadata:\n    name: \"a\"\n    uid: ''\n    resourceVersion: NULL\n  status:\n    phase: 'Running'\n    conditions:\n    - type: \"Ready\"\n      status: 'True'\n    - type: Ready  \n      status: \"True\"   \n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n",
  ])
  func podsAreReadDirectlyAndTheSame(text: String) throws {
    try Self.expectReadDirectly(text)
  }

  /// Every pod and Service entry of `text` read directly, each equal to
  /// the entry built and decoded, the others built, and the parser left
  /// on the same line both ways.
  static func expectReadDirectly(_ text: String) throws {
    let got = bothWays(text)
    let direct = try #require(got.direct, "the chunk was not read")
    let built = try #require(got.built, "the ordinary way failed")
    #expect(direct.objects == built.objects.filter { ["Pod", "Service", "EndpointSlice"].contains($0.kind) }, "left to the ordinary way, or read otherwise")
    #expect(direct.others == built.objects.count - direct.objects.count)
    #expect(direct.line == built.line)
  }

  /// Entries the direct decoder leaves to the ordinary way, which decides.
  @Test(arguments: [
    "- apiVersion: v1\n  metadata:\n    name: a\n  kind: Pod\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n  metadata:\n    name: b\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n  spec:\n    containers:\n    - ports:\n      - containerPort: \"80\"\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n  spec:\n    hostname:\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n  spec: x\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    labels:\n      k:\n        - v\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n  status:\n    podIP: 10.0.0.300\n",
    "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: \"\"\n",
  ])
  func unusualEntriesAreLeftToTheOrdinaryWay(text: String) {
    let got = Self.bothWays(text)
    #expect(got.direct?.pods.isEmpty ?? true, "the direct decoder read an entry it should leave")
  }

  /// Whole snapshots through the fast YAML reader, in small chunks: with
  /// the direct decoder, without it and the full readers agree.
  @Test(arguments: [false, true])
  func snapshotsDecodeTheSameWithAndWithoutIt(dualStack: Bool) throws {
    for kind in [SnapshotKind.pods, .all] {
      let bytes = SnapshotWriter.bytes(kind, .yaml, spec: SnapshotSpec(pods: 300, services: 20, seed: 11, dualStack: dualStack))
      let expected = try #require(PerfEquivalenceTests.slow(bytes))
      for threads in [1, 2] {
        for direct in [true, false] {
          let got = try #require(bytes.withUnsafeBufferPointer { buf in
            FastYAMLInput.decode(buf, file: "in", decoder: PerfEquivalenceTests.decoder, threads: threads, chunkSize: 20_000, general: false, directDecode: direct)
          })
          #expect(PerfEquivalenceTests.same(expected, got), "\(kind), \(threads) threads, direct \(direct)")
        }
      }
    }
  }

  /// Every pod and Service kubezone-synth writes is read directly.
  @Test(arguments: [SnapshotKind.pods, .services])
  func everySynthesizedPodAndServiceIsReadDirectly(kind: SnapshotKind) throws {
    let bytes = SnapshotWriter.bytes(kind, .yaml, spec: SnapshotSpec(pods: 200, services: 13, seed: 3, dualStack: true))
    let read: (direct: [String], others: Int)? = bytes.withUnsafeBufferPointer { buf in
      guard let start = FastYAMLInput.itemsStart(buf) else { return nil }
      let chunk = UnsafeBufferPointer(rebasing: buf[start..<FastYAMLInput.tailStart(buf, from: start)])
      var p = SimpleBlockYAMLParser(chunk, file: "in", baseLine: 3, baseOffset: start, limits: .default, outerDepth: 1)
      var direct: [String] = [], others = 0
      guard (try? p.items(schema: PruneSchema.object, directNamespace: "test", direct: { direct.append($0.kind) }) { _ in others += 1 }) != nil else { return nil }
      return (direct, others)
    }
    let got = try #require(read)
    #expect(got.direct == Array(repeating: kind == .pods ? "Pod" : "Service", count: kind == .pods ? 200 : 13))
    #expect(got.others == 0)
  }
}
