/// The records of one service: addresses, SRV, endpoint names and PTRs.
///
/// Every record is added with its origin and every skip is noted as an
/// exclusion; the sink builds neither unless provenance is on.
struct ServiceContext {
  let service: Service
  /// `<svc>.<ns>.svc.<zone>`
  let base: DomainName
  /// Every cluster IP of the inventory: an endpoint PTR never shadows one.
  let clusterIPs: Set<IPAddress>
  let options: SynthesisOptions
  let strict: Bool

  private var coredns: Bool { options.profile == .coredns }

  mutating func synthesize(
    resolver: EndpointResolver, into sink: inout RecordSink, log: inout DiagnosticLog
  ) throws(InputError) {
    let ports = try validPorts(into: &sink, log: &log)
    if service.type == .externalName {
      try externalName(into: &sink, log: &log)
      return
    }
    var skippedPods: [(Pod, ExclusionReason)] = []
    let (source, all) = sink.recordsProvenance
      ? resolver.endpoints(of: service, skipped: { skippedPods.append(($0, $1)) })
      : resolver.endpoints(of: service)
    let ready = all.filter(\.isReady)
    if source == .none, service.isHeadless {
      log.note("headless Service \(service.meta.namespace)/\(service.meta.name) has no endpoints in the input", at: service.meta.location)
    }
    if sink.recordsProvenance {
      let leftOut = LeftOutEndpoints(context: self, inventory: resolver.inventory)
      for e in leftOut.exclusions(source: source, all: all, ready: ready, skippedPods: skippedPods) { sink.exclude(e) }
    }
    if service.isHeadless {
      try headless(ready, ports: ports, resolver: resolver, into: &sink, log: &log)
    } else {
      try clusterIP(ports: ports, into: &sink, log: &log)
      if coredns { try endpointNames(ready, resolver: resolver, into: &sink, log: &log, srv: false) }
    }
  }

  // MARK: ClusterIP, NodePort, LoadBalancer

  private func clusterIP(ports: [ServicePort], into sink: inout RecordSink, log: inout DiagnosticLog) throws(InputError) {
    for ip in service.clusterIPs {
      sink.add(base, .address(ip), origin: origin(.clusterIPAddress(ip, service.type)))
      sink.add(ip.reverseName, .ptr(base), origin: origin(.clusterIPPointer(ip)))
    }
    for port in ports {
      if let name = port.name, let owner = try srvOwner(name, port.protocol, at: port.location, into: &sink, log: &log) {
        sink.add(
          owner, .srv(SRV(priority: 0, weight: 0, port: UInt16(port.port), target: base)),
          origin: origin(.portSRV(name: name, port: port.port, port.protocol)))
      }
      if coredns {
        sink.add(
          base, .srv(SRV(priority: 0, weight: 0, port: UInt16(port.port), target: base)),
          origin: origin(.serviceSRV(port: port.port)))
      }
    }
  }

  // MARK: Headless

  private func headless(
    _ ready: [ResolvedEndpoint], ports: [ServicePort], resolver: EndpointResolver, into sink: inout RecordSink,
    log: inout DiagnosticLog
  ) throws(InputError) {
    for ep in ready {
      sink.add(
        base, .address(ep.ip),
        origin: origin(.headlessAddress(described(ep)), ep, resolver.inventory))
    }
    try endpointNames(ready, resolver: resolver, into: &sink, log: &log, srv: true)
  }

