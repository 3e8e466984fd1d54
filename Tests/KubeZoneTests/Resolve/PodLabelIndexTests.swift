import Testing
@testable import KubeZone

/// The label index finds, for a selector on indexed keys, every pod of
/// the namespace that the selector matches; labels on other keys are
/// not indexed at all.
@Suite struct PodLabelIndexTests {
  static func pod(_ namespace: String, _ name: String, _ labels: [String: String]) -> Pod {
    let meta = ObjectMeta(
      name: name, namespace: namespace, labels: labels, isLive: true, terminating: false,
      location: SourceLocation(source: SourceFile("f"), line: 1, column: 1, offset: 0))
    return Pod(meta: meta, hostname: nil, subdomain: nil, phase: .running, isReady: true, ips: [], containerPorts: [])
  }

  /// Pods in two namespaces (each one run, as the inventory sorts them),
  /// with labels drawn from a few keys and values, some shared by all.
  static func pods() -> (pods: [Pod], ranges: [String: Range<Int>]) {
    var generator = SystemRandomNumberGenerator()
    var pods: [Pod] = []
    var ranges: [String: Range<Int>] = [:]
    for namespace in ["a", "b"] {
      let start = pods.count
      for i in 0..<300 {
        var labels = ["pod-template-hash": "h\(i % 7)"]
        for key in ["app", "tier", "zone"] where Bool.random(using: &generator) {
          labels[key] = "v\(Int.random(in: 0..<4, using: &generator))"
        }
        pods.append(pod(namespace, "p\(i)", labels))
      }
      ranges[namespace] = start..<pods.count
    }
    return (pods, ranges)
  }

  @Test func everyMatchingPodIsACandidate() {
    let (pods, ranges) = Self.pods()
    var selectors: [[String: String]] = []
    for app in 0..<4 {
      selectors.append(["app": "v\(app)"])
      for tier in 0..<4 { selectors.append(["app": "v\(app)", "tier": "v\(tier)"]) }
    }
    selectors.append(["zone": "v1", "tier": "v2"])
    let keys = Set(selectors.flatMap(\.keys))
    #expect(!keys.contains("pod-template-hash"))
    let index = PodLabelIndex(pods, ranges: ranges, keys: keys)
    for (namespace, range) in ranges {
      for selector in selectors {
        let matching = range.filter { EndpointResolver.selects(selector, pods[$0].meta.labels) }
        let candidates = index.candidates(namespace: namespace, selector: selector)
        #expect(Set(matching).isSubset(of: Set(candidates)), "\(namespace) \(selector)")
        #expect(candidates == candidates.sorted())
        #expect(candidates.allSatisfy(range.contains))
      }
    }
  }

  @Test func keysNoSelectorUsesAreNotIndexed() {
    let (pods, ranges) = Self.pods()
    let index = PodLabelIndex(pods, ranges: ranges, keys: ["app"])
    #expect(index.candidates(namespace: "a", selector: ["pod-template-hash": "h1"]).isEmpty)
    #expect(!index.candidates(namespace: "a", selector: ["app": "v1"]).isEmpty)
    let none = PodLabelIndex(pods, ranges: ranges, keys: [])
    #expect(none.candidates(namespace: "a", selector: ["app": "v1"]).isEmpty)
  }
}
