/// What `--zone`, `--source`, the annotation options, `--fqdn-template`
/// and `--static` ask for. Without zones public names are off and every
/// other field is ignored: output is what it was before public names.
public struct PublicNameOptions: Sendable {
  /// `--zone`: the public zones kubezone owns; empty turns public names off.
  public var zones: [DomainName]
  /// `--source`.
  public var sources: Set<PublicSourceKind>
  /// `--annotation-prefix`: nil reads `external-dns.kubernetes.io/` and,
  /// where that is absent, `external-dns.alpha.kubernetes.io/`.
  public var annotationPrefix: String?
  /// `--fqdn-template`, one per flag: names for objects without a hostname
  /// annotation, in kubezone's template language.
  public var fqdnTemplates: [Template]
  /// `--annotation-filter`: only objects whose annotations match.
  public var annotationFilter: LabelSelector?
  /// `--label-filter`: only objects whose labels match.
  public var labelFilter: LabelSelector?
  /// `--static`: zone files or fragments merged into the zones they belong to.
  public var staticFiles: [String]
  /// The public zones' `$TTL`, SOA minimum and the TTL of records that
  /// carry none: `--ttl` when given, else `defaultTTL`.
  public var ttl: UInt32 = PublicNameOptions.defaultTTL

  /// 300 seconds: what most ExternalDNS providers (Route 53, Google,
  /// Azure) give a record without a ttl annotation.
  public static let defaultTTL: UInt32 = 300

  public init(
    zones: [DomainName] = [], sources: Set<PublicSourceKind> = PublicSourceKind.defaults,
    annotationPrefix: String? = nil, fqdnTemplates: [Template] = [], annotationFilter: LabelSelector? = nil,
    labelFilter: LabelSelector? = nil, staticFiles: [String] = []
  ) {
    self.zones = zones
    self.sources = sources
    self.annotationPrefix = annotationPrefix
    self.fqdnTemplates = fqdnTemplates
    self.annotationFilter = annotationFilter
    self.labelFilter = labelFilter
    self.staticFiles = staticFiles
  }

  /// True when public names are on.
  public var isEnabled: Bool { !zones.isEmpty }
}
