/// Decodes discovery.k8s.io EndpointSlices (v1 and v1beta1 share the
/// fields kubezone reads).
enum EndpointSliceDecoder {
  static func decode(_ object: Field, defaultNamespace: String) throws(InputError) -> EndpointSlice {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace)
    var endpoints: [EndpointSlice.Endpoint] = []
    for e in try object.list("endpoints") {
      let addresses = try e.list("addresses").map { f throws(InputError) in try AddressDecoder.decode(f) }
      let ready = try e.child("conditions")?.bool("ready") ?? true
      let target = e.child("targetRef")
      let podName = try target?.string("kind") == "Pod" ? try target?.string("name") : nil
      endpoints.append(EndpointSlice.Endpoint(
        addresses: addresses, isReady: ready, hostname: try e.string("hostname"), podName: podName))
    }
    return EndpointSlice(
      meta: meta,
      serviceName: meta.labels["kubernetes.io/service-name"],
      endpoints: endpoints,
      ports: try decodePorts(object.list("ports")))
  }

  static func decodePorts(_ fields: [Field]) throws(InputError) -> [EndpointSlice.Port] {
    var out: [EndpointSlice.Port] = []
    for p in fields {
      out.append(EndpointSlice.Port(
        name: try p.string("name"), port: try p.int("port"),
        protocol: try PortProtocolDecoder.decode(p.child("protocol"))))
    }
    return out
  }
}

enum EndpointsDecoder {
  static func decode(_ object: Field, defaultNamespace: String) throws(InputError) -> Endpoints {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace)
    var subsets: [Endpoints.Subset] = []
    for s in try object.list("subsets") {
      subsets.append(Endpoints.Subset(
        addresses: try addresses(s.list("addresses")),
        notReadyAddresses: try addresses(s.list("notReadyAddresses")),
        ports: try EndpointSliceDecoder.decodePorts(s.list("ports"))))
    }
    return Endpoints(meta: meta, subsets: subsets)
  }

  private static func addresses(_ fields: [Field]) throws(InputError) -> [Endpoints.Address] {
    var out: [Endpoints.Address] = []
    for a in fields {
      guard let ip = a.child("ip") else {
        throw InputError("\(a.path).ip: required field is missing", at: a.location)
      }
      let target = a.child("targetRef")
      out.append(Endpoints.Address(
        ip: try AddressDecoder.decode(ip), hostname: try a.string("hostname"),
        podName: try target?.string("kind") == "Pod" ? try target?.string("name") : nil))
    }
    return out
  }
}

enum WorkloadDecoder {
  static func decode(_ object: Field, kind: Workload.Kind, defaultNamespace: String) throws(InputError) -> Workload {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace)
    let spec = object.child("spec")
    return Workload(
      kind: kind, meta: meta,
      selector: try spec?.child("selector")?.child("matchLabels")?.stringMap() ?? [:],
      replicas: try spec?.int("replicas"),
      serviceName: try spec?.string("serviceName"))
  }
}
