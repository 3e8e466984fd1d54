import Foundation
import Testing
@testable import KubeZone

/// Moving objects between arrays, and shifting their positions in place
/// (`KubernetesObject+Moving.swift`): the same objects as copying them
/// and reading them further down the file.
@Suite struct KubernetesObjectMovingTests {
  /// Every kind the decoders make, public kinds included.
  static let manifests = PublicManifests.yamlList.replacingOccurrences(of: "\nkind: List", with: "\n" + """
    - apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        labels:
          kubernetes.io/service-name: shop
        name: shop-abc
        namespace: web
      addressType: IPv4
      endpoints:
      - addresses:
        - 10.0.0.7
      ports:
      - port: 80
    - apiVersion: v1
      kind: Endpoints
      metadata:
        name: db
        namespace: web
      subsets:
      - addresses:
        - ip: 10.0.0.8
    - apiVersion: v1
      kind: Namespace
      metadata:
        name: web
    - apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
        namespace: web
      spec:
        serviceName: db
    kind: List
    """)

  static func decode(_ text: String) throws -> [KubernetesObject] {
    try PublicKindsDecodeTests.decode(text, publicNames: true).objects
  }

  @Test func shiftingInPlaceIsReadingFurtherDown() throws {
    var objects = try Self.decode(Self.manifests)
    let below = try Self.decode(String(repeating: "\n", count: 7) + Self.manifests)
    #expect(Set(objects.map(\.kind)) == [
      "Service", "Ingress", "Gateway", "HTTPRoute", "TCPRoute", "Node", "Pod", "EndpointSlice", "Endpoints",
      "Namespace", "StatefulSet",
    ])
    #expect(objects != below)
    for i in objects.indices { objects[i].shiftLines(by: 7) }
    // Equal field by field, positions included (offsets are not shifted,
    // so compare everything else through the descriptions of positions).
    #expect(objects.map(\.meta.location.line) == below.map(\.meta.location.line))
    #expect(objects.map { Self.lines($0) } == below.map { Self.lines($0) })
  }

  /// Every line a position of `object` names, in a fixed order.
  static func lines(_ object: KubernetesObject) -> [Int] {
    var lines = [object.meta.location.line]
    lines += object.annotations.values.map(\.location.line).sorted()
    switch object {
    case .service(let s):
      lines += s.ports.map(\.location.line) + s.externalIPs.map(\.location.line)
      lines += s.loadBalancer.flatMap { [$0.ip?.location.line, $0.hostname?.location.line].compactMap { $0 } }
    case .ingress(let o):
      lines += o.ruleHosts.map(\.location.line) + o.tlsHosts.map(\.location.line)
    case .gateway(let o):
      lines += o.addresses.map(\.location.line) + o.listeners.compactMap { $0.hostname?.location.line }
    case .route(let o):
      lines += o.hostnames.map(\.location.line) + o.parentRefs.map(\.location.line)
      lines += o.statusParents.map(\.ref.location.line)
    case .node(let o):
      lines += o.addresses.map(\.address.location.line)
    default:
      break
    }
    return lines
  }

  @Test func appendingMovesEveryObjectInOrder() throws {
    let all = try Self.decode(Self.manifests)
    let (front, back) = (Array(all[..<4]), Array(all[4...]))
    // Into an empty array without room: `other`'s storage is taken.
    var empty: [KubernetesObject] = []
    var other = front
    empty.appendMoving(&other)
    #expect(empty == front && other.isEmpty)
    // Into an empty array with room, and onto objects: moved one by one.
    var roomy: [KubernetesObject] = []
    roomy.reserveCapacity(all.count)
    other = front
    roomy.appendMoving(&other)
    other = back
    roomy.appendMoving(&other)
    #expect(roomy == all && other.isEmpty)
  }

  @Test func aTakenObjectLeavesTheVacatedOneBehind() throws {
    var objects = try Self.decode(Self.manifests)
    let copy = objects
    let taken = objects.take(at: 1)
    #expect(taken == copy[1])
    #expect(objects[1] == KubernetesObject.vacated && objects[0] == copy[0] && objects[2...] == copy[2...])
  }

  @Test func mergingChunkResultsKeepsEveryObjectAndCount() throws {
    let all = try Self.decode(Self.manifests)
    var merged = ObjectDecoder.Result()
    for (i, object) in all.enumerated() {
      var part = ObjectDecoder.Result()
      part.objects = [object]
      part.documentCount = 1
      part.skipped = ["v1/Thing": i]
      merged.append(part)
    }
    #expect(merged.objects == all && merged.documentCount == all.count)
    #expect(merged.skipped["v1/Thing"] == all.indices.reduce(0, +))
  }

  @Test func joiningMovesEveryPartInOrder() throws {
    let all = try Self.decode(Self.manifests)
    // Parts of every size, empty ones and one of everything included.
    var parts = [Array(all[..<3]), [], Array(all[3..<4]), Array(all[4...]), []]
    let joined = [KubernetesObject].joinMoving(&parts)
    #expect(joined == all && parts.isEmpty)
    var one = [all]
    #expect([KubernetesObject].joinMoving(&one) == all && one.isEmpty)
    var none: [[KubernetesObject]] = []
    #expect([KubernetesObject].joinMoving(&none).isEmpty)
    // Many parts, as a large List's chunks: more than there are cores.
    let many = (0..<200).map { i in Array(repeating: all[i % all.count], count: i % 7) }
    var moved = many
    #expect([KubernetesObject].joinMoving(&moved) == Array(many.joined()))
  }

  @Test func mergingManyResultsAtOnceIsMergingEachInTurn() throws {
    let all = try Self.decode(Self.manifests)
    func parts() -> [ObjectDecoder.Result] {
      all.enumerated().map { i, object in
        var part = ObjectDecoder.Result()
        part.objects = Array(repeating: object, count: i % 3)
        part.documentCount = i % 2
        part.skipped = ["v1/Thing": i]
        part.log.warn("part \(i)", at: nil)
        return part
      }
    }
    var oneByOne = ObjectDecoder.Result()
    oneByOne.objects = [all[0]]
    var atOnce = oneByOne
    for part in parts() { oneByOne.append(part) }
    var others = parts()
    atOnce.append(contentsOf: &others)
    #expect(others.isEmpty)
    #expect(atOnce.objects == oneByOne.objects && atOnce.documentCount == oneByOne.documentCount)
    #expect(atOnce.skipped == oneByOne.skipped)
    #expect(atOnce.log.entries.map(\.message) == oneByOne.log.entries.map(\.message))
  }

  /// The inventory takes its pods on all cores: however the positions
  /// are cut, the same pods in the same order, the other positions in
  /// order, `vacated` left only where a pod was taken.
  @Test func takingPodsOnAllCoresIsTakingThemInTurn() throws {
    let objects = Array(repeating: try Self.decode(Self.manifests), count: 9).flatMap { $0 }
    func isPod(_ i: Int) -> Bool { if case .pod = objects[i] { true } else { false } }
    #expect(objects.indices.filter(isPod).count >= 9)
    var generator = SeededGenerator(seed: 1203)
    for round in 0...12 {
      let positions = Array(objects.indices.shuffled(using: &generator).prefix(round * objects.count / 12))
      let expected = positions.compactMap { i -> Pod? in if case .pod(let pod) = objects[i] { pod } else { nil } }
      for minimum in [1, 2, 3, 7, 4096] {
        var moved = objects
        let (pods, others) = moved.takePods(at: positions, minimum: minimum)
        #expect(pods == expected, "round \(round), \(minimum)")
        #expect(others == positions.filter { !isPod($0) }, "round \(round), \(minimum)")
        let taken = Set(positions.filter(isPod))
        #expect(moved.indices.allSatisfy { moved[$0] == (taken.contains($0) ? .vacated : objects[$0]) })
      }
    }
  }
}

