/// ExternalDNS's Gateway API route sources (source/gateway.go,
/// `gatewayRouteResolver`): a route's hostnames, met with the hostnames of
/// the listeners it attached to, point at the Gateway's
/// `status.addresses` (or the Gateway's `target` annotation).
///
/// A parent counts when the route's `status.parents` lists it with
/// `Accepted: True` and it is one of the route's `spec.parentRefs`; then
/// each listener of the parent (or of its `sectionName`) whose protocol,
/// `port` and `allowedRoutes` admit the route adds the matching hosts
/// (`GatewayHostMatch`). A route without hostnames takes each listener's
/// hostname. A parent Gateway missing from the input is warned about.
struct GatewayPublicSource {
  let inventory: Inventory
  private var gateways: [String: Gateway] = [:]

  init(_ inventory: Inventory, annotationPrefix: String? = nil) {
    self.inventory = inventory
    // A Gateway another controller owns is not read (ExternalDNS's
    // `IsControllerMatch` on its Gateway informer): its routes find no parent.
    for g in inventory.gateways where !Self.ownedByOtherController(g, prefix: annotationPrefix) {
      gateways[Self.key(g.meta.namespace, g.meta.name)] = g
    }
  }

  private static func key(_ namespace: String, _ name: String) -> String { namespace + "/" + name }

  private static func ownedByOtherController(_ g: Gateway, prefix: String?) -> Bool {
    for prefix in prefix.map({ [$0] }) ?? [PublicAnnotations.currentPrefix, PublicAnnotations.alphaPrefix] {
      if let c = g.annotations[prefix + "controller"] { return c.text != "dns-controller" }
    }
    return false
  }

  func records(
    _ route: Route, options: PublicNameOptions, templates: PublicFQDNTemplates, into sink: inout PublicRecordSink
  ) throws(InputError) {
    let kind = route.kind.rawValue
    guard let subject = try PublicSubject.make(kind: kind, route.meta, annotations: route.annotations, options: options, into: &sink) else { return }
    var found: [String: (host: FieldText, via: String, targets: [PublicTarget])] = [:]
    var order: [String] = []
    let hosts = try routeHosts(route, subject, templates: templates, into: &sink)
    for parent in route.statusParents {
      guard let (gateway, listeners) = try attached(route, parent, subject, into: &sink) else { continue }
      let targets = try gatewayTargets(gateway, options: options, into: &sink)
      for listener in listeners {
        guard let listenerHost = try listenerHost(listener, gateway, into: &sink) else { continue }
        for host in hosts where !(listenerHost.text.isEmpty && host.text.isEmpty) {
          guard let name = GatewayHostMatch.match(listener: listenerHost.text, route: host.text) else { continue }
          if found[name] == nil { order.append(name) }
          let at = host.text.isEmpty ? listenerHost : host
          let via = "\(kind) hostname via Gateway \(gateway.meta.namespace)/\(gateway.meta.name)"
          found[name, default: (FieldText(name, at: at.location), via, [])].targets += targets
        }
      }
    }
    for name in order {
      guard let entry = found[name] else { continue }
      try subject.add(entry.host, entry.targets, rule: entry.via, into: &sink)
    }
  }

  /// The route's hostnames, lower-cased; "" stands for "none given" and
  /// takes the listener's. Invalid ones are rejected here.
  private func routeHosts(
    _ route: Route, _ subject: PublicSubject, templates: PublicFQDNTemplates, into sink: inout PublicRecordSink
  ) throws(InputError) -> [FieldText] {
    var spec = route.hostnames
    if spec.isEmpty { spec += try templates.names(subject, kind: route.kind.rawValue, into: &sink) }
    let annotation = subject.annotations.hostnames(.hostname)
    var hosts: [FieldText]
    switch subject.annotations[.gatewayHostnameSource]?.text.lowercased() {
    case "annotation-only"?: hosts = annotation
    case "defined-hosts-only"?: hosts = spec
    case let other:
      if other != nil, let field = subject.annotations[.gatewayHostnameSource] {
        sink.log.warn(
          "\(subject.reference.key): gateway-hostname-source '\(field.text.escapedForMessage)' is neither annotation-only nor defined-hosts-only; both sources are used",
          at: field.location)
      }
      hosts = spec + (route.hostnames.isEmpty ? [FieldText("", at: route.meta.location)] : []) + annotation
    }
    var out: [FieldText] = []
    for h in hosts {
      if h.text.isEmpty { out.append(h); continue }
      guard try PublicHostname.read(h, "\(route.kind.rawValue) hostname", of: subject.reference, into: &sink) != nil else { continue }
      out.append(FieldText(Self.lower(h.text), at: h.location))
    }
    return out
  }

