/// ExternalDNS's node source (source/node.go), only with `--source node`:
/// each Node's name (or the templates' names instead) points at its
/// `target` annotation's targets, else its ExternalIP addresses, else its
/// InternalIP addresses (`nodeAddresses`).
enum NodePublicSource {
  static func records(
    _ node: ClusterNode, options: PublicNameOptions, templates: PublicFQDNTemplates, into sink: inout PublicRecordSink
  ) throws(InputError) {
    guard let subject = try PublicSubject.make(kind: "Node", node.meta, annotations: node.annotations, options: options, into: &sink) else { return }
    let override = try subject.annotations.targets(of: subject.reference, into: &sink)
    var targets = override.targets
    if !override.present {
      var external: [PublicTarget] = [], internalIPs: [PublicTarget] = []
      for a in node.addresses where a.type == "ExternalIP" || a.type == "InternalIP" {
        guard let t = try PublicTarget.readAddress(a.address, "\(a.type) address", of: subject.reference, into: &sink) else { continue }
        if a.type == "ExternalIP" { external.append(t) } else { internalIPs.append(t) }
      }
      targets = external.isEmpty ? internalIPs : external
    }
    // ExternalDNS: with an fqdn template the template's names replace the
    // node's own name.
    let hosts = options.fqdnTemplates.isEmpty
      ? [FieldText(node.meta.name, at: node.meta.location)] : try templates.names(subject, kind: "Node", into: &sink)
    for host in hosts {
      try subject.add(host, targets, rule: options.fqdnTemplates.isEmpty ? "Node name" : "fqdn template", into: &sink)
    }
  }
}
