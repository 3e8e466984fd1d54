/// Why one record exists: the rule that made it and the objects it came
/// from. A record several objects produce (the same SRV from two ports, a
/// shared address) has one origin for each.
public struct RecordOrigin: Sendable, Hashable {
  public var rule: RecordRule
  /// The Service (or the Pod of a pod record) first, then the object the
  /// endpoint was read from and the endpoint's Pod when it is in the input.
  public var objects: [ObjectReference]

  public init(rule: RecordRule, objects: [ObjectReference]) {
    self.rule = rule
    self.objects = objects
  }
}

/// One ready endpoint behind a record, as the rule text names it:
/// "headless Service, ready endpoint 10.1.2.3 from EndpointSlice web-x7k2p".
public struct EndpointDescription: Sendable, Hashable, CustomStringConvertible {
  public var ip: IPAddress
  public var headless: Bool
  public var sourceKind: ResolvedEndpoint.SourceKind
  public var sourceName: String

  init(_ ep: ResolvedEndpoint, headless: Bool) {
    ip = ep.ip
    self.headless = headless
    sourceKind = ep.sourceKind
    sourceName = ep.sourceName
  }

  public var description: String {
    "\(headless ? "headless" : "ClusterIP") Service, ready endpoint \(ip) from \(sourceKind.rawValue) \(sourceName)"
  }
}