  private static func lower(_ s: String) -> String {
    var s = s.lowercased()
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  /// The parent Gateway and its listeners the route attached to, or nil.
  private func attached(
    _ route: Route, _ parent: Route.ParentStatus, _ subject: PublicSubject, into sink: inout PublicRecordSink
  ) throws(InputError) -> (Gateway, [Gateway.Listener])? {
    let ref = parent.ref
    // Messages point at the spec's reference, where the route names its parent.
    guard let at = route.parentRefs.first(where: { $0.sameParent(ref) })?.location else { return nil }
    // ListenerSets and other parents are not read (ExternalDNS reads ListenerSets).
    guard ref.group == GatewayDecoder.group, ref.kind == "Gateway" else { return nil }
    let key = ObjectKey(kind: "Gateway", namespace: ref.namespace, name: ref.name)
    guard let gateway = gateways[Self.key(ref.namespace, ref.name)] else {
      if inventory.exclusions.contains(where: { $0.object == key }) {
        sink.log.note("\(subject.reference.key): its parent \(key) is left out by a filter", at: at)
      } else if inventory.gateways.contains(where: { $0.meta.namespace == ref.namespace && $0.meta.name == ref.name }) {
        sink.log.note("\(subject.reference.key): its parent \(key) belongs to another controller", at: at)
      } else {
        try sink.reject("\(subject.reference.key): parent \(key) is not in the input; no record for it", at: at)
      }
      return nil
    }
    guard parent.accepted else {
      sink.log.note("\(subject.reference.key): \(key) has not accepted it (status.parents Accepted is not True)", at: at)
      return nil
    }
    var listeners = gateway.listeners
    if let section = ref.sectionName { listeners = listeners.filter { $0.name == section } }
    listeners = listeners.filter { l in
      GatewayHostMatch.protocolMatches(route: route.kind.listenerProtocol, listener: l.protocol)
        && (ref.port == nil || ref.port == l.port) && allows(l, gateway, route)
    }
    return (gateway, listeners)
  }

  /// ExternalDNS's `routeIsAllowed`: the listener's `allowedRoutes`.
  private func allows(_ listener: Gateway.Listener, _ gateway: Gateway, _ route: Route) -> Bool {
    switch listener.allowedFrom {
    case "All": break
    case "Same": if gateway.meta.namespace != route.meta.namespace { return false }
    case "Selector":
      guard let ns = inventory.namespaces.first(where: { $0.name == route.meta.namespace }) else { return false }
      if !EndpointResolver.selects(listener.allowedSelector, ns.labels) { return false }
    default: return false
    }
    if listener.allowedKinds.isEmpty { return true }
    return listener.allowedKinds.contains { $0.group == GatewayDecoder.group && $0.kind == route.kind.rawValue }
  }

  /// The listener's hostname, lower-cased ("" for none); nil after
  /// rejecting an invalid one.
  private func listenerHost(_ l: Gateway.Listener, _ gateway: Gateway, into sink: inout PublicRecordSink) throws(InputError) -> FieldText? {
    guard let h = l.hostname else { return FieldText("", at: gateway.meta.location) }
    let reference = ObjectReference("Gateway", gateway.meta)
    guard try PublicHostname.read(h, "listener \(l.name) hostname", of: reference, into: &sink) != nil else { return nil }
    return FieldText(Self.lower(h.text), at: h.location)
  }

  /// The Gateway's `target` annotation, else its `status.addresses`.
  private func gatewayTargets(_ gateway: Gateway, options: PublicNameOptions, into sink: inout PublicRecordSink) throws(InputError) -> [PublicTarget] {
    let reference = ObjectReference("Gateway", gateway.meta)
    let annotations = PublicAnnotations(gateway.annotations, prefix: options.annotationPrefix, object: reference, into: &sink)
    let override = try annotations.targets(of: reference, into: &sink)
    if override.present { return override.targets }
    var out: [PublicTarget] = []
    for a in gateway.addresses {
      if let t = try PublicTarget.read(a, "status.addresses value", of: reference, into: &sink) { out.append(t) }
    }
    return out
  }
}
