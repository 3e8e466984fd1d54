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
}
