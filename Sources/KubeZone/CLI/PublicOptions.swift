/// The public-zone options of `generate`, `diff` and `explain` (also
/// config-file keys; `--zone` is `zones:`) and how their values become
/// `PublicNameOptions`. See docs/public-zones.md.
enum PublicOptions {
  static let specs: [OptionSpec] = [
    OptionSpec("zone", .repeated, value: "NAME", help: "A public zone to write beside the cluster zone, with the hostnames ExternalDNS would publish (LoadBalancer Services, Ingresses, Gateway routes) and --static records, e.g. --zone example.com (repeatable; config key zones). A name in two zones goes to the longer; a zone may not be, hold or lie inside the cluster domain or a reverse zone. Without it no public zone is written.").configKey("zones"),
    OptionSpec("source", .repeated, value: "service,ingress,gateway,node", help: "The objects public names come from, e.g. --source service,node.", default: "service,ingress,gateway"),
    OptionSpec("annotation-prefix", .single, value: "PREFIX", help: "Read ExternalDNS's annotations (hostname, ttl, target, ...) under this prefix only, e.g. --annotation-prefix dns.example.com/.", default: "external-dns.kubernetes.io/, then external-dns.alpha.kubernetes.io/"),
    OptionSpec("fqdn-template", .repeated, value: "TEMPLATE", help: "Public name of objects without a hostname annotation, in kubezone's template language, e.g. --fqdn-template '{{name}}.{{namespace}}.example.com' (repeatable, one template per flag).").oneValuePerFlag(),
    OptionSpec("annotation-filter", .single, value: "SELECTOR", help: "Publish public names only of objects whose annotations match, in kubectl's selector syntax, e.g. --annotation-filter 'kubernetes.io/ingress.class in (public)'."),
    OptionSpec("label-filter", .single, value: "SELECTOR", help: "Publish public names only of objects whose labels match, in kubectl's selector syntax, e.g. --label-filter 'expose=public'."),
    OptionSpec("static", .repeated, value: "FILE", help: "A zone file or fragment of hand-kept records (MX, TXT, www, the apex NS and SOA) merged into the public zone each record belongs to (repeatable, one file per flag); relative names take the file's $ORIGIN, else the only --zone.").oneValuePerFlag(),
  ]

  /// Names of the options that only matter with `--zone`.
  static let dependents = specs.map(\.name).filter { $0 != "zone" }

  static func options(
    from args: ParsedArguments, domain: DomainName, reverse: [CIDR]?, ttl: UInt32?, command: String
  ) throws(KubeZoneFailure) -> PublicNameOptions {
    func usage(_ message: String) -> KubeZoneFailure { .usage(UsageError(message, command: command)) }
    var options = PublicNameOptions()
    for text in args.all("zone").map({ $0.trimmingSpaces() }) {
      let zone = try zoneName(text, command: command)
      if let problem = PublicZoneSet.problem(zone, clusterDomain: domain) { throw usage(problem) }
      for cidr in reverse ?? [] {
        if let problem = PublicZoneSet.problem(zone, reverseZone: cidr.zoneName) { throw usage(problem) }
      }
      options.zones.append(zone)
    }
    if args.values["source"] != nil {
      var sources: Set<PublicSourceKind> = []
      for text in args.all("source").map({ $0.trimmingSpaces() }) where !text.isEmpty {
        guard let kind = PublicSourceKind(rawValue: text) else {
          let known = PublicSourceKind.allCases.map(\.rawValue).joined(separator: ", ")
          throw usage("--source '\(text.escapedForMessage)' is not a source; choose from \(known)")
        }
        sources.insert(kind)
      }
      guard !sources.isEmpty else { throw usage("--source needs at least one of service, ingress, gateway, node") }
      options.sources = sources
    }
    if let prefix = args.value("annotation-prefix") {
      guard !prefix.isEmpty, !prefix.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
        throw usage("--annotation-prefix '\(prefix.escapedForMessage)' is not an annotation prefix such as external-dns.kubernetes.io/")
      }
      options.annotationPrefix = prefix
    }
    for (i, text) in args.all("fqdn-template").enumerated() {
      do {
        options.fqdnTemplates.append(try Template(text, file: "--fqdn-template #\(i + 1)"))
      } catch {
        throw usage("--fqdn-template '\(text.escapedForMessage)': \(error.message)")
      }
    }
    options.annotationFilter = try FilterOptions.selector(args, "annotation-filter", command: command)
    options.labelFilter = try FilterOptions.selector(args, "label-filter", command: command)
    options.staticFiles = args.all("static")
    if let ttl { options.ttl = ttl }
    if options.zones.isEmpty, let given = dependents.first(where: { args.values[$0] != nil }) {
      throw usage("--\(given) needs --zone: public names are written only into the zones you name")
    }
    return options
  }

  /// A zone name: letters, digits, dashes and underscores, one label at
  /// least (`lan` is a zone); no escapes, which would hide a dot.
  private static func zoneName(_ text: String, command: String) throws(KubeZoneFailure) -> DomainName {
    guard !text.contains("\\"), let zone = try? DomainName(text), !zone.labels.isEmpty,
      zone.labels.allSatisfy({ label in label.allSatisfy { isZoneOctet($0) } && label.first != UInt8(ascii: "-") })
    else {
      throw .usage(UsageError("--zone '\(text.escapedForMessage)' is not a valid zone name, such as example.com or lan", command: command))
    }
    guard zone.wireLength <= GenerateOptions.maxDomainWireLength else {
      throw .usage(UsageError("--zone '\(text.escapedForMessage)' is \(zone.wireLength) octets long; at most \(GenerateOptions.maxDomainWireLength) leave room for the zone file's name", command: command))
    }
    return zone
  }

  private static func isZoneOctet(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "_"):
      true
    default: false
    }
  }
}
