/// SRV data (RFC 2782): where a service runs, with priority and weight for
/// choosing among the records of one RRset.
public struct SRV: Sendable, Hashable {
  public var priority: UInt16
  public var weight: UInt16
  public var port: UInt16
  public var target: DomainName

  public init(priority: UInt16, weight: UInt16, port: UInt16, target: DomainName) {
    self.priority = priority
    self.weight = weight
    self.port = port
    self.target = target
  }
}
