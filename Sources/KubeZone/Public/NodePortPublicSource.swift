/// A NodePort service's public names (ExternalDNS source/service.go,
/// `extractNodePortTargets` and `extractNodePortEndpoints`).
///
/// Targets: the addresses of every Node, or with `externalTrafficPolicy:
/// Local` of the nodes running the service's pods (the ready, not
/// terminating ones if any, else the ready terminating ones, else the
/// running ones: `nodesExternalTrafficPolicyTypeLocal`). Which addresses
/// follows the `access` annotation: `public` the ExternalIPs, `private`
/// the InternalIPs, none the ExternalIPs if any node has one, else the
/// InternalIPs.
///
/// Besides, one SRV record per port with a node port, at
/// `_<service name>._<protocol>.<name>`, `0 50 <nodePort> <name>.`.
struct NodePortPublicSource {
  let inventory: Inventory

  func records(
    _ service: Service, _ subject: PublicSubject, _ name: DomainName, origin: PublicOrigin, into sink: inout PublicRecordSink
  ) throws(InputError) {
    let nodes = service.externalTrafficLocal ? localNodes(service) : inventory.nodes
    var external: [PublicTarget] = [], internalIPs: [PublicTarget] = []
    for node in nodes {
      for a in node.addresses where a.type == "ExternalIP" || a.type == "InternalIP" {
        let what = "Node \(node.meta.name) \(a.type) address"
        guard let t = try PublicTarget.readAddress(a.address, what, of: ObjectReference("Node", node.meta), into: &sink) else {
          continue
        }
        if a.type == "ExternalIP" { external.append(t) } else { internalIPs.append(t) }
      }
    }
    let targets: [PublicTarget]
    switch subject.annotations[.access]?.text {
    case "public": targets = external
    case "private": targets = internalIPs
    default: targets = external.isEmpty ? internalIPs : external
    }
    sink.add(name, targets, ttl: subject.ttl, origin: origin)
    for port in service.ports {
      guard let nodePort = port.nodePort, (1...65535).contains(nodePort) else { continue }
      // The Service's name becomes a label: the API server allows only
      // DNS-1035 labels, and the cluster zone skips a Service without one.
      guard NameRules.isDNS1035Label(service.meta.name) else {
        try sink.reject(
          "\(subject.reference.key): the Service's name is not a DNS-1035 label, so it names no SRV record for node port \(nodePort) under \(name)",
          at: port.location)
        continue
      }
      let owner: DomainName
      do {
        owner = try name.prepending(["_" + service.meta.name, port.protocol.label])
      } catch {
        try sink.reject("\(subject.reference.key): the SRV name for node port \(nodePort) under \(name) is not valid (\(error))", at: port.location)
        continue
      }
      let srv = SRV(priority: 0, weight: 50, port: UInt16(nodePort), target: name)
      sink.records.append(PublicRecord(owner: owner, data: .srv(srv), ttl: subject.ttl, origin: origin))
    }
  }

  /// `nodesExternalTrafficPolicyTypeLocal`: the nodes whose pods of the
  /// service have the best state found.
  private func localNodes(_ service: Service) -> [ClusterNode] {
    guard let selector = service.selector, !selector.isEmpty else { return [] }
    var best: [String: Int] = [:]
    for pod in inventory.pods(in: service.meta.namespace)
    where pod.phase == .running && EndpointResolver.selects(selector, pod.meta.labels) {
      guard let nodeName = pod.nodeName else { continue }
      // 1 running, 2 ready but terminating, 3 ready.
      let priority = pod.isReady ? (pod.meta.terminating ? 2 : 3) : 1
      best[nodeName] = max(best[nodeName] ?? 0, priority)
    }
    guard let top = best.values.max() else { return [] }
    return inventory.nodes.filter { best[$0.meta.name] == top }
  }
}
