extension ResourceRecord {
  /// The record as one self-contained zone-file line: absolute owner,
  /// TTL, class, type and data (`web.svc.cluster.local. 30 IN A 10.0.0.1`).
  public var zoneFileLine: String {
    "\(owner.description) \(ttl) IN \(type.rawValue) \(data.presentation)"
  }
}
