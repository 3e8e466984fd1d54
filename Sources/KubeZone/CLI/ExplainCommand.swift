import Foundation

/// `kubezone explain`: the records at a name or holding an address, each
/// with the rule and the objects that made it; or, when there are none,
/// why the objects that nearly match made nothing. Writes nothing.
enum ExplainCommand {
  /// generate's options that only concern writing.
  static let dropped: Set<String> = Set(LifecycleOptions.writeOptionSpecs.map(\.name))
    .union(["out", "serial", "templates", "config", "help"])

  static let spec = CommandSpec(
    name: "explain",
    abstract: "Show which objects and rule made each record at a name or address, or why there is none.",
    usage: "kubezone explain NAME|IP [OPTIONS] INPUT...",
    options: GenerateCommand.spec.options.filter { !dropped.contains($0.name) } + [
      OptionSpec("format", .single, value: "text|json", help: "text: each record, then the rule and the objects behind it; json: the same as one object (see docs/explain.md).", default: "text"),
      OptionSpec("config", .single, value: "FILE", help: "YAML file setting options by their long names (as for generate; its write options are ignored)."),
    ],
    discussion: """
      NAME is an owner name, such as web.default.svc.cluster.local or the
      reverse name 5.1.244.10.in-addr.arpa; IP is an address, for which every
      A/AAAA record that holds it and its PTRs are shown. The inputs are read
      and the records made exactly as generate would with the same options
      (so pass the same --namespace, --domain, --profile, --reverse-zone...).
      Each record is followed by the rule that made it and the objects it came
      from: kind, namespace/name, file:line:col, and the definitions it
      overrides. The objects that nearly match (the pods an endpoint name or
      an address points at, the Service a name is under) and made nothing are
      listed under "left out" with the reason: not ready, terminating,
      selector mismatch, name skipped as invalid, PTR outside every
      --reverse-zone, conflict settled for another object, no endpoints.
      Nothing is written. Exit codes: 0 found, 1 nothing at that name or
      address, 2 invalid input or usage.

      EXAMPLES:
        kubezone explain web.default.svc.cluster.local manifests/
        kubezone explain 10.244.1.5 --namespace test snapshot.json
        kubezone explain web-0.web.db.svc.cluster.local --format json snapshot/
      """)

  static func run(_ parsed: ParsedArguments, console: Console) throws(KubeZoneFailure) -> ExitCode {
    func usage(_ message: String) -> KubeZoneFailure { .usage(UsageError(message, command: "explain")) }
    guard let text = parsed.positionals.first else {
      throw usage("explain needs a NAME or IP, then at least one INPUT (a file, a folder, or - for stdin)")
    }
    guard let query = ExplainQuery(text) else {
      throw usage("'\(text.escapedForMessage)' is neither an IP address nor a domain name")
    }
    var rest = parsed
    rest.positionals.removeFirst()
    // The config file is usually generate's; its write options do not apply here.
    let args = try ConfigFile.apply(rest, spec: spec, ignoring: dropped.subtracting(["config", "help"]))
    guard !args.positionals.isEmpty else {
      throw usage("explain needs at least one INPUT after \(text.escapedForMessage) (a file, a folder, or - for stdin)")
    }
    let formatText = args.value("format") ?? "text"
    guard let format = ExplanationFormatter.Format(rawValue: formatText) else {
      throw usage("--format must be text or json, not '\(formatText.escapedForMessage)'")
    }
    var request = try KubeZoneFailure.renamingCommand("explain") { () throws(KubeZoneFailure) in
      try GenerateOptions.request(from: args)
    }
    request.synthesis.provenance = true
    let outcome = try KubeZoneFailure.wrap { () throws(InputError) in try Pipeline.generate(request) }
    if !args.flag("quiet") {
      for d in outcome.log.entries { console.err(d.description + "\n") }
      if args.flag("verbose") { for d in outcome.log.notes { console.err(d.description + "\n") } }
    }
    guard let explainer = Explainer(outcome, request: request) else {
      throw .input(InputError("the run kept no provenance", at: nil))
    }
    let explanation = explainer.explain(query)
    switch format {
    case .text: console.out(ExplanationFormatter.text(explanation))
    case .json: console.out(ExplanationFormatter.json(explanation))
    }
    return explanation.found ? .success : .nothingFound
  }
}
