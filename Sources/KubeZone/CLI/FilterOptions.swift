/// The publication filters of `generate` and `diff`: their options (also
/// config-file keys) and how their values become a `PublicationFilter`.
enum FilterOptions {
  static let specs: [OptionSpec] = [
    OptionSpec("namespaces", .repeated, value: "NS,...", help: "Publish only these namespaces (CoreDNS 'namespaces'), e.g. --namespaces prod,staging. Not to be confused with --namespace."),
    OptionSpec("exclude-namespaces", .repeated, value: "NS,...", help: "Never publish these namespaces, e.g. --exclude-namespaces kube-system,monitoring."),
    OptionSpec("selector", short: "l", .single, value: "SELECTOR", help: "Publish only Services whose labels match, with their endpoints (CoreDNS 'labels'; EndpointSlices must match too, by their own labels), in kubectl's syntax, e.g. -l 'app in (web,api),tier!=cache'."),
    OptionSpec("namespace-selector", .single, value: "SELECTOR", help: "Publish only namespaces whose labels match (CoreDNS 'namespace_labels'), e.g. --namespace-selector env=prod; needs the Namespace objects among the inputs (kubectl get namespaces -o yaml)."),
    OptionSpec("no-endpoints", .flag, help: "Publish no endpoints (CoreDNS 'noendpoints'): no headless Service, no endpoint names, no endpoint PTRs; e.g. --no-endpoints to mirror only service addresses."),
    OptionSpec("ignore-empty-services", .flag, help: "Leave out ClusterIP, NodePort and LoadBalancer Services without a ready endpoint (CoreDNS 'ignore empty_service'), e.g. --ignore-empty-services so clients fall through to their next search domain."),
  ]

  static func filter(from args: ParsedArguments, command: String) throws(KubeZoneFailure) -> PublicationFilter {
    func usage(_ message: String, caret: Int? = nil) -> KubeZoneFailure {
      .usage(UsageError(message, command: command, caret: caret))
    }
    var filter = PublicationFilter()
    if args.values["namespaces"] != nil {
      filter.namespaces = try namespaces(args, "namespaces", command: command)
    }
    if args.values["exclude-namespaces"] != nil {
      filter.excludedNamespaces = try namespaces(args, "exclude-namespaces", command: command)
    }
    filter.selector = try selector(args, "selector", command: command)
    filter.namespaceSelector = try selector(args, "namespace-selector", command: command)
    if filter.namespaces != nil && filter.namespaceSelector != nil {
      throw usage("--namespaces and --namespace-selector cannot both be set (CoreDNS refuses 'namespaces' with 'namespace_labels' too); use one, and --exclude-namespaces beside it if needed")
    }
    filter.noEndpoints = args.flag("no-endpoints")
    filter.ignoreEmptyServices = args.flag("ignore-empty-services")
    return filter
  }

  /// The namespaces of a list option: DNS-1123 labels, at least one.
  private static func namespaces(_ args: ParsedArguments, _ name: String, command: String) throws(KubeZoneFailure) -> Set<String> {
    let names = args.all(name).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    guard !names.isEmpty else {
      throw .usage(UsageError("--\(name) needs at least one namespace, e.g. --\(name) prod,staging", command: command))
    }
    for n in names where !NameRules.isDNS1123Label(n) {
      throw .usage(UsageError("--\(name): '\(n.escapedForMessage)' is not a namespace name (a DNS-1123 label)", command: command))
    }
    return Set(names)
  }

  /// A parsed selector option; a malformed one is a usage error with a
  /// caret under its first wrong character.
  static func selector(_ args: ParsedArguments, _ name: String, command: String) throws(KubeZoneFailure) -> LabelSelector? {
    guard let text = args.value(name) else { return nil }
    if text.trimmingSpaces().isEmpty {
      throw .usage(UsageError("--\(name) is empty; leave it out to publish everything, or give a selector such as app=web", command: command))
    }
    do {
      return try LabelSelector(text)
    } catch {
      let quoted = "--\(name) '"
      let before = String(decoding: Array(text.utf8)[..<min(error.offset, text.utf8.count)], as: UTF8.self)
      let message = quoted + text.escapedForMessage(limit: nil) + "': " + error.message
      throw .usage(UsageError(message, command: command, caret: quoted.count + before.escapedForMessage(limit: nil).count))
    }
  }
}
