/// The publication filter, applied as the inventory is built: objects it
/// leaves out never reach synthesis, so neither their forward records nor
/// their PTRs are written. Each is listed in `exclusions`.
///
/// What CoreDNS 1.14 (`plugin/kubernetes`) does, and so what this does:
/// - `namespaces`, `namespace_labels`: `namespaceExposed` (namespace.go)
///   gates lookups (`Records`, `findServices`, `findPods`), transfers
///   (`transferServices`) and reverse lookups (`serviceRecordForIP`).
/// - `labels`: the API lists Services, Pods and EndpointSlices with the
///   selector (controller.go, `newdnsController`: `serviceListFunc`,
///   `podListFunc`, `endpointSliceListFunc` all take `dns.selector`), so
///   each object is judged by its own labels; Namespaces are not.
/// - `noendpoints`: the EndpointSlice informer never runs
///   (`initEndpointsCache = false`), so no service has endpoints.
/// - `ignore empty_service`: `findServices` skips ClusterIP, NodePort and
///   LoadBalancer services with no ready endpoint address.
extension Inventory {
  mutating func appendFiltered(
    _ objects: [KubernetesObject], keys: [ObjectKey], order: [Int], filter: PublicationFilter,
    podRecords: Bool, log: inout DiagnosticLog
  ) throws(InputError) {
    let namespaceLabels = try Self.namespaceLabels(objects, keys: keys, order: order, filter: filter)
    var verdicts: [String: FilterExclusion.Reason?] = [:]
    // Objects come sorted by kind then namespace: one namespace's objects
    // are a run, so the verdict is looked up once a run.
    var current: (namespace: String, verdict: FilterExclusion.Reason?)?
    let byNamespace = filter.filtersNamespaces
    // Objects are read in place (`objects[i]`), not copied out first: a
    // copy of a pod retains each of its fields, 30,000 times over.
    for i in order {
      let key = keys[i]
      // Namespaces and Nodes are cluster-scoped: no namespace filters them.
      if byNamespace && key.kind != "Namespace" && key.kind != "Node" {
        if current?.namespace != key.namespace {
          let verdict: FilterExclusion.Reason?
          if let known = verdicts[key.namespace] {
            verdict = known
          } else {
            verdict = filter.namespaceVerdict(key.namespace, labels: namespaceLabels[key.namespace])
            verdicts[key.namespace] = .some(verdict)
            if case .namespaceNotInInput = verdict {
              log.warn(
                "namespace \(key.namespace.escapedForMessage) has no Namespace object in the input, so --namespace-selector leaves its objects out",
                at: objects[i].meta.location)
            }
          }
          current = (key.namespace, verdict)
        }
        if let reason = current?.verdict {
          // Workloads only feed a diagnostic; they are dropped unlisted.
          if case .workload = objects[i] { continue }
          exclusions.append(FilterExclusion(
            object: key, location: objects[i].meta.location, reason: reason, addresses: objects[i].ownAddresses))
          continue
        }
      }
      append(objects, i, key: key, filter: filter, podRecords: podRecords)
    }
    if let listed = filter.namespaces {
      for namespace in listed.sorted() where verdicts[namespace] == nil {
        log.warn("--namespaces names \(namespace.escapedForMessage), but no object of the input is in it", at: nil)
      }
    }
  }

  /// One object whose namespace is published: the label filters decide.
  /// The switch binds the object's payload straight from the array, as
  /// the unfiltered path does, so nothing is copied twice.
  @inline(__always)
  private mutating func append(
    _ objects: [KubernetesObject], _ i: Int, key: ObjectKey, filter: PublicationFilter, podRecords: Bool
  ) {
    let selector = filter.selector
    func exclude(_ reason: FilterExclusion.Reason, _ part: FilterExclusion.Part = .all) {
      exclusions.append(FilterExclusion(
        object: key, location: objects[i].meta.location, reason: reason, part: part, addresses: objects[i].ownAddresses))
    }
    switch objects[i] {
    case .service(let s):
      if let selector, !selector.matches(s.meta.labels) { return exclude(.labelsMismatch(selector)) }
      services.append(s)
    case .pod(let p):
      // CoreDNS's pod cache (pod records only) is listed with the selector;
      // endpoints come from slices, which carry the service's labels.
      if podRecords, let selector, !selector.matches(p.meta.labels) {
        withoutPodRecord.insert(pods.count)
        exclude(.labelsMismatch(selector), .podRecord)
      }
      pods.append(p)
    case .endpointSlice(let e):
      if filter.noEndpoints { return exclude(.noEndpoints) }
      if let selector, !selector.matches(e.meta.labels) {
        if let name = e.serviceName { endpointsFiltered.insert(ServiceRef(namespace: e.meta.namespace, name: name)) }
        return exclude(.labelsMismatch(selector))
      }
      endpointSlices.append(e)
    case .endpoints(let e):
      if filter.noEndpoints { return exclude(.noEndpoints) }
      if let selector, !selector.matches(e.meta.labels) {
        endpointsFiltered.insert(ServiceRef(namespace: e.meta.namespace, name: e.meta.name))
        return exclude(.labelsMismatch(selector))
      }
      endpoints.append(e)
    case .workload(let w):
      workloads.append(w)
    case .namespace(let m):
      namespaces.append(m)
    // The public-name kinds: only namespace filters apply (above);
    // `--annotation-filter` and `--label-filter` are the sources' own.
    case .ingress(let o): ingresses.append(o)
    case .gateway(let o): gateways.append(o)
    case .route(let o): routes.append(o)
    case .node(let o): nodes.append(o)
    }
  }

