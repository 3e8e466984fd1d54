/// The objects that nearly match a query and made nothing there, found by
/// reading the name the way cluster DNS builds it: the pods an endpoint
/// name or an address points at, the PTRs no reverse zone holds. Each
/// gets the reason the pipeline's own rules give; what the pipeline
/// already recorded is taken from its exclusions.
struct NearMatches {
  let explainer: Explainer
  let query: ExplainQuery
  let records: [Explanation.Entry]
  /// The exclusions already related to the query.
  let known: [Exclusion]

  private var inventory: Inventory { explainer.provenance.inventory }
  private var domain: DomainName { explainer.synthesis.domain }

  func exclusions() -> [Exclusion] {
    var out: [Exclusion] = []
    if let ip = query.address { out += outsideReverseZones(ip) }
    switch query {
    case .name(let name):
      switch ClusterName(name, domain: domain) {
      case .endpoint(let label, let namespace, let service):
        out += endpointCandidates(label: label, namespace: namespace, service: service, asked: name)
      case .pod(let dashed, let namespace):
        out += podRecordCandidates(dashed: dashed, namespace: namespace, asked: name)
      default:
        break
      }
    case .address(let ip):
      out += unselectedPods(ip)
    }
    return out
  }

  /// Objects already named by a record or an exclusion of the answer.
  private var mentioned: Set<ObjectKey> {
    Set(records.flatMap { $0.origins.flatMap(\.objects) }.map(\.key) + known.flatMap(\.objects).map(\.key))
  }

  // MARK: PTRs

  /// PTRs of `ip` that were made but fall outside every `--reverse-zone`.
  private func outsideReverseZones(_ ip: IPAddress) -> [Exclusion] {
    guard let cidrs = explainer.zoneOptions.reverseZones else { return [] }
    let reverse = ip.reverseName
    guard !explainer.zones.contains(where: { reverse.isSubdomain(of: $0.origin) }) else { return [] }
    return explainer.provenance.origins
      .filter { $0.key.owner == reverse && $0.key.type == .ptr }
      .sorted { $0.key < $1.key }
      .map { record, origins in
        Exclusion(
          .outsideReverseZones(cidrs), objects: origins.flatMap(\.objects).uniqued(), names: [reverse],
          addresses: [ip])
      }
  }

  // MARK: Endpoint names

  /// Pods of the namespace the label names (by address, hostname or pod
  /// name) that are not that endpoint of the service, and why.
  private func endpointCandidates(label: String, namespace: String, service name: String, asked: DomainName) -> [Exclusion] {
    guard let service = inventory.services.first(where: { $0.meta.namespace == namespace && $0.meta.name.lowercased() == name })
    else { return [] }
    let mentioned = self.mentioned
    let candidates = inventory.pods(in: namespace).filter { pod in
      !mentioned.contains(ObjectReference(pod).key)
        && (pod.ips.contains { $0.dashed == label } || pod.hostname?.lowercased() == label || pod.meta.name.lowercased() == label)
    }
    guard !candidates.isEmpty else { return [] }
    let (source, endpoints) = EndpointResolver(inventory).endpoints(of: service)
    var out: [Exclusion] = []
    for pod in candidates {
      let objects = [ObjectReference(pod), ObjectReference(service)]
      // What the pipeline decided about this pod for this service.
      let recorded = explainer.provenance.exclusions.filter { e in
        e.objects.contains(objects[0]) && e.objects.contains(objects[1])
      }
      if !recorded.isEmpty {
        out += recorded
        continue
      }
      let mine = endpoints.filter { ep in ep.podName == pod.meta.name || pod.ips.contains(ep.ip) }
      if let ep = mine.first(where: \.isReady) {
        out.append(Exclusion(renamed(ep, pod: pod, service: service, label: label), objects: objects, names: [asked], addresses: [ep.ip]))
        continue
      }
      let reason: ExclusionReason
      switch source {
      case .pods:
        reason = .selectorMismatch(selector: service.selectorText)
      case .endpointSlices, .endpoints:
        reason = .notAnEndpoint("the Service's endpoints come from its \(source.rawValue), which do not list this Pod")
      case .none:
        reason = .notAnEndpoint("the Service has no selector, and no EndpointSlices or Endpoints list this Pod")
      case .filtered:
        reason = .notAnEndpoint("a filter left the Service's endpoints out (--no-endpoints or --selector)")
      }
      out.append(Exclusion(reason, objects: objects, names: [asked], addresses: pod.ips))
    }
    return out
  }

  /// Why a ready endpoint is not at the label asked: its records carry
  /// another label.
  private func renamed(_ ep: ResolvedEndpoint, pod: Pod, service: Service, label: String) -> ExclusionReason {
    if let hostname = pod.hostname, hostname.lowercased() == label, pod.subdomain != service.meta.name {
      return .subdomainMismatch(hostname: hostname, subdomain: pod.subdomain)
    }
    let actual: String
    let why: String
    if let hostname = ep.hostname, !hostname.isEmpty {
      (actual, why) = (hostname, "endpoints with a hostname are named by it")
    } else if explainer.synthesis.endpointPodNames, let podName = ep.podName, NameRules.isDNS1123Label(podName) {
      (actual, why) = (podName, "--endpoint-pod-names names endpoints after their pods")
    } else {
      (actual, why) = (ep.ip.dashed, "endpoints are named by their address; --endpoint-pod-names names them after their pods")
    }
    let base = try? domain.prepending([service.meta.name, service.meta.namespace, "svc"])
    return .namedOtherwise((try? base?.prepending(actual)) ?? domain, why)
  }

  // MARK: Pod records and addresses

  private func podRecordCandidates(dashed: String, namespace: String, asked: DomainName) -> [Exclusion] {
    guard !explainer.synthesis.podRecords else { return [] }
    return inventory.pods(in: namespace).filter { $0.ips.contains { $0.dashed == dashed } }.map { pod in
      Exclusion(.podRecordsOff, objects: [ObjectReference(pod)], names: [asked], addresses: pod.ips)
    }
  }

  /// Pods holding `ip` that no Service of their namespace selects, so no
  /// record holds their address.
  private func unselectedPods(_ ip: IPAddress) -> [Exclusion] {
    let mentioned = self.mentioned
    var out: [Exclusion] = []
    for pod in inventory.pods where pod.ips.contains(ip) && !mentioned.contains(ObjectReference(pod).key) {
      let selected = inventory.services.contains { s in
        s.meta.namespace == pod.meta.namespace && !(s.selector?.isEmpty ?? true)
          && EndpointResolver.selects(s.selector ?? [:], pod.meta.labels)
      }
      if !selected {
        out.append(Exclusion(
          .notAnEndpoint("no Service in namespace \(pod.meta.namespace) selects this Pod"),
          objects: [ObjectReference(pod)], addresses: [ip]))
      }
      if !explainer.synthesis.podRecords {
        out.append(Exclusion(.podRecordsOff, objects: [ObjectReference(pod)], addresses: [ip]))
      }
    }
    return out
  }
}