  /// Endpoint A/AAAA, PTR and (headless) SRV records.
  private func endpointNames(
    _ ready: [ResolvedEndpoint], resolver: EndpointResolver, into sink: inout RecordSink,
    log: inout DiagnosticLog, srv: Bool
  ) throws(InputError) {
    let inventory = resolver.inventory
    for ep in ready {
      guard let label = try endpointLabel(ep, into: &sink, log: &log) else { continue }
      let owner: DomainName
      do {
        owner = try base.prepending(label.text)
      } catch {
        let message = "name of endpoint \(label.text) of \(serviceDescription): \(error)"
        try reject(message, at: ep.source, &log, sink: &sink, excluding(.invalidName(message), ep, inventory))
        continue
      }
      sink.add(owner, .address(ep.ip), origin: origin(.endpointAddress(described(ep), label: label), ep, inventory))
      let ptr = coredns || (service.isHeadless && ep.hostname != nil)
      if ptr && !clusterIPs.contains(ep.ip) {
        sink.add(ep.ip.reverseName, .ptr(owner), origin: origin(.endpointPointer(described(ep)), ep, inventory))
      } else if sink.recordsProvenance {
        let reason: ExclusionReason = ptr ? .clusterIPPointer(ep.ip)
          : .profile("the spec profile writes endpoint PTRs only for headless endpoints with a hostname")
        sink.exclude(excluding(reason, ep, inventory, names: [ep.ip.reverseName]))
      }
      guard srv else { continue }
      for port in ep.ports {
        guard let p = UInt16(exactly: port.port) else { continue }
        let data = RData.srv(SRV(priority: 0, weight: 0, port: p, target: owner))
        if let name = port.name, !name.isEmpty {
          if !NameRules.isIANAServiceName(name) {
            let message = "SRV records of port '\(name.escapedForMessage)' of an endpoint of \(serviceDescription): not an IANA service name"
            try reject(message, at: ep.source, &log, sink: &sink, excluding(.invalidName(message), ep, inventory))
          } else if let srvOwner = try srvOwner(name, port.protocol, at: ep.source, into: &sink, log: &log) {
            sink.add(
              srvOwner, data,
              origin: origin(.endpointPortSRV(described(ep), name: name, port: port.port, port.protocol), ep, inventory))
          }
        }
        if coredns { sink.add(base, data, origin: origin(.endpointSRV(described(ep), port: port.port), ep, inventory)) }
      }
    }
  }

  /// The endpoint's label: hostname, else (option) pod name, else dashed IP.
  private func endpointLabel(
    _ ep: ResolvedEndpoint, into sink: inout RecordSink, log: inout DiagnosticLog
  ) throws(InputError) -> RecordRule.EndpointLabel? {
    if let hostname = ep.hostname, !hostname.isEmpty {
      guard NameRules.isDNS1123Label(hostname) else {
        let message = "hostname '\(hostname.escapedForMessage)' of an endpoint of \(serviceDescription) is not a DNS-1123 label"
        try reject(
          message, at: ep.source, &log, sink: &sink,
          Exclusion(
            .invalidName(message), objects: [ObjectReference(service)],
            names: [try? base.prepending(hostname)].compactMap { $0 }, addresses: [ep.ip]))
        return nil
      }
      return .hostname(hostname)
    }
    if options.endpointPodNames, let pod = ep.podName, pod.utf8.count < 64 {
      if NameRules.isDNS1123Label(pod) { return .podName(pod) }
      log.warn("pod name '\(pod.escapedForMessage)' of \(serviceDescription) is not a DNS-1123 label; using its address instead", at: ep.source)
    }
    return .address(ep.ip.dashed)
  }

  // MARK: ExternalName

  private func externalName(into sink: inout RecordSink, log: inout DiagnosticLog) throws(InputError) {
    guard let raw = service.externalName, !raw.isEmpty else {
      try reject("ExternalName \(serviceDescription) has no spec.externalName", into: &sink, &log)
      return
    }
    if IPAddress(raw) != nil {
      log.warn("ExternalName \(serviceDescription) points at the IP address \(raw.escapedForMessage); cluster DNS serves no record for it", at: service.meta.location)
      sink.exclude(Exclusion(.externalNameAddress(raw), objects: [ObjectReference(service)], names: [base]))
      return
    }
    let name = raw.hasSuffix(".") ? String(raw.dropLast()) : raw
    guard NameRules.isDNS1123Subdomain(name), let target = try? DomainName(name) else {
      try reject("externalName '\(raw.escapedForMessage)' of \(serviceDescription) is not a DNS-1123 subdomain", into: &sink, &log)
      return
    }
    if target == base {
      try reject("ExternalName \(serviceDescription) points at itself", into: &sink, &log)
      return
    }
    sink.add(base, .cname(target), origin: origin(.externalName(target: target)))
  }

