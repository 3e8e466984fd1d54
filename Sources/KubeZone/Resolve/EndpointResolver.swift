/// Finds each service's endpoints the way the cluster does.
///
/// Authority, in order: EndpointSlices labelled with the service's name,
/// else the Endpoints object of the same name, else the pods the selector
/// matches, evaluated like the EndpointSlice controller. None when the
/// publication filter left them out (`--no-endpoints`, or `--selector`
/// against the slices' labels).
public struct EndpointResolver: Sendable {
  public let inventory: Inventory

  public init(_ inventory: Inventory) {
    self.inventory = inventory
  }

  public enum Source: String, Sendable {
    case endpointSlices = "EndpointSlices", endpoints = "Endpoints", pods = "pods", none
    /// A filter left the service's endpoints out.
    case filtered
  }

  /// The service's endpoints, ready or not. `skipped` hears of each pod
  /// the selector matches that is no endpoint, and why (for `explain`).
  public func endpoints(
    of service: Service, skipped: ((Pod, ExclusionReason) -> Void)? = nil
  ) -> (source: Source, endpoints: [ResolvedEndpoint]) {
    if inventory.endpointsDisabled { return (.filtered, []) }
    let ref = Inventory.ServiceRef(namespace: service.meta.namespace, name: service.meta.name)
    if let slices = inventory.slicesByService[ref], !slices.isEmpty {
      return (.endpointSlices, fromSlices(slices))
    }
    // Filtered slices still outrank the other sources: they are what the
    // cluster has, and CoreDNS would not see them.
    if inventory.endpointsFiltered.contains(ref) { return (.filtered, []) }
    if let eps = inventory.endpointsByService[ref] {
      return (.endpoints, fromEndpoints(eps))
    }
    if let selector = service.selector, !selector.isEmpty {
      return (.pods, fromPods(service, selector: selector, skipped: skipped))
    }
    return (.none, [])
  }

  private func fromSlices(_ slices: [EndpointSlice]) -> [ResolvedEndpoint] {
    var out: [ResolvedEndpoint] = []
    for slice in slices {
      let ports = slice.ports.compactMap { p in
        p.port.map { ResolvedEndpoint.Port(name: p.name, port: $0, protocol: p.protocol) }
      }
      for e in slice.endpoints {
        for ip in e.addresses {
          out.append(ResolvedEndpoint(
            ip: ip, isReady: e.isReady, hostname: e.hostname, podName: e.podName, ports: ports,
            source: slice.meta.location, sourceKind: .endpointSlice, sourceName: slice.meta.name))
        }
      }
    }
    return out
  }

  private func fromEndpoints(_ eps: Endpoints) -> [ResolvedEndpoint] {
    var out: [ResolvedEndpoint] = []
    for subset in eps.subsets {
      let ports = subset.ports.compactMap { p in
        p.port.map { ResolvedEndpoint.Port(name: p.name, port: $0, protocol: p.protocol) }
      }
      for (addresses, ready) in [(subset.addresses, true), (subset.notReadyAddresses, false)] {
        for a in addresses {
          out.append(ResolvedEndpoint(
            ip: a.ip, isReady: ready, hostname: a.hostname, podName: a.podName, ports: ports,
            source: eps.meta.location, sourceKind: .endpoints, sourceName: eps.meta.name))
        }
      }
    }
    return out
  }

  /// True when `labels` carry every key and value of `selector` (a
  /// Service selector: equality only).
  static func selects(_ selector: [String: String], _ labels: [String: String]) -> Bool {
    selector.allSatisfy { labels[$0.key] == $0.value }
  }

  private func fromPods(
    _ service: Service, selector: [String: String], skipped: ((Pod, ExclusionReason) -> Void)?
  ) -> [ResolvedEndpoint] {
    var out: [ResolvedEndpoint] = []
    let pods = inventory.pods(in: service.meta.namespace)
    for i in inventory.podIndex.candidates(namespace: service.meta.namespace, selector: selector) {
      guard Self.selects(selector, pods[i].meta.labels) else { continue }
      append(pods[i], of: service, to: &out, skipped: skipped)
    }
    return out
  }

  /// The endpoints one selected pod gives `service`. The pod is borrowed
  /// from the inventory, not copied: a copy retains each of its fields,
  /// once per pod a selector matches (only a skipped pod is copied, for
  /// `explain`).
  private func append(
    _ pod: borrowing Pod, of service: Service, to out: inout [ResolvedEndpoint],
    skipped: ((Pod, ExclusionReason) -> Void)?
  ) {
    if pod.phase == .succeeded || pod.phase == .failed || pod.ips.isEmpty {
      skipped?(copy pod, pod.ips.isEmpty && pod.phase != .succeeded && pod.phase != .failed ? .noPodIP : .podFinished(pod.phase))
      return
    }
    let ready = service.publishNotReadyAddresses || (pod.isReady && !pod.meta.terminating)
    let hostname = pod.subdomain == service.meta.name ? pod.hostname : nil
    var ports: [ResolvedEndpoint.Port] = []
    for sp in service.ports {
      switch sp.targetPort {
      case .number(let n):
        ports.append(.init(name: sp.name, port: n, protocol: sp.protocol))
      case .name(let name):
        if let n = pod.port(named: name, protocol: sp.protocol) {
          ports.append(.init(name: sp.name, port: n, protocol: sp.protocol))
        }
      }
    }
    // A pod without a named target port has no address for that port;
    // with no usable port at all it is not an endpoint.
    if !service.ports.isEmpty && ports.isEmpty {
      if let skipped {
        let names = service.ports.compactMap { p -> String? in
          if case .name(let n) = p.targetPort { return n } else { return nil }
        }
        skipped(copy pod, .noTargetPort(names.joined(separator: ", ")))
      }
      return
    }
    for ip in pod.ips {
      guard service.ipFamilies.contains(where: { $0.contains(ip) }) else {
        skipped?(copy pod, .ipFamily(ip, service.ipFamilies))
        continue
      }
      out.append(ResolvedEndpoint(
        ip: ip, isReady: ready, hostname: hostname, podName: pod.meta.name, ports: ports,
        source: pod.meta.location, sourceKind: .pod, sourceName: pod.meta.name))
    }
  }
}
