/// The objects of a run after de-duplication, indexed for resolving.
///
/// When one (kind, namespace, name) appears more than once, a live object
/// (with `uid` or `resourceVersion`) beats a manifest, and otherwise the
/// later input wins, as `kubectl apply` of the inputs in order would leave it.
/// A `PublicationFilter` is applied to the objects kept
/// (`Inventory+Filter.swift`); what it leaves out is listed in `exclusions`.
public struct Inventory: Sendable {
  // Set here and by the filter's extension.
  public internal(set) var services: [Service] = []
  public internal(set) var pods: [Pod] = []
  public internal(set) var endpointSlices: [EndpointSlice] = []
  public internal(set) var endpoints: [Endpoints] = []
  public internal(set) var workloads: [Workload] = []
  public internal(set) var namespaces: [ObjectMeta] = []
  // Only with public names on (the decoder reads these kinds only then).
  public internal(set) var ingresses: [Ingress] = []
  public internal(set) var gateways: [Gateway] = []
  public internal(set) var routes: [Route] = []
  public internal(set) var nodes: [ClusterNode] = []
  /// What the filter left out, in (kind, namespace, name) order.
  public internal(set) var exclusions: [FilterExclusion] = []

  /// Builds the inventory; overrides are noted in `log`, and duplicates
  /// with different addresses are warned about.
  public init(_ objects: consuming [KubernetesObject], log: inout DiagnosticLog) {
    // Not strict: reporting a conflict never throws.
    try? fill(consume objects, log: &log, conflicts: ConflictCheck(strict: false))
  }

  /// Builds the inventory, reporting duplicates through `conflicts` (which
  /// throws when strict). Taking the objects lets a caller that passes its
  /// last copy free them here.
  /// With `filter`, objects it leaves out are listed in `exclusions`
  /// instead; `podRecords` says whether pods get records of their own (the
  /// selector then decides which).
  init(
    _ objects: consuming [KubernetesObject], filter: PublicationFilter = PublicationFilter(), podRecords: Bool = false,
    log: inout DiagnosticLog, conflicts: ConflictCheck
  ) throws(InputError) {
    try fill(consume objects, filter: filter, podRecords: podRecords, log: &log, conflicts: conflicts)
  }

