/// Builds the EndpointSlices the controller would keep for each service:
/// up to 100 endpoints a slice, one slice list per address family.
struct EndpointSliceFactory {
  let model: ClusterModel
  static let maxEndpoints = 100

  /// One entry per slice: the service and the pod range it covers, and
  /// whether it holds IPv6 addresses.
  struct SliceRef {
    var service: Int
    var pods: Range<Int>
    var ipv6: Bool
    var ordinal: Int
  }

  /// Every slice of the cluster, in service order.
  func slices() -> [SliceRef] {
    var out: [SliceRef] = []
    for s in 0..<model.spec.services where model.serviceKind(s) != .externalName {
      let range = model.pods(ofService: s)
      let headless = model.serviceKind(s) == .headless || model.serviceKind(s) == .statefulSet
      for v6 in model.spec.dualStack && !headless ? [false, true] : [false] {
        var start = range.lowerBound
        var ordinal = 0
        repeat {
          let end = min(start + Self.maxEndpoints, range.upperBound)
          out.append(SliceRef(service: s, pods: start..<end, ipv6: v6, ordinal: ordinal))
          start = end
          ordinal += 1
        } while start < range.upperBound
      }
    }
    return out
  }

  func slice(_ ref: SliceRef) -> SynthValue {
    let s = ref.service
    let name = model.serviceName(s)
    let ns = model.namespace(ofService: s)
    let kind = model.serviceKind(s)
    let headless = kind == .headless || kind == .statefulSet
    var endpoints: [SynthValue] = []
    for p in ref.pods where !model.isPending(p) {
      let ready = model.isReady(p)
      var pairs: [(String, SynthValue)] = [
        ("addresses", .array([.string(ref.ipv6 ? model.podIPv6(p) : model.podIPv4(p))])),
        ("conditions", .object([("ready", .bool(ready)), ("serving", .bool(ready)), ("terminating", .bool(false))])),
      ]
      if kind == .statefulSet { pairs.append(("hostname", .string(model.podName(p)))) }
      pairs += [
        ("nodeName", .string(model.nodeName(ofPod: p))),
        ("targetRef", .object([
          ("kind", .string("Pod")), ("name", .string(model.podName(p))),
          ("namespace", .string(ns)), ("uid", .string(model.uid(p, 21))),
        ])),
      ]
      endpoints.append(.object(pairs))
    }
    var ports: [SynthValue] = [.object([
      ("name", .string(headless ? "postgres" : "http")), ("port", .int(model.containerPort(s).port)), ("protocol", .string("TCP")),
    ])]
    if !headless { ports.append(.object([("name", .string("metrics")), ("port", .int(9090)), ("protocol", .string("TCP"))])) }
    let sliceName = "\(name)-\(model.suffix(model.random(s * 64 + ref.ordinal * 2 + (ref.ipv6 ? 1 : 0), 50), 5))"
    var pairs: [(String, SynthValue)] = [("addressType", .string(ref.ipv6 ? "IPv6" : "IPv4")), ("apiVersion", .string("discovery.k8s.io/v1"))]
    if !endpoints.isEmpty { pairs.append(("endpoints", .array(endpoints))) }
    pairs += [
      ("kind", .string("EndpointSlice")),
      ("metadata", .object([
        ("annotations", .object([("endpoints.kubernetes.io/last-change-trigger-time", .string("2026-11-20T09:14:10Z"))])),
        ("creationTimestamp", .string("2026-11-20T09:13:58Z")),
        ("generateName", .string("\(name)-")),
        ("generation", .int(3)),
        ("labels", .object([
          ("app", .string(name)),
          ("endpointslice.kubernetes.io/managed-by", .string("endpointslice-controller.k8s.io")),
          ("kubernetes.io/service-name", .string(name)),
        ])),
        ("name", .string(sliceName)),
        ("namespace", .string(ns)),
        ("ownerReferences", .array([.object([
          ("apiVersion", .string("v1")), ("blockOwnerDeletion", .bool(true)), ("controller", .bool(true)),
          ("kind", .string("Service")), ("name", .string(name)), ("uid", .string(model.uid(s, 40))),
        ])])),
        ("resourceVersion", .string(String(70_000 + s * 5 + ref.ordinal))),
        ("uid", .string(model.uid(s * 64 + ref.ordinal, 51))),
      ])),
      ("ports", .array(ports)),
    ]
    return .object(pairs)
  }
}
