/// The endpoints of one service that get no records, and why: not ready,
/// terminating, pods the selector matches that are no endpoints, a
/// service without endpoints, record families the profile leaves out.
/// Only built when provenance is on.
struct LeftOutEndpoints {
  let context: ServiceContext
  let inventory: Inventory

  private var service: Service { context.service }
  private var base: DomainName { context.base }
  /// Endpoints get names of their own: always when headless, with the
  /// CoreDNS profile for every service.
  private var namedEndpoints: Bool { service.isHeadless || context.options.profile == .coredns }

  func exclusions(
    source: EndpointResolver.Source, all: [ResolvedEndpoint], ready: [ResolvedEndpoint],
    skippedPods: [(Pod, ExclusionReason)]
  ) -> [Exclusion] {
    var out: [Exclusion] = []
    for (pod, reason) in skippedPods {
      let hostname = pod.subdomain == service.meta.name ? pod.hostname : nil
      out.append(Exclusion(
        reason, objects: [ObjectReference(pod), ObjectReference(service)],
        names: pod.ips.flatMap { names(ip: $0, hostname: hostname, podName: pod.meta.name) }, addresses: pod.ips))
    }
    for ep in all where !ep.isReady {
      let pod = ep.podName.flatMap { inventory.pod(namespace: service.meta.namespace, name: $0) }
      out.append(Exclusion(
        notReadyReason(ep, pod: pod),
        objects: context.endpointObjects(ep, inventory).reversed() + [ObjectReference(service)],
        names: names(ip: ep.ip, hostname: ep.hostname, podName: ep.podName), addresses: [ep.ip]))
    }
    if ready.isEmpty {
      out.append(Exclusion(.noEndpoints(noEndpointsDetail(source, all: all)), objects: [ObjectReference(service)], subtrees: [base]))
    }
    if !namedEndpoints {
      for ep in ready {
        out.append(Exclusion(
          .profile("the spec profile gives endpoints of a ClusterIP Service no names (CoreDNS does)"),
          objects: context.endpointObjects(ep, inventory).reversed() + [ObjectReference(service)],
          names: names(ip: ep.ip, hostname: ep.hostname, podName: ep.podName, named: true), addresses: [ep.ip]))
      }
    }
    return out
  }

  /// The names an endpoint would have: the headless service's own, the
  /// endpoint's (by hostname, pod name with the option, and address), its
  /// PTR; `named` forces the endpoint's own names in.
  private func names(ip: IPAddress, hostname: String?, podName: String?, named: Bool = false) -> [DomainName] {
    var out: [DomainName] = service.isHeadless ? [base] : []
    guard namedEndpoints || named else { return out }
    var labels = [hostname, ip.dashed]
    if context.options.endpointPodNames { labels.append(podName) }
    for case let label? in labels where !label.isEmpty {
      if let name = try? base.prepending(label) { out.append(name) }
    }
    out.append(ip.reverseName)
    return out
  }

  private func notReadyReason(_ ep: ResolvedEndpoint, pod: Pod?) -> ExclusionReason {
    if let pod, pod.meta.terminating { return .terminating }
    switch ep.sourceKind {
    case .pod:
      let phase = pod.map { " (phase \($0.phase.rawValue))" } ?? ""
      return .notReady("the Pod's Ready condition is not True\(phase)")
    case .endpointSlice:
      return .notReady("EndpointSlice \(ep.sourceName) marks the endpoint not ready")
    case .endpoints:
      return .notReady("listed under notReadyAddresses of Endpoints \(ep.sourceName)")
    }
  }

  private func noEndpointsDetail(_ source: EndpointResolver.Source, all: [ResolvedEndpoint]) -> String {
    let kind = service.isHeadless ? "headless Service" : "Service"
    if !all.isEmpty {
      return "\(kind) has no ready endpoints: none of its \(all.count) endpoint\(all.count == 1 ? " is" : "s are") ready"
    }
    switch source {
    case .none where service.selector?.isEmpty ?? true:
      return "\(kind) has no selector, and no EndpointSlices or Endpoints for it in the input"
    case .none, .pods:
      return "\(kind) has no endpoints: no EndpointSlices or Endpoints for it, and no running Pod with an IP matches its selector \(service.selectorText)"
    case .endpointSlices, .endpoints:
      return "\(kind) has no endpoints: its \(source.rawValue) list none"
    case .filtered:
      return "\(kind) has no endpoints: a filter left them out (--no-endpoints or --selector)"
    }
  }
}
