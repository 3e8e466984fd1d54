import Testing

@testable import KubeZone

/// How the inventory settles objects defined more than once, held to the
/// rule as a plain loop over the input: per (kind, namespace, name) a live
/// object beats a manifest, otherwise the later one wins; each duplicate
/// is noted in input order; the objects kept come in key order.
@Suite struct InventoryTests {
  @Test func duplicatesAreSettledAsTheRuleSays() {
    var generator = SeededGenerator(seed: 13)
    for round in 0..<300 {
      let count = Int.random(in: 0...60, using: &generator)
      // Few names, so keys repeat: up to five definitions of one object.
      let objects = (0..<count).map { line in
        Self.object(
          pod: Bool.random(using: &generator), namespace: "ns\(Int.random(in: 0..<3, using: &generator))",
          name: "n\(Int.random(in: 0..<12, using: &generator))", live: Bool.random(using: &generator), line: line + 1)
      }
      var log = DiagnosticLog()
      let inventory = Inventory(objects, log: &log)
      let (kept, notes) = Self.oracle(objects)
      let found = inventory.namespaces.map { "Namespace \($0.namespace)/\($0.name) \($0.location.line)" }
        + inventory.pods.map { "Pod \($0.meta.namespace)/\($0.meta.name) \($0.meta.location.line)" }
      #expect(found == kept, "round \(round)")
      #expect(log.notes.map(\.description) == notes, "round \(round)")
    }
  }

  /// Past the size the key sort runs on two cores at: one name defined
  /// thousands of times sits in the middle of the key order, where the
  /// halves are merged, and its definitions must stay in input order.
  @Test func largeInputsAreSettledAsTheRuleSays() {
    var generator = SeededGenerator(seed: 29)
    let count = 2 * ParallelSort.threshold + 123
    let objects = (0..<count).map { line in
      let draw = Int.random(in: 0..<20, using: &generator)
      let name = draw < 2 ? "m" : (draw < 11 ? "a" : "z") + "\(Int.random(in: 0..<(count / 3), using: &generator))"
      return Self.object(pod: true, namespace: "ns", name: name, live: Bool.random(using: &generator), line: line + 1)
    }
    var log = DiagnosticLog()
    let inventory = Inventory(objects, log: &log)
    let (kept, notes) = Self.oracle(objects)
    #expect(inventory.pods.map { "Pod \($0.meta.namespace)/\($0.meta.name) \($0.meta.location.line)" } == kept)
    #expect(log.notes.map(\.description) == notes)
  }

  @Test func aLiveObjectIsKeptOverLaterManifests() {
    let objects = [
      Self.object(pod: true, namespace: "a", name: "web", live: false, line: 1),
      Self.object(pod: true, namespace: "a", name: "web", live: true, line: 2),
      Self.object(pod: true, namespace: "a", name: "web", live: false, line: 3),
      Self.object(pod: true, namespace: "a", name: "web", live: true, line: 4),
    ]
    var log = DiagnosticLog()
    let inventory = Inventory(objects, log: &log)
    #expect(inventory.pods.map(\.meta.location.line) == [4])
    #expect(log.notes.map(\.message) == [
      "Pod a/web overrides the one at f:1:1",
      "Pod a/web at f:2:1 is kept: a live object wins over a manifest",
      "Pod a/web overrides the one at f:2:1",
    ])
  }

  static func object(pod: Bool, namespace: String, name: String, live: Bool, line: Int) -> KubernetesObject {
    let meta = ObjectMeta(
      name: name, namespace: namespace, labels: [:], isLive: live, terminating: false,
      location: SourceLocation(source: SourceFile("f"), line: line, column: 1, offset: 0))
    guard pod else { return .namespace(meta) }
    return .pod(Pod(meta: meta, hostname: nil, subdomain: nil, phase: .running, isReady: true, ips: [], containerPorts: []))
  }

  /// The rule, object by object in input order: the kept objects (in
  /// key order, namespaces before pods) and the notes.
  static func oracle(_ objects: [KubernetesObject]) -> (kept: [String], notes: [String]) {
    var chosen: [ObjectKey: Int] = [:]
    var notes: [String] = []
    for (i, object) in objects.enumerated() {
      let key = object.key
      guard let p = chosen[key] else {
        chosen[key] = i
        continue
      }
      let previous = objects[p].meta
      if previous.isLive && !object.meta.isLive {
        notes.append("\(object.meta.location): note: \(key) at \(previous.location) is kept: a live object wins over a manifest")
      } else {
        notes.append("\(object.meta.location): note: \(key) overrides the one at \(previous.location)")
        chosen[key] = i
      }
    }
    let kept = chosen.sorted { ($0.key.kind == "Namespace" ? 0 : 1, $0.key) < ($1.key.kind == "Namespace" ? 0 : 1, $1.key) }
    return (kept.map { "\($0.key.kind) \($0.key.namespace)/\($0.key.name) \(objects[$0.value].meta.location.line)" }, notes)
  }
}