  /// The labels of each Namespace object, for `--namespace-selector`;
  /// without any, the selector could only leave everything out.
  private static func namespaceLabels(
    _ objects: [KubernetesObject], keys: [ObjectKey], order: [Int], filter: PublicationFilter
  ) throws(InputError) -> [String: [String: String]] {
    guard let selector = filter.namespaceSelector else { return [:] }
    var labels: [String: [String: String]] = [:]
    for i in order where keys[i].kind == "Namespace" { labels[keys[i].name] = objects[i].meta.labels }
    if labels.isEmpty {
      throw InputError(
        "--namespace-selector '\(selector.text.escapedForMessage)' needs the cluster's Namespace objects, and the input has none; "
          + "add them as one more input (kubectl get namespaces -o yaml > namespaces.yaml), "
          + "or leave --namespace-selector out; nothing written",
        at: nil)
    }
    return labels
  }

  /// The filters that need every object in place: `--no-endpoints`, the
  /// selector against the slices the controller would make from pods, and
  /// `--ignore-empty-services`, which needs the endpoints resolved.
  mutating func filterEndpoints(_ filter: PublicationFilter, log: inout DiagnosticLog) {
    var removed: Set<ServiceRef> = []
    func exclude(_ s: Service, _ reason: FilterExclusion.Reason, _ part: FilterExclusion.Part = .all) {
      let key = ObjectKey(kind: "Service", namespace: s.meta.namespace, name: s.meta.name)
      exclusions.append(FilterExclusion(object: key, location: s.meta.location, reason: reason, part: part, addresses: s.clusterIPs))
      if part == .all { removed.insert(ServiceRef(namespace: s.meta.namespace, name: s.meta.name)) }
    }
    if filter.noEndpoints {
      endpointsDisabled = true
      // A headless service answers only with its endpoints: NXDOMAIN in
      // CoreDNS (findServices finds no address), so nothing here.
      for s in services where s.isHeadless && s.type != .externalName { exclude(s, .noEndpoints) }
    } else if let selector = filter.selector {
      for s in services where s.type != .externalName && !(s.selector ?? [:]).isEmpty {
        if selector.matches({ Self.controllerSliceLabel(s, $0) }) { continue }
        // Only services whose endpoints kubezone derives from pods: the
        // slices already in the input were judged by their own labels.
        let ref = ServiceRef(namespace: s.meta.namespace, name: s.meta.name)
        guard slicesByService[ref] == nil, endpointsByService[ref] == nil, !endpointsFiltered.contains(ref) else { continue }
        endpointsFiltered.insert(ref)
        exclude(s, .endpointSliceLabelsMismatch(selector), s.isHeadless ? .all : .endpoints)
      }
    }
    if filter.ignoreEmptyServices {
      if filter.noEndpoints {
        log.warn(
          "--ignore-empty-services with --no-endpoints leaves out every ClusterIP, NodePort and LoadBalancer Service: without endpoints none has a ready one (CoreDNS answers NXDOMAIN for them too)",
          at: nil)
      }
      let resolver = EndpointResolver(self)
      for s in services where !s.isHeadless && s.type != .externalName {
        let ref = ServiceRef(namespace: s.meta.namespace, name: s.meta.name)
        if removed.contains(ref) { continue }
        if !resolver.endpoints(of: s).endpoints.contains(where: \.isReady) { exclude(s, .emptyService) }
      }
    }
    if !removed.isEmpty {
      services.removeAll { removed.contains(ServiceRef(namespace: $0.meta.namespace, name: $0.meta.name)) }
    }
  }

  /// The labels the EndpointSlice controller gives a service's slices:
  /// the service's own, except the reserved keys, which it sets itself
  /// (kubernetes pkg/controller/endpointslice, `setEndpointSliceLabels`).
  /// A lookup, so matching builds no dictionary per service.
  static func controllerSliceLabel(_ s: Service, _ key: String) -> String? {
    switch key {
    case "kubernetes.io/service-name": s.meta.name
    case "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io"
    case "service.kubernetes.io/headless": s.isHeadless ? "" : nil
    default: s.meta.labels[key]
    }
  }
}

extension KubernetesObject {
  /// A Service's cluster IPs or a Pod's IPs: what a filter's exclusion
  /// names, for `explain` by address.
  var ownAddresses: [IPAddress] {
    switch self {
    case .service(let s): s.clusterIPs
    case .pod(let p): p.ips
    default: []
    }
  }
}
