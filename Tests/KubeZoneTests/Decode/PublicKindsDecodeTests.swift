import Testing
@testable import KubeZone

/// The kinds and fields only the public-name sources read: decoded with
/// public names on, untouched (skipped, or absent) with them off.
@Suite struct PublicKindsDecodeTests {
  static func decode(_ text: String, publicNames: Bool) throws -> ObjectDecoder.Result {
    var result = ObjectDecoder.Result()
    let decoder = ObjectDecoder(defaultNamespace: "default", publicNames: publicNames)
    for document in try YAMLReader.documents(Array(text.utf8), file: "list.yaml") {
      try decoder.decode(document, into: &result)
    }
    return result
  }

  @Test func everyPublicFieldIsRead() throws {
    let objects = try Self.decode(PublicManifests.yamlList, publicNames: true).objects
    guard case .service(let svc) = objects[0], case .ingress(let ing) = objects[1], case .gateway(let gw) = objects[2],
      case .route(let http) = objects[3], case .route(let tcp) = objects[4], case .node(let node) = objects[5],
      case .pod(let pod) = objects[6]
    else {
      Issue.record("unexpected kinds: \(objects.map(\.kind))")
      return
    }
    #expect(svc.annotations["external-dns.kubernetes.io/hostname"]?.text == "shop.example.com")
    #expect(svc.annotations["external-dns.kubernetes.io/hostname"]?.location.description == "list.yaml:7:44")
    #expect(svc.externalIPs.map(\.text) == ["192.0.2.7"])
    #expect(svc.externalTrafficLocal)
    #expect(svc.ports.map(\.nodePort) == [30080])
    #expect(svc.loadBalancer.map { $0.ip?.text } == ["203.0.113.10", nil])
    #expect(svc.loadBalancer.map { $0.hostname?.text } == [nil, "lb.example.net"])
    #expect(ing.ruleHosts.map(\.text) == ["shop.example.com"] && ing.tlsHosts.map(\.text) == ["shop.example.com"])
    #expect(ing.loadBalancer.first?.ip?.text == "203.0.113.11")
    let listener = try #require(gw.listeners.first)
    #expect(listener.hostname?.text == "*.example.com" && listener.port == 80 && listener.protocol == "HTTP")
    #expect(listener.allowedFrom == "Selector" && listener.allowedSelector == ["team": "web"])
    #expect(listener.allowedKinds == [Gateway.RouteGroupKind(group: "gateway.networking.k8s.io", kind: "HTTPRoute")])
    #expect(gw.addresses.map(\.text) == ["203.0.113.12"])
    #expect(http.kind == .http && http.hostnames.map(\.text) == ["api.example.com"])
    #expect(http.parentRefs.first?.sectionName == "http" && http.parentRefs.first?.namespace == "infra")
    #expect(http.statusParents.map(\.accepted) == [true] && http.statusParents.first?.ref.namespace == "infra")
    #expect(http.statusParents.first?.ref.group == "gateway.networking.k8s.io" && http.statusParents.first?.ref.kind == "Gateway")
    #expect(tcp.kind == .tcp && tcp.parentRefs.first?.port == 5432 && tcp.statusParents.isEmpty)
    #expect(node.meta.namespace.isEmpty && node.unschedulable)
    #expect(node.addresses.map(\.type) == ["InternalIP", "ExternalIP"])
    // Pods: the node name, never the annotations.
    #expect(pod.nodeName == "node1" && objects[6].annotations.isEmpty)
  }

  @Test func withoutPublicNamesNothingChanges() throws {
    let result = try Self.decode(PublicManifests.yamlList, publicNames: false)
    #expect(result.objects.map(\.kind) == ["Service", "Pod"])
    #expect(result.skipped == [
      "networking.k8s.io/v1/Ingress": 1, "gateway.networking.k8s.io/v1/Gateway": 1,
      "gateway.networking.k8s.io/v1/HTTPRoute": 1, "gateway.networking.k8s.io/v1alpha2/TCPRoute": 1, "v1/Node": 1,
    ])
    guard case .service(let svc) = result.objects[0], case .pod(let pod) = result.objects[1] else { return }
    #expect(svc.publicFields == nil && svc.annotations.isEmpty && svc.externalIPs.isEmpty && svc.loadBalancer.isEmpty)
    #expect(svc.ports.map(\.nodePort) == [nil] && !svc.externalTrafficLocal)
    #expect(pod.nodeName == nil)
  }

  /// The fast readers decode pods straight from the bytes, without
  /// spec.nodeName; with public names on (NodePort with
  /// externalTrafficPolicy Local needs each pod's node) pods take the
  /// ordinary way, so they carry it in JSON and YAML alike.
  @Test func theFastReadersKeepAPodsNodeWithPublicNames() throws {
    let pod = { (name: String) in
      "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"\(name)\", \"namespace\": \"web\"}, "
        + "\"spec\": {\"nodeName\": \"node1\", \"containers\": [{\"name\": \"c\"}]}, "
        + "\"status\": {\"phase\": \"Running\", \"podIP\": \"10.244.1.5\"}}"
    }
    let json = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\(pod("a")), \(pod("b"))]}"
    let yaml = """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Pod
        metadata:
          name: a
          namespace: web
        spec:
          nodeName: node1
          containers:
          - name: c
        status:
          phase: Running
          podIP: 10.244.1.5

      """
    for publicNames in [true, false] {
      let decoder = ObjectDecoder(defaultNamespace: "default", publicNames: publicNames)
      let fromJSON = Array(json.utf8).withUnsafeBufferPointer { FastJSONInput.decode($0, file: "p.json", decoder: decoder, threads: 1) }
      let fromYAML = Array(yaml.utf8).withUnsafeBufferPointer { FastYAMLInput.decode($0, file: "p.yaml", decoder: decoder, threads: 1) }
      for result in [fromJSON, fromYAML] {
        let objects = try #require(result?.objects)
        #expect(!objects.isEmpty)
        for case .pod(let p) in objects {
          #expect(p.nodeName == (publicNames ? "node1" : nil), "public names \(publicNames): \(p.meta.name)")
        }
      }
    }
  }

  /// A route kind in an API version that does not serve it is skipped.
  @Test func routeVersions() throws {
    let text = "apiVersion: gateway.networking.k8s.io/v1\nkind: TCPRoute\nmetadata: {name: t}\n"
    #expect(try Self.decode(text, publicNames: true).skipped == ["gateway.networking.k8s.io/v1/TCPRoute": 1])
  }

  /// A malformed field of a public kind is an error at its position, as for
  /// the other kinds.
  @Test func malformedFieldIsAnError() {
    let text = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules: 3\n"
    let error = #expect(throws: InputError.self) { try Self.decode(text, publicNames: true) }
    #expect(error?.description.hasPrefix("list.yaml:5:10: error: spec.rules: expected a list") == true)
  }
}
