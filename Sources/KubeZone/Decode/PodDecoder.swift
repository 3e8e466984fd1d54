/// Decodes a v1 Pod: identity, hostname/subdomain, phase, readiness, IPs
/// and named container ports; the rest of a pod is never looked at.
enum PodDecoder {
  static func decode(_ object: Field, defaultNamespace: String) throws(InputError) -> Pod {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace)
    let spec = object.child("spec")
    let status = object.child("status")
    var ports: [Pod.ContainerPort] = []
    for container in try spec?.list("containers") ?? [] {
      for p in try container.list("ports") {
        guard let number = p.child("containerPort") else {
          throw InputError("\(p.path).containerPort: required field is missing", at: p.location)
        }
        ports.append(Pod.ContainerPort(
          name: try p.string("name"), port: try number.intValue(),
          protocol: try PortProtocolDecoder.decode(p.child("protocol"))))
      }
    }
    var ready = false
    for condition in try status?.list("conditions") ?? [] where try condition.string("type") == "Ready" {
      ready = try condition.string("status") == "True"
    }
    var phase = Pod.Phase.pending
    if let p = status?.child("phase") {
      phase = Pod.Phase(rawValue: try p.stringValue()) ?? .unknown
    }
    return Pod(
      meta: meta,
      hostname: try spec?.string("hostname"),
      subdomain: try spec?.string("subdomain"),
      phase: phase,
      isReady: ready,
      ips: try podIPs(status),
      containerPorts: ports)
  }

  private static func podIPs(_ status: Field?) throws(InputError) -> [IPAddress] {
    guard let status else { return [] }
    var ips: [IPAddress] = []
    for entry in try status.list("podIPs") {
      guard let ipField = entry.child("ip") else { continue }
      ips.append(try AddressDecoder.decode(ipField))
    }
    if ips.isEmpty, let single = status.child("podIP") {
      let text = try single.stringValue()
      if !text.isEmpty { ips.append(try AddressDecoder.decode(single)) }
    }
    return ips
  }
}

enum AddressDecoder {
  /// Parses an IP address field; anything else is an error at the value.
  static func decode(_ field: Field) throws(InputError) -> IPAddress {
    guard let ip = IPAddress(try field.stringValue()) else { throw field.fail("an IP address") }
    return ip
  }
}
