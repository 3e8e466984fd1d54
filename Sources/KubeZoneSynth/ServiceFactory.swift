/// Builds one service as `kubectl get svc -o json` shows it.
struct ServiceFactory {
  let model: ClusterModel

  func service(_ s: Int) -> SynthValue {
    let name = model.serviceName(s)
    let ns = model.namespace(ofService: s)
    let kind = model.serviceKind(s)
    let headless = kind == .headless || kind == .statefulSet
    let (portName, port) = model.containerPort(s)
    let dual = model.spec.dualStack && !headless && kind != .externalName
    let applied = #"{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"\#(name)"},"name":"\#(name)","namespace":"\#(ns)"},"spec":{"ports":[{"name":"\#(portName)","port":\#(headless ? port : 80),"targetPort":"\#(portName)"}],"selector":{"app":"\#(name)"}}}"# + "\n"
    let metadata: SynthValue = .object([
      ("annotations", .object([("kubectl.kubernetes.io/last-applied-configuration", .string(applied))])),
      ("creationTimestamp", .string("2026-11-0\(1 + s % 9)T08:\(10 + s % 50):00Z")),
      ("labels", .object([("app", .string(name)), ("app.kubernetes.io/part-of", .string(ns))])),
      ("name", .string(name)),
      ("namespace", .string(ns)),
      ("resourceVersion", .string(String(50_000 + s * 3))),
      ("uid", .string(model.uid(s, 40))),
    ])
    var spec: [(String, SynthValue)] = []
    if kind == .externalName {
      spec = [
        ("externalName", .string("\(name).external.example.com")),
        ("sessionAffinity", .string("None")),
        ("type", .string("ExternalName")),
      ]
    } else {
      var ips: [SynthValue] = [.string(headless ? "None" : model.clusterIPv4(s))]
      if dual { ips.append(.string(model.clusterIPv6(s))) }
      var ports: [SynthValue] = [.object([
        ("name", .string(headless ? "postgres" : "http")),
        ("port", .int(headless ? port : 80)), ("protocol", .string("TCP")),
        ("targetPort", .string(portName)),
      ])]
      if !headless {
        ports.append(.object([("name", .string("metrics")), ("port", .int(9090)), ("protocol", .string("TCP")), ("targetPort", .int(9090))]))
      }
      if kind == .nodePort {
        ports = ports.enumerated().map { i, p in
          guard case .object(var pairs) = p else { return p }
          pairs.insert(("nodePort", .int(30000 + (s * 2 + i) % 2700)), at: 1)
          return .object(pairs)
        }
      }
      spec = [
        ("clusterIP", ips[0]),
        ("clusterIPs", .array(ips)),
        ("internalTrafficPolicy", .string("Cluster")),
        ("ipFamilies", .array(dual ? [.string("IPv4"), .string("IPv6")] : [.string("IPv4")])),
        ("ipFamilyPolicy", .string(dual ? "PreferDualStack" : "SingleStack")),
        ("ports", .array(ports)),
        ("selector", .object([("app", .string(name))])),
        ("sessionAffinity", .string("None")),
        ("type", .string(kind == .nodePort ? "NodePort" : "ClusterIP")),
      ]
      if kind == .nodePort { spec.insert(("externalTrafficPolicy", .string("Cluster")), at: 2) }
    }
    return .object([
      ("apiVersion", .string("v1")),
      ("kind", .string("Service")),
      ("metadata", metadata),
      ("spec", .object(spec)),
      ("status", .object([("loadBalancer", .object([]))])),
    ])
  }
}
