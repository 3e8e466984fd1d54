/// What to synthesize, set by `kubezone generate`'s options.
public struct SynthesisOptions: Sendable {
  /// Which record families to write; see `docs/records.md`, Profiles.
  public enum Profile: String, Sendable, CaseIterable {
    /// Everything CoreDNS's kubernetes plugin answers (the default).
    case coredns
    /// Only what the Kubernetes DNS specification 1.1.0 requires.
    case spec
  }

  public var domain: DomainName
  public var ttl: UInt32
  public var profile: Profile
  /// CoreDNS `pods verified`: `<a-b-c-d>.<ns>.pod.<zone>` records.
  public var podRecords: Bool
  /// CoreDNS `endpoint_pod_names`: name endpoints after their pods.
  public var endpointPodNames: Bool
  /// Keep which objects and rule made each record, and what was left out
  /// and why (`explain`, `diff --explain`). Off for `generate`, which
  /// then builds none of it.
  public var provenance = false

  public init(
    domain: DomainName, ttl: UInt32 = 30, profile: Profile = .coredns,
    podRecords: Bool = false, endpointPodNames: Bool = false
  ) {
    self.domain = domain
    self.ttl = ttl
    self.profile = profile
    self.podRecords = podRecords
    self.endpointPodNames = endpointPodNames
  }

  /// TTL of the `dns-version` TXT record, fixed by the specification.
  public static let schemaTTL: UInt32 = 28800
  public static let schemaVersion = "1.1.0"
}