  // MARK: Helpers

  /// `_<name>._<proto>.<base>`, or nil (reported) when longer than 255
  /// octets, which only a long `--domain` can cause.
  private func srvOwner(
    _ name: String, _ proto: PortProtocol, at location: SourceLocation, into sink: inout RecordSink,
    log: inout DiagnosticLog
  ) throws(InputError) -> DomainName? {
    do {
      return try base.prepending(["_" + name, proto.label])
    } catch {
      let message = "SRV name _\(name).\(proto.label) of \(serviceDescription): \(error)"
      try reject(message, at: location, &log, sink: &sink, Exclusion(.invalidName(message), objects: [ObjectReference(service)]))
      return nil
    }
  }

  /// The service's ports, with names that are not IANA service names
  /// reported and dropped: such a port keeps its bare SRV and its endpoint
  /// records, but gets no `_name._proto` SRV.
  private func validPorts(into sink: inout RecordSink, log: inout DiagnosticLog) throws(InputError) -> [ServicePort] {
    for port in service.ports {
      if let name = port.name, !name.isEmpty, !NameRules.isIANAServiceName(name) {
        if strict {
          throw InputError("port name '\(name.escapedForMessage)' of \(serviceDescription) is not an IANA service name (--strict)", at: port.location)
        }
        let message = "port name '\(name.escapedForMessage)' of \(serviceDescription) is not an IANA service name"
        log.warn(message + "; its SRV records are skipped", at: port.location)
        sink.exclude(Exclusion(
          .invalidName(message), objects: [ObjectReference(service)],
          names: [try? base.prepending(["_" + name, port.protocol.label])].compactMap { $0 }))
      }
    }
    return service.ports.map { p in
      var p = p
      if let name = p.name, name.isEmpty || !NameRules.isIANAServiceName(name) { p.name = nil }
      return p
    }
  }

  var serviceDescription: String { "Service \(service.meta.namespace)/\(service.meta.name)" }

  private func described(_ ep: ResolvedEndpoint) -> EndpointDescription {
    EndpointDescription(ep, headless: service.isHeadless)
  }

  /// A record made from the service alone.
  private func origin(_ rule: RecordRule) -> RecordOrigin {
    RecordOrigin(rule: rule, objects: [ObjectReference(service)])
  }

  /// A record made from one endpoint: the service, the object the
  /// endpoint was read from, and its pod when that is another object.
  private func origin(_ rule: RecordRule, _ ep: ResolvedEndpoint, _ inventory: Inventory) -> RecordOrigin {
    RecordOrigin(rule: rule, objects: [ObjectReference(service)] + endpointObjects(ep, inventory))
  }

  func endpointObjects(_ ep: ResolvedEndpoint, _ inventory: Inventory) -> [ObjectReference] {
    let namespace = service.meta.namespace
    var out = [ObjectReference(kind: ep.sourceKind.rawValue, namespace: namespace, name: ep.sourceName, location: ep.source)]
    if ep.sourceKind != .pod, let name = ep.podName, let pod = inventory.pod(namespace: namespace, name: name) {
      out.append(ObjectReference(pod))
    }
    return out
  }

  private func excluding(
    _ reason: ExclusionReason, _ ep: ResolvedEndpoint, _ inventory: Inventory, names: [DomainName] = []
  ) -> Exclusion {
    Exclusion(reason, objects: [ObjectReference(service)] + endpointObjects(ep, inventory), names: names, addresses: [ep.ip])
  }

  private func reject(_ message: String, into sink: inout RecordSink, _ log: inout DiagnosticLog) throws(InputError) {
    try reject(
      message, at: service.meta.location, &log, sink: &sink,
      Exclusion(.invalidName(message), objects: [ObjectReference(service)], names: [base]))
  }

  private func reject(
    _ message: String, at location: SourceLocation, _ log: inout DiagnosticLog,
    sink: inout RecordSink, _ exclusion: @autoclosure () -> Exclusion
  ) throws(InputError) {
    if strict { throw InputError(message + " (--strict)", at: location) }
    log.warn(message + "; skipped", at: location)
    sink.exclude(exclusion())
  }
}
