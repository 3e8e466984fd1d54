import Foundation

/// `kubezone diff`: what `generate` would change, or how two zone files or
/// folders differ, record by record. Writes nothing.
///
/// Which comparison runs is decided by the arguments alone: with `--zones`,
/// or when there are exactly two arguments that are both `*.zone` files or
/// both folders holding `*.zone` files and no manifests, they are OLD and
/// NEW zones; otherwise they are INPUT manifests compared with `--out`.
enum DiffCommand {
  /// Write options diff has no use for; `--emit catalog` and
  /// `--catalog-zone` stay, so the catalog zone is compared too.
  static let dropped: Set<String> = Set(LifecycleOptions.writeOptionSpecs.map(\.name))
    .subtracting(["emit", "catalog-zone", "prune"]).union(["serial", "config"])

  static let spec = CommandSpec(
    name: "diff",
    abstract: "Show the records generate would add and remove, or compare two zone files or folders.",
    usage: "kubezone diff [OPTIONS] INPUT...\n       kubezone diff [--zones] OLD NEW",
    options: GenerateCommand.spec.options.filter { !dropped.contains($0.name) && $0.name != "help" }.map(describeForDiff) + [
      OptionSpec("format", .single, value: "text|json|nsupdate", help: "text: -/+ record lines per zone and a summary; json: the same as one object; nsupdate: an RFC 2136 script that turns the old zones into the new.", default: "text"),
      OptionSpec("server", .single, value: "HOST[:PORT]", help: "With --format nsupdate: the server line of each update."),
      // Not a config key: `zones:` in a config file is --zone's.
      OptionSpec("zones", .flag, help: "Take the two arguments as OLD and NEW zone files or folders, whatever their names.").configKey(nil),
      OptionSpec("explain", .flag, help: "With INPUT manifests: follow each added record with the rule and the objects that made it (kind, namespace/name, file:line:col), as kubezone explain does; text and json formats."),
      OptionSpec("config", .single, value: "FILE", help: "YAML file setting options by their long names (as for generate)."),
    ],
    discussion: """
      Serials are ignored: a zone that differs only in its SOA serial is
      unchanged. OLD and NEW may be zone files from any tool (named-compilezone,
      hand-written); folders are compared zone by zone for *.zone files.
      Exit codes: 0 no changes, 1 changes, 2 invalid input or usage.
      """)

  /// `--out` is read, not written, by diff; of `--emit`, only the catalog matters.
  private static func describeForDiff(_ option: OptionSpec) -> OptionSpec {
    var o = option
    switch option.name {
    case "out": o.help = "Folder of zone files the inputs are compared with."
    case "emit": o.help = "With catalog: compare the catalog zone generate --emit catalog writes too; the other values are accepted (a shared --config) and ignored."
    case "prune": o.help = "Show every zone file the inputs no longer produce as removed, as generate --prune deletes them; without it, only those still in the catalog or a configuration in --out."
    default: break
    }
    return o
  }

  static func run(_ parsed: ParsedArguments, console: Console) throws(KubeZoneFailure) -> ExitCode {
    // The config file is usually generate's; its write options do not apply here.
    let args = try ConfigFile.apply(parsed, spec: spec, ignoring: dropped.subtracting(["config"]))
    func usage(_ message: String) -> KubeZoneFailure { .usage(UsageError(message, command: "diff")) }
    let formatText = args.value("format") ?? "text"
    guard let format = DiffFormatter.Format(rawValue: formatText) else {
      throw usage("--format must be text, json or nsupdate, not '\(formatText.escapedForMessage)'")
    }
    var server: NSUpdateServer?
    if let text = args.value("server") {
      guard let s = NSUpdateServer(text) else { throw usage("--server '\(text.escapedForMessage)' is not HOST or HOST:PORT") }
      server = s
    }
    guard !args.positionals.isEmpty else {
      throw usage("diff needs INPUT manifests, or OLD and NEW zone files or folders")
    }
    let explain = args.flag("explain")
    if explain && format == .nsupdate {
      throw usage("--explain goes with --format text or json, not nsupdate")
    }
    let diff: ZoneSetDiff
    var explainer: Explainer?
    if args.flag("zones") || ZoneComparison.looksLikeZones(args.positionals) {
      if explain {
        throw usage("--explain needs INPUT manifests: zone files do not say which objects made their records")
      }
      guard args.positionals.count == 2 else { throw usage("--zones compares exactly two files or folders: OLD NEW") }
      diff = try KubeZoneFailure.wrap { () throws(InputError) in
        try ZoneComparison.compare(args.positionals[0], args.positionals[1])
      }
    } else {
      (diff, explainer) = try manifestDiff(args, explain: explain, console: console)
    }
    switch format {
    case .text: console.out(DiffFormatter.text(diff, explainer: explainer))
    case .json: console.out(DiffFormatter.json(diff, explainer: explainer))
    case .nsupdate: console.out(DiffFormatter.nsupdate(diff, server: server))
    }
    return diff.hasChanges ? .changesPending : .success
  }

  /// The zones the inputs produce against the files in `--out`, and with
  /// `explain` the origins of their records.
  private static func manifestDiff(
    _ args: ParsedArguments, explain: Bool, console: Console
  ) throws(KubeZoneFailure) -> (ZoneSetDiff, Explainer?) {
    var request = try GenerateOptions.request(from: args, command: "diff")
    request.synthesis.provenance = explain
    let outcome = try KubeZoneFailure.wrap { () throws(InputError) in try Pipeline.generate(request) }
    if !args.flag("quiet") {
      for d in outcome.log.entries { console.err(d.description + "\n") }
      if args.flag("verbose") {
        for d in outcome.log.notes { console.err(d.description + "\n") }
        for e in outcome.exclusions { console.err(e.note.description + "\n") }
      }
    }
    let folder = args.value("out") ?? "out"
    let existing = ExistingZones.read(folder: folder)
    let lifecycle = try LifecycleOptions.from(args, now: 0, command: "diff")
    let produced = try ZoneLifecycle.withCatalog(outcome.zones, options: lifecycle, command: "diff")
    var zones: [ZoneDiff] = []
    for zone in produced {
      let old = existing.entries[zone.fileName]
      if let problem = old?.problem { throw .input(problem) }
      zones.append(ZoneDiff(origin: zone.origin, old: old?.contents?.records, new: zone.allRecords))
    }
    // A zone file the inputs no longer produce is removed when generate
    // would take it out of service (it is still in the catalog or a
    // configuration here) or, with --prune, delete it.
    let names = Set(produced.map(\.fileName))
    let stale = existing.entries.keys.filter { !names.contains($0) }
    let configs = ServerConfig.allCases.compactMap { FileBytes.read(folder + "/" + $0.fileName) }
    let leaving = lifecycle.prune ? Set(stale) : existing.listed(stale, catalog: lifecycle.catalog, configs: configs)
    for (name, old) in existing.entries where leaving.contains(name) {
      guard let contents = old.contents, let origin = contents.origin ?? ExistingZones.origin(fileName: name) else { continue }
      zones.append(ZoneDiff(origin: origin, old: contents.records, new: nil))
    }
    return (ZoneSetDiff(zones: zones), Explainer(outcome, request: request))
  }
}
