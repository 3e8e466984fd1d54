/// Decodes a v1 Service and applies the API server's defaults.
enum ServiceDecoder {
  /// With `publicNames`, also what ExternalDNS's service source reads:
  /// annotations, external IPs, load balancer status, node ports and the
  /// external traffic policy.
  static func decode(_ object: Field, defaultNamespace: String, publicNames: Bool = false) throws(InputError) -> Service {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace)
    let spec = object.child("spec")
    try spec?.requireMapping()
    var type = Service.ServiceType.clusterIP
    if let t = spec?.child("type") {
      guard let parsed = Service.ServiceType(rawValue: try t.stringValue()) else {
        throw t.fail("one of ClusterIP, NodePort, LoadBalancer, ExternalName")
      }
      type = parsed
    }
    // `clusterIPs` wins; an empty list falls back to `clusterIP`. Errors
    // name the field the text came from.
    var ipFields = try spec?.child("clusterIPs")?.items() ?? []
    var ipTexts = try ipFields.map { f throws(InputError) in try f.stringValue() }
    var fromList = !ipTexts.isEmpty
    if ipTexts.isEmpty, let single = spec?.child("clusterIP"), !(try single.stringValue()).isEmpty {
      ipTexts = [try single.stringValue()]
      ipFields = [single]
      fromList = false
    }
    let isHeadless = ipTexts.first == "None"
    var clusterIPs: [IPAddress] = []
    if !isHeadless {
      for (i, text) in ipTexts.enumerated() {
        guard let ip = IPAddress(text) else {
          let name = fromList ? "spec.clusterIPs[\(i)]" : "spec.clusterIP"
          throw InputError("\(name): '\(text.escapedForMessage)' is not an IP address", at: ipFields[i].location)
        }
        clusterIPs.append(ip)
      }
    }
    var families: [IPFamily] = []
    for f in try spec?.list("ipFamilies") ?? [] {
      guard let family = IPFamily(rawValue: try f.stringValue()) else { throw f.fail("IPv4 or IPv6") }
      families.append(family)
    }
    families = Self.families(families, clusterIPs: clusterIPs)
    var ports: [ServicePort] = []
    for p in try spec?.list("ports") ?? [] {
      var port = try decodePort(p)
      if publicNames, let n = p.child("nodePort") {
        port.nodePort = try n.intValue()
      }
      ports.append(port)
    }
    var service = Service(
      meta: meta,
      type: type,
      clusterIPs: clusterIPs,
      isHeadless: isHeadless,
      externalName: try spec?.string("externalName"),
      selector: try spec?.child("selector")?.stringMap(),
      ports: ports,
      publishNotReadyAddresses: try spec?.bool("publishNotReadyAddresses") ?? false,
      ipFamilies: families)
    if publicNames {
      service.publicFields = ServicePublicFields(
        annotations: try object.annotations(), externalIPs: try spec?.texts("externalIPs") ?? [],
        loadBalancer: try LoadBalancerIngress.decode(object),
        externalTrafficLocal: try spec?.string("externalTrafficPolicy") == "Local")
    }
    return service
  }

  static func decodePort(_ p: Field) throws(InputError) -> ServicePort {
    try p.requireMapping()
    guard let portField = p.child("port") else {
      throw InputError("\(p.path).port: required field is missing", at: p.location)
    }
    let port = try portField.intValue()
    guard (1...65535).contains(port) else { throw portField.fail("a port number from 1 to 65535") }
    let proto = try PortProtocolDecoder.decode(p.child("protocol"))
    var target = ServicePort.Target.number(port)
    if let t = p.child("targetPort"), let s = t.node.scalar {
      guard let read = ServicePort.Target(s.text, plain: s.style == .plain) else {
        throw t.fail("a port number from 1 to 65535")
      }
      target = read
    } else if let t = p.child("targetPort") {
      throw t.fail("a port number or name")
    }
    return ServicePort(
      name: try p.string("name"), port: port, protocol: proto, targetPort: target, location: p.location)
  }
}

extension ServiceDecoder {
  /// `ipFamilies` as given, else the API server's default: the cluster
  /// IPs' families, or both for a Service without one.
  static func families(_ given: [IPFamily], clusterIPs: [IPAddress]) -> [IPFamily] {
    guard given.isEmpty else { return given }
    return clusterIPs.isEmpty ? [.ipv4, .ipv6] : clusterIPs.map { $0.isIPv6 ? .ipv6 : .ipv4 }
  }
}

extension ServicePort.Target {
  /// A `targetPort` scalar: a plain integer is a port number (nil when it
  /// is outside 1-65535), anything else a port's name.
  init?(_ text: String, plain: Bool) {
    guard plain, let n = Int(text) else {
      self = .name(text)
      return
    }
    guard (1...65535).contains(n) else { return nil }
    self = .number(n)
  }
}

enum PortProtocolDecoder {
  /// `protocol`, defaulting to TCP as the API server does.
  static func decode(_ field: Field?) throws(InputError) -> PortProtocol {
    guard let field else { return .tcp }
    guard let p = PortProtocol(rawValue: try field.stringValue()) else {
      throw field.fail("TCP, UDP or SCTP")
    }
    return p
  }
}
