/// Something the run left out of the zones, with the reason: an endpoint
/// that is not ready, a name that breaks the rules, a PTR a conflict gave
/// to another object. Recorded only when provenance is on; `explain`
/// shows the ones related to the name or address asked about.
public struct Exclusion: Sendable, Hashable {
  public var reason: ExclusionReason
  /// The objects concerned, the one left out first.
  public var objects: [ObjectReference]
  /// Owners the left-out records would have had, as far as they are known.
  public var names: [DomainName]
  /// Names whose whole subtree is concerned: a Service left out entirely
  /// concerns its name and every endpoint, SRV and port name under it.
  public var subtrees: [DomainName]
  /// Addresses the left-out records would have held.
  public var addresses: [IPAddress]

  public init(
    _ reason: ExclusionReason, objects: [ObjectReference], names: [DomainName] = [],
    subtrees: [DomainName] = [], addresses: [IPAddress] = []
  ) {
    self.reason = reason
    self.objects = objects
    self.names = names
    self.subtrees = subtrees
    self.addresses = addresses
  }

  /// An object a filter (`--namespaces`, `--selector`, ...) left out.
  ///
  /// The seam for the filters of issue 10 part 1: each of the pipeline's
  /// filter exclusions (object identity + reason) becomes one of these,
  /// so `explain` relates it to the names under a Service or namespace,
  /// and to `addresses` (a Service's cluster IPs, a Pod's IPs) with their
  /// PTRs and pod records.
  public static func filtered(
    _ object: ObjectReference, filter: String, detail: String, domain: DomainName, addresses: [IPAddress] = []
  ) -> Exclusion {
    var subtrees: [DomainName] = []
    var names = addresses.map(\.reverseName)
    switch object.kind {
    case "Service":
      if let base = try? domain.prepending([object.name, object.namespace, "svc"]) { subtrees.append(base) }
    case "Namespace":
      for kind in ["svc", "pod"] {
        if let name = try? domain.prepending([object.name, kind]) { subtrees.append(name) }
      }
    case "Pod":
      names += addresses.compactMap { try? domain.prepending([$0.dashed, object.namespace, "pod"]) }
    default:
      break
    }
    return Exclusion(
      .filtered(filter: filter, detail: detail), objects: [object], names: names, subtrees: subtrees,
      addresses: addresses)
  }
}
