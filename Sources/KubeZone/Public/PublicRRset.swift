/// One RRset a public zone holds, merged from the records of every object
/// that asked for it, with each object kept for messages and `explain`.
public struct PublicRRset: Sendable, Hashable {
  public var owner: DomainName
  public var type: RRType
  public var ttl: UInt32
  /// Each target once, in the order the objects were read.
  public var data: [RData]
  /// Every record's origin, in input order (one object may appear twice).
  public var origins: [PublicOrigin]
  /// What each of `origins` asked for: `explain` names, for each target,
  /// only the objects that gave it.
  public var asked: [RData]

  public init(owner: DomainName, type: RRType, ttl: UInt32, data: [RData], origins: [PublicOrigin], asked: [RData]) {
    self.owner = owner
    self.type = type
    self.ttl = ttl
    self.data = data
    self.origins = origins
    self.asked = asked
  }

  /// The origins of the records that asked for `target`, each once.
  public func origins(of target: RData) -> [PublicOrigin] {
    zip(origins, asked).filter { $0.1 == target }.map(\.0).uniqued()
  }

  /// The zone's records.
  public var records: [ResourceRecord] {
    data.map { ResourceRecord(owner: owner, ttl: ttl, data: $0) }
  }

  /// `Service web/a (a.yaml:1:1), hostname annotation at a.yaml:6:40; Ingress ...`
  var originList: String {
    origins.uniqued().map(\.description).joined(separator: "; ")
  }
}
