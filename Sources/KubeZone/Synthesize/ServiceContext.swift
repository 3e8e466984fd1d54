/// The records of one service: addresses, SRV, endpoint names and PTRs.
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
    let ports = try validPorts(log: &log)
    if service.type == .externalName {
      try externalName(into: &sink, log: &log)
      return
    }
    let (source, all) = resolver.endpoints(of: service)
    let ready = all.filter(\.isReady)
    if source == .none, service.isHeadless {
      log.note("headless Service \(service.meta.namespace)/\(service.meta.name) has no endpoints in the input", at: service.meta.location)
    }
    if service.isHeadless {
      try headless(ready, ports: ports, into: &sink, log: &log)
    } else {
      try clusterIP(ports: ports, into: &sink, log: &log)
      if coredns { try endpointNames(ready, into: &sink, log: &log, srv: false) }
    }
  }

  // MARK: ClusterIP, NodePort, LoadBalancer

  private func clusterIP(ports: [ServicePort], into sink: inout RecordSink, log: inout DiagnosticLog) throws(InputError) {
    for ip in service.clusterIPs {
      sink.add(base, .address(ip))
      sink.add(ip.reverseName, .ptr(base))
    }
    for port in ports {
      if let name = port.name, let owner = try srvOwner(name, port.protocol, at: port.location, log: &log) {
        sink.add(owner, .srv(SRV(priority: 0, weight: 0, port: UInt16(port.port), target: base)))
      }
      if coredns {
        sink.add(base, .srv(SRV(priority: 0, weight: 0, port: UInt16(port.port), target: base)))
      }
    }
  }

  // MARK: Headless

  private func headless(
    _ ready: [ResolvedEndpoint], ports: [ServicePort], into sink: inout RecordSink,
    log: inout DiagnosticLog
  ) throws(InputError) {
    for ep in ready {
      sink.add(base, .address(ep.ip))
    }
    try endpointNames(ready, into: &sink, log: &log, srv: true)
  }

  /// Endpoint A/AAAA, PTR and (headless) SRV records.
  private func endpointNames(
    _ ready: [ResolvedEndpoint], into sink: inout RecordSink, log: inout DiagnosticLog, srv: Bool
  ) throws(InputError) {
    for ep in ready {
      guard let label = try endpointLabel(ep, log: &log) else { continue }
      let owner: DomainName
      do {
        owner = try base.prepending(label)
      } catch {
        try reject("name of endpoint \(label) of \(serviceDescription): \(error)", at: ep.source, &log)
        continue
      }
      sink.add(owner, .address(ep.ip))
      let ptr = coredns || (service.isHeadless && ep.hostname != nil)
      if ptr && !clusterIPs.contains(ep.ip) {
        sink.add(ep.ip.reverseName, .ptr(owner))
      }
      guard srv else { continue }
      for port in ep.ports {
        guard let p = UInt16(exactly: port.port) else { continue }
        let data = RData.srv(SRV(priority: 0, weight: 0, port: p, target: owner))
        if let name = port.name, !name.isEmpty {
          if !NameRules.isIANAServiceName(name) {
            try reject("SRV records of port '\(name.escapedForMessage)' of an endpoint of \(serviceDescription): not an IANA service name", at: ep.source, &log)
          } else if let srvOwner = try srvOwner(name, port.protocol, at: ep.source, log: &log) {
            sink.add(srvOwner, data)
          }
        }
        if coredns { sink.add(base, data) }
      }
    }
  }

  /// The endpoint's label: hostname, else (option) pod name, else dashed IP.
  private func endpointLabel(_ ep: ResolvedEndpoint, log: inout DiagnosticLog) throws(InputError) -> String? {
    if let hostname = ep.hostname, !hostname.isEmpty {
      guard NameRules.isDNS1123Label(hostname) else {
        try reject("hostname '\(hostname.escapedForMessage)' of an endpoint of \(serviceDescription) is not a DNS-1123 label", at: ep.source, &log)
        return nil
      }
      return hostname
    }
    if options.endpointPodNames, let pod = ep.podName, pod.utf8.count < 64 {
      if NameRules.isDNS1123Label(pod) { return pod }
      log.warn("pod name '\(pod.escapedForMessage)' of \(serviceDescription) is not a DNS-1123 label; using its address instead", at: ep.source)
    }
    return ep.ip.dashed
  }

  // MARK: ExternalName

  private func externalName(into sink: inout RecordSink, log: inout DiagnosticLog) throws(InputError) {
    guard let raw = service.externalName, !raw.isEmpty else {
      try reject("ExternalName \(serviceDescription) has no spec.externalName", &log)
      return
    }
    if IPAddress(raw) != nil {
      log.warn("ExternalName \(serviceDescription) points at the IP address \(raw.escapedForMessage); cluster DNS serves no record for it", at: service.meta.location)
      return
    }
    let name = raw.hasSuffix(".") ? String(raw.dropLast()) : raw
    guard NameRules.isDNS1123Subdomain(name), let target = try? DomainName(name) else {
      try reject("externalName '\(raw.escapedForMessage)' of \(serviceDescription) is not a DNS-1123 subdomain", &log)
      return
    }
    if target == base {
      try reject("ExternalName \(serviceDescription) points at itself", &log)
      return
    }
    sink.add(base, .cname(target))
  }

  // MARK: Helpers

  /// `_<name>._<proto>.<base>`, or nil (reported) when longer than 255
  /// octets, which only a long `--domain` can cause.
  private func srvOwner(
    _ name: String, _ proto: PortProtocol, at location: SourceLocation, log: inout DiagnosticLog
  ) throws(InputError) -> DomainName? {
    do {
      return try base.prepending(["_" + name, proto.label])
    } catch {
      try reject("SRV name _\(name).\(proto.label) of \(serviceDescription): \(error)", at: location, &log)
      return nil
    }
  }

  /// The service's ports, with names that are not IANA service names
  /// reported and dropped: such a port keeps its bare SRV and its endpoint
  /// records, but gets no `_name._proto` SRV.
  private func validPorts(log: inout DiagnosticLog) throws(InputError) -> [ServicePort] {
    for port in service.ports {
      if let name = port.name, !name.isEmpty, !NameRules.isIANAServiceName(name) {
        if strict {
          throw InputError("port name '\(name.escapedForMessage)' of \(serviceDescription) is not an IANA service name (--strict)", at: port.location)
        }
        log.warn("port name '\(name.escapedForMessage)' of \(serviceDescription) is not an IANA service name; its SRV records are skipped", at: port.location)
      }
    }
    return service.ports.map { p in
      var p = p
      if let name = p.name, name.isEmpty || !NameRules.isIANAServiceName(name) { p.name = nil }
      return p
    }
  }

  private var serviceDescription: String { "Service \(service.meta.namespace)/\(service.meta.name)" }

  private func reject(_ message: String, _ log: inout DiagnosticLog) throws(InputError) {
    try reject(message, at: service.meta.location, &log)
  }

  private func reject(_ message: String, at location: SourceLocation, _ log: inout DiagnosticLog) throws(InputError) {
    if strict { throw InputError(message + " (--strict)", at: location) }
    log.warn(message + "; skipped", at: location)
  }
}
