/// One record a public-name source asks for: one target of one of
/// ExternalDNS's endpoints (a name, a type, a target, an optional TTL),
/// with the object and the field it came from.
///
/// Sources produce these unmerged: two objects naming the same host give
/// two records, and `PublicRecordMerger` decides what the zone holds.
public struct PublicRecord: Sendable, Hashable {
  public var owner: DomainName
  public var data: RData
  /// From the ttl annotation; nil for the zone's default TTL.
  public var ttl: UInt32?
  public var origin: PublicOrigin

  public init(owner: DomainName, data: RData, ttl: UInt32? = nil, origin: PublicOrigin) {
    self.owner = owner
    self.data = data
    self.ttl = ttl
    self.origin = origin
  }

  public var type: RRType { data.type }
}

/// Why a public record exists: the object, and what in it named the host.
public struct PublicOrigin: Sendable, Hashable, CustomStringConvertible {
  /// The object whose hostname this is (the Service, Ingress, route, Node).
  public var object: ObjectReference
  /// The rule in words, for `--verbose` and `explain`: "hostname
  /// annotation", "Ingress rule host", "HTTPRoute hostname via Gateway gw".
  public var rule: String
  /// Where the name was read (the annotation value, the rule's `host`);
  /// the object's start when the name came from a template.
  public var location: SourceLocation

  public init(object: ObjectReference, rule: String, location: SourceLocation) {
    self.object = object
    self.rule = rule
    self.location = location
  }

  /// `Service web/shop (web.yaml:1:1), hostname annotation at web.yaml:6:40`
  public var description: String {
    location == object.location ? "\(object), \(rule)" : "\(object), \(rule) at \(location)"
  }
}
