/// The objects of a run after de-duplication, indexed for resolving.
///
/// When one (kind, namespace, name) appears more than once, a live object
/// (with `uid` or `resourceVersion`) beats a manifest, and otherwise the
/// later input wins, as `kubectl apply` of the inputs in order would leave it.
public struct Inventory: Sendable {
  public private(set) var services: [Service] = []
  public private(set) var pods: [Pod] = []
  public private(set) var endpointSlices: [EndpointSlice] = []
  public private(set) var endpoints: [Endpoints] = []
  public private(set) var workloads: [Workload] = []
  public private(set) var namespaces: [ObjectMeta] = []

  /// Builds the inventory; overrides are noted in `log`, and duplicates
  /// with different addresses are warned about.
  public init(_ objects: consuming [KubernetesObject], log: inout DiagnosticLog) {
    // Not strict: reporting a conflict never throws.
    try? fill(objects, log: &log, conflicts: ConflictCheck(strict: false))
  }

  /// Builds the inventory, reporting duplicates through `conflicts` (which
  /// throws when strict). Taking the objects lets a caller that passes its
  /// last copy free them here.
  init(_ objects: consuming [KubernetesObject], log: inout DiagnosticLog, conflicts: ConflictCheck) throws(InputError) {
    try fill(objects, log: &log, conflicts: conflicts)
  }

  private mutating func fill(
    _ objects: [KubernetesObject], log: inout DiagnosticLog, conflicts: ConflictCheck
  ) throws(InputError) {
    // Positions, not objects, in the table: growing it then moves integers.
    var chosen: [ObjectKey: Int] = [:]
    chosen.reserveCapacity(objects.count)
    for i in objects.indices {
      let key = objects[i].key
      if let p = chosen[key] {
        let previous = objects[p].meta, object = objects[i].meta
        let keepPrevious = previous.isLive && !object.isLive
        try conflicts.duplicate(objects[i], of: objects[p], keepPrevious: keepPrevious, log: &log)
        if keepPrevious {
          log.note("\(key) at \(previous.location) is kept: a live object wins over a manifest", at: object.location)
          continue
        }
        log.note("\(key) overrides the one at \(previous.location)", at: object.location)
      }
      chosen[key] = i
    }
    for (_, i) in chosen.sorted(by: { $0.key < $1.key }) {
      switch objects[i] {
      case .service(let s): services.append(s)
      case .pod(let p): pods.append(p)
      case .endpointSlice(let e): endpointSlices.append(e)
      case .endpoints(let e): endpoints.append(e)
      case .workload(let w): workloads.append(w)
      case .namespace(let m): namespaces.append(m)
      }
    }
    // Sorted by (kind, namespace, name): each namespace's pods are one run.
    var start = 0
    while start < pods.count {
      let namespace = pods[start].meta.namespace
      var end = start + 1
      while end < pods.count, pods[end].meta.namespace == namespace { end += 1 }
      podRanges[namespace] = start..<end
      start = end
    }
    slicesByService = Dictionary(grouping: endpointSlices.filter { $0.serviceName != nil }) {
      ServiceRef(namespace: $0.meta.namespace, name: $0.serviceName ?? "")
    }
    endpointsByService = Dictionary(
      endpoints.map { (ServiceRef(namespace: $0.meta.namespace, name: $0.meta.name), $0) },
      uniquingKeysWith: { _, b in b })
  }

  /// A service's namespace and name, the key its endpoints are found by.
  struct ServiceRef: Hashable {
    var namespace: String
    var name: String
  }

  /// Where each namespace's pods sit in `pods`.
  private(set) var podRanges: [String: Range<Int>] = [:]
  private(set) var slicesByService: [ServiceRef: [EndpointSlice]] = [:]
  private(set) var endpointsByService: [ServiceRef: Endpoints] = [:]

  /// The pod `namespace/name`, if the input has it: a binary search, as
  /// each namespace's pods are sorted by name.
  func pod(namespace: String, name: String) -> Pod? {
    let pods = pods(in: namespace)
    var low = pods.startIndex
    var high = pods.endIndex
    while low < high {
      let mid = (low + high) / 2
      if pods[mid].meta.name < name { low = mid + 1 } else { high = mid }
    }
    return low < pods.endIndex && pods[low].meta.name == name ? pods[low] : nil
  }

  /// The pods of `namespace`, indexed by their positions in `pods`.
  func pods(in namespace: String) -> ArraySlice<Pod> {
    guard let range = podRanges[namespace] else { return [] }
    return pods[range]
  }
}
