import Foundation

/// `kubezone generate`: objects in, zone files out.
enum GenerateCommand {
  static let spec = CommandSpec(
    name: "generate",
    abstract: "Write the zone files that cluster DNS would serve for Kubernetes objects.",
    usage: "kubezone generate [OPTIONS] INPUT...",
    options: [
      OptionSpec("out", short: "o", .single, value: "DIR", help: "Folder the zone files are written to.", default: "out"),
      OptionSpec("namespace", short: "n", .single, value: "NAME", help: "Namespace of objects that name none, as kubectl's --namespace.", default: "default"),
      OptionSpec("domain", .single, value: "NAME", help: "The cluster domain.", default: "cluster.local"),
      OptionSpec("ttl", .single, value: "SECONDS", help: "TTL of the records, and the SOA minimum.", default: "30"),
      OptionSpec("profile", .single, value: "coredns|spec", help: "coredns: everything CoreDNS answers; spec: the Kubernetes DNS specification 1.1.0 only.", default: "coredns"),
      OptionSpec("pod-records", .flag, help: "Also write <a-b-c-d>.<ns>.pod.<domain> records (CoreDNS 'pods verified')."),
      OptionSpec("endpoint-pod-names", .flag, help: "Name endpoints after their pods, not their IPs (CoreDNS 'endpoint_pod_names')."),
    ] + FilterOptions.specs + PublicOptions.specs + [
      OptionSpec("reverse-zone", .repeated, value: "CIDR", help: "A reverse zone to write, e.g. 10.96.0.0/16 or fd00:10::/64 (repeatable). Without it: one zone per /16 (IPv4) or /48 (IPv6) that holds a PTR."),
      OptionSpec("nameserver", .repeated, value: "NAME", help: "NS target of every zone (repeatable).", default: "ns.dns.<domain>, or kube-dns.kube-system.svc.<domain> when that service is published"),
      OptionSpec("nameserver-address", .repeated, value: "IP", help: "Address record for an in-zone nameserver (repeatable).", default: "127.0.0.1 for ns.dns.<domain>"),
      OptionSpec("serial", .single, value: "N", help: "Force this SOA serial on every changed zone.", default: "from --serial-scheme"),
      OptionSpec("templates", .single, value: "DIR", help: "Folder with your own templates: zone.header, and for --emit named.conf.zones, Corefile, knot.conf.zones, nsd.conf.zones and pdns.bind.conf (built-in ones are used for those it lacks)."),
      OptionSpec("strict", .flag, help: "Fail on objects whose names break Kubernetes' naming rules, instead of skipping them."),
      OptionSpec("quiet", short: "q", .flag, help: "Print errors only."),
      OptionSpec("verbose", short: "v", .flag, help: "Also print notes: overrides of duplicate objects, skipped kinds, each object the filters left out and why."),
      OptionSpec("config", .single, value: "FILE", help: "YAML file setting any option by its long name (domain: cluster.local); flags given here override it."),
    ] + LifecycleOptions.writeOptionSpecs,
    discussion: """
      INPUT is a file, a folder (read recursively for *.yaml, *.yml, *.json in
      sorted order) or - for standard input. Files hold one object, a List, or
      several YAML documents. Standard input from a pipe is read as it
      arrives, into memory on transparent huge pages; what cannot be given
      back as it is read goes to an unnamed file in $TMPDIR (else /tmp), and
      all of it with KUBEZONE_SPOOL=file in the environment. A zone whose
      records did not change is left untouched (same bytes, same serial);
      changed zones get a new serial and are all replaced at once, under a
      lock on the output folder. Exit codes: 0 done (with --check: nothing
      would change), 1 files would change (--check), 2 invalid input or usage,
      or the --on-change command failed (the zones are written), 3 refused by
      a safety guard.
      """)

  static func run(_ parsed: ParsedArguments, console: Console) throws(KubeZoneFailure) -> ExitCode {
    let args = try ConfigFile.apply(parsed, spec: spec)
    guard !args.positionals.isEmpty else {
      throw .usage(UsageError("generate needs at least one INPUT (a file, a folder, or - for stdin)", command: "generate"))
    }
    var request = try GenerateOptions.request(from: args)
    if console.errIsTerminal && !args.flag("quiet") { request.progress = ProgressLine.sink(console) }
    let lifecycle = try LifecycleOptions.from(args, now: Clock.now())
    let outcome = try KubeZoneFailure.wrap { () throws(InputError) in try Pipeline.generate(request) }
    let verbose = args.flag("verbose")
    let quiet = args.flag("quiet")
    if !quiet {
      for d in outcome.log.entries { console.err(d.description + "\n") }
      if verbose { for d in outcome.log.notes { console.err(d.description + "\n") } }
    }
    if !quiet && verbose {
      for e in outcome.exclusions { console.err(e.note.description + "\n") }
    }
    let folder = args.value("out") ?? "out"
    let check = args.flag("check")
    let plan = try ZoneLifecycle.run(
      zones: outcome.zones, serviceCount: outcome.serviceCount, header: request.header, folder: folder,
      options: lifecycle, checkOnly: check, filterNote: Summary.filterPhrase(outcome.exclusions))
    // Every record is freed off this thread, whichever way this returns:
    // the process is about to exit, and freeing 30k pods' zones took 20 ms
    // before it could. The box holds the last references once these go.
    defer { BackgroundRelease.release((consume outcome, consume plan)) }
    if !quiet {
      for w in plan.warnings { console.err("kubezone: warning: \(w)\n") }
      if verbose || check {
        for line in plan.descriptions { console.err("kubezone: \(folder)/\(line)\n") }
      }
    }
    if check {
      let changed = plan.entries.filter(\.status.changesFiles).count
      if !quiet {
        console.err("kubezone: --check: \(changed) of \(plan.entries.count) files would change; nothing written\n")
      }
      return changed > 0 ? .changesPending : .success
    }
    if !quiet {
      // The summary counts the zones of the inputs; the catalog lists them.
      let zoneEntries = plan.entries.filter { $0.zone != nil && $0.zone?.origin != lifecycle.catalog }
      let unchanged = zoneEntries.filter { $0.status == .unchanged }.count
      let pruned = plan.removedPaths.count
      console.err(Summary.line(outcome, folder: folder, unchanged: unchanged, pruned: pruned) + "\n")
    }
    if let command = lifecycle.onChange, OnChangeCommand.isDue(plan) {
      do {
        try OnChangeCommand.run(command, zones: plan.changedZones)
      } catch {
        console.err("kubezone: error: \(error)\n")
        return .invalidInput
      }
    }
    return .success
  }
}
