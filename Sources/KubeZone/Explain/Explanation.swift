/// What `kubezone explain` found: the records that answer the query with
/// their origins, and what was left out that relates to it.
public struct Explanation: Sendable {
  public struct Entry: Sendable {
    /// The zone the record is written to.
    public var zone: DomainName
    public var record: ResourceRecord
    public var origins: [RecordOrigin]
  }

  public var query: ExplainQuery
  /// In zone order: the forward zone's records first, then the reverse zones'.
  public var records: [Entry]
  /// The exclusions that concern the query, each once.
  public var exclusions: [Exclusion]
  /// The other definitions of each object named above that was defined
  /// more than once: the ones the named definition overrides.
  public var overrides: [ObjectKey: [SourceLocation]]
  /// The zones written, so a name in none of them can be pointed out.
  public var zones: [DomainName]

  public var found: Bool { !records.isEmpty }

  /// True when the name lies in one of the zones (an address always does).
  public var isInAZone: Bool {
    guard case .name(let name) = query else { return true }
    return zones.contains { name.isSubdomain(of: $0) }
  }
}
