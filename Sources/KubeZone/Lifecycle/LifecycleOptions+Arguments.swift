/// The lifecycle options of `generate` (and the ones `diff` shares).
extension LifecycleOptions {
  /// Options that control writing; `diff` leaves them out.
  static let writeOptionSpecs: [OptionSpec] = [
    OptionSpec("serial-scheme", .single, value: "unixtime|date|increment", help: "How a changed zone's new SOA serial is made: seconds since 1970, YYYYMMDDnn, or the old one plus 1. Always greater than the old serial (RFC 1982); unchanged zones keep theirs. The clock honours SOURCE_DATE_EPOCH.", default: "unixtime"),
    OptionSpec("check", .flag, help: "Write nothing; exit 1 when files would change, 0 when none would."),
    OptionSpec("force", .flag, help: "Write even when a safety guard refuses (an empty snapshot, or a shrink beyond --max-shrink)."),
    OptionSpec("max-shrink", .single, value: "PERCENT", help: "Refuse to drop more than this share of the RRsets already written (checked from 10 RRsets on).", default: "30"),
    OptionSpec("lock-timeout", .single, value: "SECONDS", help: "How long to wait for another run's lock on the output folder.", default: "60"),
    OptionSpec("emit", .repeated, value: "bind,coredns,knot,nsd,powerdns,catalog", help: "Also write server configurations into the output folder: named.conf.zones (bind), Corefile (coredns), knot.conf.zones (knot), nsd.conf.zones (nsd), pdns.bind.conf (powerdns); catalog: an RFC 9432 catalog zone listing every zone written, for secondaries to follow."),
    OptionSpec("catalog-zone", .single, value: "NAME", help: "The name of the catalog zone --emit catalog writes (file NAME.zone).", default: CatalogZone.defaultName),
    OptionSpec("secondary", .repeated, value: "IP[:PORT]", help: "A secondary server the emitted configurations notify and allow to transfer the zones (repeatable); named.conf.zones also gets ixfr-from-differences.", default: "port 53"),
    OptionSpec("prune", .flag, help: "Delete the files of zones this run no longer produces (they leave the catalog and configurations either way)."),
    OptionSpec("on-change", .single, value: "CMD", help: "After a run that changed zones, run CMD with /bin/sh -c, the changed zone names in KUBEZONE_CHANGED_ZONES (not with --check)."),
    OptionSpec("zone-dir", .single, value: "DIR", help: "The folder the DNS server reads the zones from, as written into the server configurations.", default: "the output folder's absolute path"),
  ]

  /// What `--emit` takes, for its error message.
  static var emitValues: String { (ServerConfig.allCases.map(\.rawValue) + ["catalog"]).joined(separator: ", ") }

  /// Reads the lifecycle options from parsed arguments.
  static func from(_ args: ParsedArguments, now: Int64, command: String = "generate") throws(KubeZoneFailure) -> LifecycleOptions {
    func usage(_ message: String) -> KubeZoneFailure { .usage(UsageError(message, command: command)) }
    var options = LifecycleOptions(now: now)
    if let text = args.value("serial-scheme") {
      guard let scheme = SerialScheme(rawValue: text) else {
        throw usage("--serial-scheme must be unixtime, date or increment, not '\(text.escapedForMessage)'")
      }
      options.scheme = scheme
    }
    if let text = args.value("serial") {
      guard let n = UInt32(text) else {
        throw usage("--serial must be a whole number from 0 to \(UInt32.max), not '\(text.escapedForMessage)'")
      }
      options.forcedSerial = n
    }
    options.force = args.flag("force")
    if let text = args.value("max-shrink") {
      let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
      guard let n = Int(digits), (0...100).contains(n) else {
        throw usage("--max-shrink must be a percentage from 0 to 100, not '\(text.escapedForMessage)'")
      }
      options.guardOptions.maxShrinkPercent = n
    }
    if let text = args.value("lock-timeout") {
      guard let s = Double(text), s >= 0, s.isFinite else {
        throw usage("--lock-timeout must be a number of seconds, not '\(text.escapedForMessage)'")
      }
      options.lockTimeout = s
    }
    var catalog = false
    for text in args.all("emit") {
      if text.trimmingSpaces() == "catalog" {
        catalog = true
        continue
      }
      guard let config = ServerConfig(rawValue: text.trimmingSpaces()) else {
        throw usage("--emit takes \(emitValues), not '\(text.escapedForMessage)'")
      }
      if !options.emit.contains(config) { options.emit.append(config) }
    }
    let catalogText = args.value("catalog-zone") ?? CatalogZone.defaultName
    let catalogName: DomainName
    do {
      catalogName = try DomainName(catalogText)
    } catch {
      throw usage("--catalog-zone '\(catalogText.escapedForMessage)' is not a domain name: \(error)")
    }
    // The name becomes a file name and a token in every configuration.
    guard catalogName != .root, catalogName.labels.allSatisfy(CatalogZone.isPlain) else {
      throw usage("--catalog-zone '\(catalogText.escapedForMessage)' must be made of letters, digits, '-' and '_'")
    }
    if catalog { options.catalog = catalogName }
    for text in args.all("secondary") {
      guard let secondary = Secondary(text.trimmingSpaces()) else {
        throw usage("--secondary takes IP, IP:PORT or [IPv6]:PORT, not '\(text.escapedForMessage)'")
      }
      if !options.secondaries.contains(secondary) { options.secondaries.append(secondary) }
    }
    options.prune = args.flag("prune")
    options.onChange = args.value("on-change")
    options.templates = args.value("templates")
    options.zoneDir = args.value("zone-dir")
    return options
  }
}
