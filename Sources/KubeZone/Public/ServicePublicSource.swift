/// ExternalDNS's service source (source/service.go, `generateEndpoints`):
/// each name of the `hostname` annotation gets the service's public
/// targets, each name of `internal-hostname` its cluster IP.
///
/// | type | hostname | internal-hostname |
/// |---|---|---|
/// | LoadBalancer | `spec.externalIPs`, else `status.loadBalancer.ingress` ip and hostname | `spec.clusterIP` |
/// | ClusterIP | nothing (ExternalDNS's `--publish-internal-services` is off) | `spec.clusterIP` |
/// | headless | the ready endpoints (`HeadlessPublicSource`) | the same |
/// | NodePort | node addresses and SRV records (`NodePortPublicSource`) | the same |
/// | ExternalName | `spec.externalIPs`, else `spec.externalName` | the same |
///
/// The `target` annotation replaces the targets of every row.
struct ServicePublicSource {
  let inventory: Inventory
  let resolver: EndpointResolver

  init(_ inventory: Inventory) {
    self.inventory = inventory
    self.resolver = EndpointResolver(inventory)
  }

  /// The records of `service`'s annotated names; the templates' names
  /// when the annotations give none.
  func records(
    _ service: Service, options: PublicNameOptions, templates: PublicFQDNTemplates, into sink: inout PublicRecordSink
  ) throws(InputError) {
    guard let subject = try PublicSubject.make(kind: "Service", service.meta, annotations: service.annotations, options: options, into: &sink) else { return }
    let before = sink.records.count
    for host in subject.annotations.hostnames(.hostname) {
      try records(service, subject, host, rule: "hostname annotation", clusterIP: false, into: &sink)
    }
    for host in subject.annotations.hostnames(.internalHostname) {
      try records(service, subject, host, rule: "internal-hostname annotation", clusterIP: true, into: &sink)
    }
    // ExternalDNS's CombineWithEndpoints: the templates name an object
    // that produced no endpoint.
    guard sink.records.count == before else { return }
    for host in try templates.names(subject, kind: "Service", into: &sink) {
      try records(service, subject, host, rule: "fqdn template", clusterIP: false, into: &sink)
    }
  }

  private func records(
    _ service: Service, _ subject: PublicSubject, _ host: FieldText, rule: String, clusterIP: Bool,
    into sink: inout PublicRecordSink
  ) throws(InputError) {
    let override = try subject.annotations.targets(of: subject.reference, into: &sink)
    if override.present { return try subject.add(host, override.targets, rule: rule, into: &sink) }
    let reference = subject.reference
    switch service.type {
    case .loadBalancer:
      let targets = clusterIP ? clusterIPTarget(service) : try loadBalancerTargets(service, reference, into: &sink)
      try subject.add(host, targets, rule: rule, into: &sink)
    case .clusterIP where service.isHeadless:
      guard let name = try PublicHostname.read(host, rule, of: reference, into: &sink) else { return }
      try HeadlessPublicSource(inventory: inventory, resolver: resolver)
        .records(service, subject, name, origin: subject.origin(rule, at: host.location), into: &sink)
    case .clusterIP:
      if clusterIP {
        try subject.add(host, clusterIPTarget(service), rule: rule, into: &sink)
      } else {
        sink.log.note(
          "\(reference.key): a ClusterIP service's hostname annotation gives no record (ExternalDNS publishes cluster IPs only with --publish-internal-services; use internal-hostname)",
          at: host.location)
      }
    case .nodePort:
      guard let name = try PublicHostname.read(host, rule, of: reference, into: &sink) else { return }
      try NodePortPublicSource(inventory: inventory)
        .records(service, subject, name, origin: subject.origin(rule, at: host.location), into: &sink)
    case .externalName:
      try subject.add(host, try externalNameTargets(service, reference, into: &sink), rule: rule, into: &sink)
    }
  }

  /// ExternalDNS's `extractServiceIps`: `spec.clusterIP`, the first of
  /// the cluster IPs.
  private func clusterIPTarget(_ service: Service) -> [PublicTarget] {
    service.clusterIPs.first.map { [.address($0)] } ?? []
  }

  /// `extractLoadBalancerTargets`: the external IPs if any, else each
  /// status entry's IP and hostname.
  private func loadBalancerTargets(
    _ service: Service, _ reference: ObjectReference, into sink: inout PublicRecordSink
  ) throws(InputError) -> [PublicTarget] {
    if !service.externalIPs.isEmpty { return try Self.externalIPs(service, reference, into: &sink) }
    return try Self.statusTargets(service.loadBalancer, reference, into: &sink)
  }

  /// `extractServiceExternalName`: the external IPs if any, else the
  /// external name.
  private func externalNameTargets(
    _ service: Service, _ reference: ObjectReference, into sink: inout PublicRecordSink
  ) throws(InputError) -> [PublicTarget] {
    if !service.externalIPs.isEmpty { return try Self.externalIPs(service, reference, into: &sink) }
    guard let name = service.externalName, !name.isEmpty else { return [] }
    let field = FieldText(name, at: service.meta.location)
    return try PublicTarget.read(field, "spec.externalName", of: reference, into: &sink).map { [$0] } ?? []
  }

  private static func externalIPs(
    _ service: Service, _ reference: ObjectReference, into sink: inout PublicRecordSink
  ) throws(InputError) -> [PublicTarget] {
    var out: [PublicTarget] = []
    for ip in service.externalIPs {
      if let t = try PublicTarget.readAddress(ip, "spec.externalIPs entry", of: reference, into: &sink) { out.append(t) }
    }
    return out
  }

  /// A load balancer status's targets (Service and Ingress): `ip` as an
  /// address, `hostname` as a name.
  static func statusTargets(
    _ entries: [LoadBalancerIngress], _ reference: ObjectReference, into sink: inout PublicRecordSink
  ) throws(InputError) -> [PublicTarget] {
    var out: [PublicTarget] = []
    for e in entries {
      if let ip = e.ip, let t = try PublicTarget.readAddress(ip, "status.loadBalancer.ingress ip", of: reference, into: &sink) {
        out.append(t)
      }
      if let h = e.hostname, let t = try PublicTarget.read(h, "status.loadBalancer.ingress hostname", of: reference, into: &sink) {
        out.append(t)
      }
    }
    return out
  }
}
