/// The object kinds `--source` can choose, as ExternalDNS names its sources.
public enum PublicSourceKind: String, Sendable, Hashable, CaseIterable, Comparable {
  case service
  case ingress
  case gateway
  case node

  /// service, ingress and gateway: what a cluster publishes unless told.
  public static let defaults: Set<PublicSourceKind> = [.service, .ingress, .gateway]

  public static func < (a: Self, b: Self) -> Bool {
    (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
  }
}
