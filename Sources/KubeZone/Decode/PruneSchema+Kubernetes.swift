/// The fields the decoders read, as prune schemas for the fast readers.
///
/// Keep this in step with `ObjectDecoder` and the kind decoders: a field
/// they read that is missing here would silently read as absent. The
/// equivalence tests (`PerfEquivalenceTests`) decode every example and
/// synthetic snapshot both ways to catch that.
extension PruneSchema {
  /// One object of any kind kubezone reads.
  static let object = PruneSchema([
    ("apiVersion", .all),
    ("kind", .all),
    ("metadata", .fields(PruneSchema([
      ("name", .all), ("namespace", .all), ("labels", .all), ("uid", .all),
      ("resourceVersion", .all), ("deletionTimestamp", .all),
    ]))),
    ("spec", .fields(PruneSchema([
      // Pod
      ("containers", .fields(PruneSchema([("ports", .all)]))),
      ("hostname", .all), ("subdomain", .all),
      // Service
      ("type", .all), ("clusterIPs", .all), ("clusterIP", .all), ("ipFamilies", .all),
      ("ports", .all), ("externalName", .all), ("selector", .all),
      ("publishNotReadyAddresses", .all),
      // Workloads
      ("replicas", .all), ("serviceName", .all),
    ]))),
    ("status", .fields(PruneSchema([
      ("conditions", .fields(PruneSchema([("type", .all), ("status", .all)]))),
      ("phase", .all), ("podIPs", .all), ("podIP", .all),
    ]))),
    // EndpointSlice and Endpoints
    ("endpoints", .all), ("ports", .all), ("subsets", .all),
  ])

  /// `object` and what the public-name sources read besides (annotations,
  /// load balancer status, Ingress rules, Gateway listeners and addresses,
  /// route parents, Node addresses). Used only when public names are on,
  /// so a run without them reads exactly what it read before.
  static let publicObject = PruneSchema([
    ("apiVersion", .all),
    ("kind", .all),
    ("metadata", .fields(PruneSchema([
      ("name", .all), ("namespace", .all), ("labels", .all), ("uid", .all),
      ("resourceVersion", .all), ("deletionTimestamp", .all), ("annotations", .all),
    ]))),
    ("spec", .fields(PruneSchema([
      // Pod
      ("containers", .fields(PruneSchema([("ports", .all)]))),
      ("hostname", .all), ("subdomain", .all), ("nodeName", .all),
      // Service
      ("type", .all), ("clusterIPs", .all), ("clusterIP", .all), ("ipFamilies", .all),
      ("ports", .all), ("externalName", .all), ("selector", .all),
      ("publishNotReadyAddresses", .all), ("externalIPs", .all), ("externalTrafficPolicy", .all),
      // Workloads
      ("replicas", .all), ("serviceName", .all),
      // Ingress
      ("rules", .fields(PruneSchema([("host", .all)]))), ("tls", .fields(PruneSchema([("hosts", .all)]))),
      // Gateway and routes
      ("listeners", .all), ("hostnames", .all), ("parentRefs", .all),
      // Node
      ("unschedulable", .all),
    ]))),
    ("status", .fields(PruneSchema([
      ("conditions", .fields(PruneSchema([("type", .all), ("status", .all)]))),
      ("phase", .all), ("podIPs", .all), ("podIP", .all),
      ("loadBalancer", .all), ("addresses", .all),
      ("parents", .fields(PruneSchema([("parentRef", .all), ("conditions", .fields(PruneSchema([("type", .all), ("status", .all)])))]))),
    ]))),
    // EndpointSlice and Endpoints
    ("endpoints", .all), ("ports", .all), ("subsets", .all),
  ])
}
