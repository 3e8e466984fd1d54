/// ExternalDNS's ingress source (source/ingress.go, `endpointsFromIngress`):
/// every `spec.rules[].host`, every `spec.tls[].hosts[]` and every name of
/// the `hostname` annotation point at the Ingress's targets: the `target`
/// annotation's, else `status.loadBalancer.ingress` (IPs as A/AAAA,
/// hostnames as CNAME).
///
/// `ingress-hostname-source: defined-hosts-only` keeps only the spec's
/// hosts, `annotation-only` only the annotation's; any other value gives
/// nothing (as ExternalDNS). Every Ingress is read, whatever its class:
/// ExternalDNS's `--ingress-class` is not offered.
enum IngressPublicSource {
  static func records(
    _ ingress: Ingress, options: PublicNameOptions, templates: PublicFQDNTemplates, into sink: inout PublicRecordSink
  ) throws(InputError) {
    guard let subject = try PublicSubject.make(kind: "Ingress", ingress.meta, annotations: ingress.annotations, options: options, into: &sink) else { return }
    let override = try subject.annotations.targets(of: subject.reference, into: &sink)
    let targets = override.present
      ? override.targets : try ServicePublicSource.statusTargets(ingress.loadBalancer, subject.reference, into: &sink)
    var hosts: [(FieldText, String)] = []
    let source = subject.annotations[.ingressHostnameSource]?.text.lowercased()
    if source == nil || source == "defined-hosts-only" {
      hosts += ingress.ruleHosts.map { ($0, "Ingress rule host") }
      hosts += ingress.tlsHosts.map { ($0, "Ingress TLS host") }
    }
    if source == nil || source == "annotation-only" {
      hosts += subject.annotations.hostnames(.hostname).map { ($0, "hostname annotation") }
    }
    if let source, source != "defined-hosts-only" && source != "annotation-only", let field = subject.annotations[.ingressHostnameSource] {
      try sink.reject(
        "\(subject.reference.key): ingress-hostname-source '\(field.text.escapedForMessage)' is neither defined-hosts-only nor annotation-only, so ExternalDNS publishes no name of it",
        at: field.location)
    }
    let before = sink.records.count
    for (host, rule) in hosts {
      try subject.add(host, targets, rule: rule, into: &sink)
    }
    guard sink.records.count == before else { return }
    for host in try templates.names(subject, kind: "Ingress", into: &sink) {
      try subject.add(host, targets, rule: "fqdn template", into: &sink)
    }
  }
}
