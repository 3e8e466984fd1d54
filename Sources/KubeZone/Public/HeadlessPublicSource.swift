/// A headless service's public names (ExternalDNS source/service.go,
/// `extractHeadlessEndpoints` and `processHeadlessEndpointsFromSlices`):
/// each ready endpoint's address at the annotated name, and at
/// `<pod spec.hostname>.<name>` when the endpoint's pod has a hostname
/// (StatefulSet pods). Not-ready endpoints count when the service
/// publishes them (`publishNotReadyAddresses`).
///
/// The endpoints come from `EndpointResolver` (slices, Endpoints, or the
/// pods the selector matches); as in ExternalDNS, an endpoint whose pod
/// is not in the input gives nothing, and is warned about.
struct HeadlessPublicSource {
  let inventory: Inventory
  let resolver: EndpointResolver

  func records(
    _ service: Service, _ subject: PublicSubject, _ name: DomainName, origin: PublicOrigin, into sink: inout PublicRecordSink
  ) throws(InputError) {
    var order: [DomainName] = []
    var targets: [DomainName: [PublicTarget]] = [:]
    func add(_ owner: DomainName, _ ip: IPAddress) {
      if targets[owner] == nil { order.append(owner) }
      targets[owner, default: []].append(.address(ip))
    }
    let namespace = service.meta.namespace
    for e in resolver.endpoints(of: service).endpoints where e.isReady || service.publishNotReadyAddresses {
      guard let podName = e.podName, let pod = inventory.pod(namespace: namespace, name: podName) else {
        sink.log.warn(
          "\(subject.reference.key): the \(e.sourceKind.rawValue) endpoint \(e.ip) names no Pod of the input, so it gets no public record (ExternalDNS needs the endpoint's Pod)",
          at: e.source)
        continue
      }
      add(name, e.ip)
      guard let hostname = pod.hostname, !hostname.isEmpty else { continue }
      switch PublicHostname.parse("\(hostname).\(name)", wildcard: false) {
      case .success(let owner): add(owner, e.ip)
      case .failure(let error):
        try sink.reject(
          "\(subject.reference.key): pod \(podName)'s hostname '\(hostname.escapedForMessage)' gives no valid name under \(name) (\(error)); no record for it",
          at: pod.meta.location)
      }
    }
    for owner in order {
      sink.add(owner, targets[owner] ?? [], ttl: subject.ttl, origin: origin)
    }
  }
}
