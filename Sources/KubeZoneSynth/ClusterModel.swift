/// The layout of a synthetic cluster: which service each pod belongs to,
/// names, addresses and kinds, each a pure function of the seed and an
/// index, so pods, services and slices agree without being held in memory.
///
/// Services: ~80% ClusterIP, ~12% headless (half of them StatefulSets whose
/// pods set hostname and subdomain), ~4% NodePort, ~4% ExternalName. Pods
/// are spread evenly over the services in contiguous groups; pods of an
/// ExternalName group belong to no service.
public struct ClusterModel: Sendable {
  public let spec: SnapshotSpec

  public init(_ spec: SnapshotSpec) {
    self.spec = spec
  }

  public enum ServiceKind: Sendable, Equatable {
    case clusterIP, nodePort, headless, statefulSet, externalName
  }

  static let words = [
    "api", "web", "cache", "db", "auth", "search", "queue", "billing", "cart", "checkout",
    "catalog", "gateway", "metrics", "mail", "media", "orders", "profile", "ranking", "session", "stream",
  ]

  /// A deterministic 64-bit hash of the seed, an index and a salt (SplitMix64).
  public func random(_ index: Int, _ salt: UInt64) -> UInt64 {
    var z = spec.seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  public func serviceKind(_ s: Int) -> ServiceKind {
    switch random(s, 1) % 100 {
    case 0..<80: .clusterIP
    case 80..<86: .headless
    case 86..<92: .statefulSet
    case 92..<96: .nodePort
    default: .externalName
    }
  }

  public func serviceName(_ s: Int) -> String { "\(Self.words[Int(random(s, 2) % 20)])-\(s)" }
  public func namespace(ofService s: Int) -> String { "team-\(s / 20)" }

  /// The service whose group holds pod `p`.
  public func service(ofPod p: Int) -> Int {
    spec.services == 0 ? 0 : p * spec.services / max(spec.pods, 1)
  }

  /// The pods of service `s`: a contiguous range.
  public func pods(ofService s: Int) -> Range<Int> {
    let n = spec.pods, m = max(spec.services, 1)
    // Smallest p with p * m / n >= s.
    func first(_ s: Int) -> Int { (s * n + m - 1) / m }
    return first(s)..<min(first(s + 1), n)
  }

  /// Pod names: `<service>-<index>` in a StatefulSet, else a ReplicaSet-style name.
  public func podName(_ p: Int) -> String {
    let s = service(ofPod: p)
    if serviceKind(s) == .statefulSet { return "\(serviceName(s))-\(p - pods(ofService: s).lowerBound)" }
    return "\(serviceName(s))-\(templateHash(s))-\(suffix(random(p, 3), 5))"
  }

  public func templateHash(_ s: Int) -> String { suffix(random(s, 4), 10) }

  func suffix(_ r: UInt64, _ n: Int) -> String {
    let alphabet = Array("bcdfghjklmnpqrstvwxz2456789".utf8)
    var r = r
    var out: [UInt8] = []
    for _ in 0..<n {
      out.append(alphabet[Int(r % UInt64(alphabet.count))])
      r /= UInt64(alphabet.count)
    }
    return String(decoding: out, as: UTF8.self)
  }

  public func uid(_ index: Int, _ salt: UInt64) -> String {
    let a = random(index, salt), b = random(index, salt + 1000)
    func hex(_ v: UInt64, _ n: Int) -> String {
      let s = String(v, radix: 16)
      return String(repeating: "0", count: max(0, n - s.count)) + s.suffix(n)
    }
    return "\(hex(a >> 32, 8))-\(hex(a >> 16 & 0xFFFF, 4))-4\(hex(a & 0xFFF, 3))-a\(hex(b >> 52, 3))-\(hex(b & 0xFFFF_FFFF_FFFF, 12))"
  }

  /// Pod phase: ~1% Pending without an address, the rest Running.
  public func isPending(_ p: Int) -> Bool { random(p, 5) % 100 == 0 }
  public func isReady(_ p: Int) -> Bool { !isPending(p) && Int(random(p, 6) % 100) >= spec.notReadyPercent }

  public func podIPv4(_ p: Int) -> String { "10.\(64 + (p >> 16)).\(p >> 8 & 255).\(p & 255)" }
  public func podIPv6(_ p: Int) -> String { "fd00:10:244::\(String(p + 1, radix: 16))" }
  public func clusterIPv4(_ s: Int) -> String { let v = s + 10; return "10.\(96 + (v >> 16)).\(v >> 8 & 255).\(v & 255)" }
  public func clusterIPv6(_ s: Int) -> String { "fd00:10:96::\(String(s + 10, radix: 16))" }

  public var nodeCount: Int { max(1, spec.pods / 30) }
  public func nodeName(ofPod p: Int) -> String { "node-\(Int(random(p, 7) % UInt64(nodeCount)))" }
  public func hostIP(ofPod p: Int) -> String {
    let n = Int(random(p, 7) % UInt64(nodeCount))
    return "192.168.\(n >> 8).\(n & 255)"
  }

  /// The port the workload listens on, and its name on the container.
  public func containerPort(_ s: Int) -> (name: String, port: Int) {
    switch serviceKind(s) {
    case .headless, .statefulSet: ("db", 5432)
    default: ("http", 8080)
    }
  }
}