  private mutating func fill(
    _ objects: consuming [KubernetesObject], filter: PublicationFilter = PublicationFilter(), podRecords: Bool = false,
    log: inout DiagnosticLog, conflicts: ConflictCheck
  ) throws(InputError) {
    var objects = objects
    // Sorting every object's position by key (stable, on two cores) puts
    // each key's definitions side by side in input order, so duplicates
    // are settled in one walk with no table of keys. The API server lists
    // each kind by namespace and name, so the halves are mostly ascending
    // runs, which the stable sort merges in about one pass.
    let keys = objects.withUnsafeBufferPointer { all in
      let all = UnsafeSendable(all)
      return ParallelMap.build(count: all.value.count, minimum: 4096) { all.value[$0].key }
    }
    var positions = Array(keys.indices)
    positions.withUnsafeMutableBufferPointer { ParallelSort.sort($0) { keys[$0] < keys[$1] } }
    // Which sorted positions repeat the key before them, on all cores:
    // comparing long names was most of the walk below, on one core.
    let repeats = positions.withUnsafeBufferPointer { sorted in
      let sorted = UnsafeSendable(sorted)
      return ParallelMap.build(count: sorted.value.count, minimum: 4096) { j in
        j > 0 && keys[sorted.value[j]] == keys[sorted.value[j - 1]]
      }
    }
    // Each key's chosen position, in key order.
    var order: [Int] = []
    order.reserveCapacity(keys.count)
    // Duplicates are reported in input order, once every key is settled;
    // with a filter, once it is known which objects it leaves out: those
    // are not reported (nor fail a --strict run).
    var duplicates: [(object: Int, previous: Int, keepPrevious: Bool)] = []
    var run = 0
    while run < positions.count {
      let first = positions[run]
      var chosen = first
      var next = run + 1
      while next < positions.count, repeats[next] {
        let i = positions[next]
        let keepPrevious = objects[chosen].meta.isLive && !objects[i].meta.isLive
        duplicates.append((i, chosen, keepPrevious))
        if !keepPrevious { chosen = i }
        next += 1
      }
      order.append(chosen)
      run = next
    }
    duplicates.sort { $0.object < $1.object }
    if filter.isEmpty {
      for d in duplicates {
        try Self.reportDuplicate(objects, d.object, of: d.previous, keepPrevious: d.keepPrevious, log: &log, conflicts: conflicts)
      }
    }
    if filter.isEmpty {
      // Each kept object is moved out, not copied: `objects` is this
      // stage's only copy (the filtered path reports duplicates from it
      // afterwards, so it reads in place).
      // Pods are most objects: they are moved on all cores.
      let others: [Int]
      (pods, others) = objects.takePods(at: order)
      for i in others {
        switch objects.take(at: i) {
        case .service(let s): services.append(s)
        case .pod(let p): pods.append(p)
        case .endpointSlice(let e): endpointSlices.append(e)
        case .endpoints(let e): endpoints.append(e)
        case .workload(let w): workloads.append(w)
        case .namespace(let m): namespaces.append(m)
        case .ingress(let o): ingresses.append(o)
        case .gateway(let o): gateways.append(o)
        case .route(let o): routes.append(o)
        case .node(let o): nodes.append(o)
        }
      }
    } else {
      try appendFiltered(objects, keys: keys, order: order, filter: filter, podRecords: podRecords, log: &log)
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
    // Only the label keys some Service selects on are indexed.
    var selectorKeys: Set<String> = []
    for service in services {
      if let selector = service.selector { selectorKeys.formUnion(selector.keys) }
    }
    podIndex = PodLabelIndex(pods, ranges: podRanges, keys: selectorKeys)
    if !filter.isEmpty {
      filterEndpoints(filter, log: &log)
      exclusions.sort { $0.object < $1.object }
      let leftOut = duplicates.isEmpty ? [] : Set(exclusions.lazy.filter { $0.part == .all }.map(\.object))
      for d in duplicates where !leftOut.contains(objects[d.object].key) {
        try Self.reportDuplicate(objects, d.object, of: d.previous, keepPrevious: d.keepPrevious, log: &log, conflicts: conflicts)
      }
    }
    // The emptied objects, and a key per object.
    BackgroundRelease.release((consume objects, consume keys))
  }

  /// Notes which of two definitions of one object is used, and warns (or,
  /// strict, fails) when they differ in addresses.
  private static func reportDuplicate(
    _ objects: [KubernetesObject], _ i: Int, of p: Int, keepPrevious: Bool, log: inout DiagnosticLog,
    conflicts: ConflictCheck
  ) throws(InputError) {
    let key = objects[i].key
    let previous = objects[p].meta, object = objects[i].meta
    try conflicts.duplicate(objects[i], of: objects[p], keepPrevious: keepPrevious, log: &log)
    if keepPrevious {
      log.note("\(key) at \(previous.location) is kept: a live object wins over a manifest", at: object.location)
    } else {
      log.note("\(key) overrides the one at \(previous.location)", at: object.location)
    }
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
  /// The pods by label, for services' selectors.
  private(set) var podIndex = PodLabelIndex()
  /// `--no-endpoints`: no service has endpoints.
  var endpointsDisabled = false
  /// Services whose endpoints the filter left out (their EndpointSlices or
  /// Endpoints, or the slice the controller would make from their pods):
  /// they have none, and do not fall back to another source.
  var endpointsFiltered: Set<ServiceRef> = []
  /// Positions in `pods` of the pods that get no pod record.
  var withoutPodRecord: Set<Int> = []

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
