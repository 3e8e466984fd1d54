import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// `DirectEndpointSliceDecoder` reads an EndpointSlice straight from its
/// bytes, JSON or the simple YAML subset: exactly the slice that building
/// the item and decoding it gives (the reader left after the item), or it
/// gives up and the ordinary way decides.
@Suite struct DirectEndpointSliceDecoderTests {
  static func read(_ p: inout PruningJSONParser) throws(PruningAbort) -> EndpointSlice {
    try DirectEndpointSliceDecoder.decode(&p, defaultNamespace: "test")
  }

  /// kubectl's order: `endpoints` before `kind`.
  static let head = #"{"addressType": "IPv4", "apiVersion": "discovery.k8s.io/v1""#
  static let meta = #""metadata": {"name": "web-abc", "namespace": "prod", "labels": {"kubernetes.io/service-name": "web"}}"#

  /// Slices the direct decoder must read, exactly as the ordinary way.
  @Test(arguments: [
    head + #", "kind": "EndpointSlice", "# + meta + "}",
    head + #", "endpoints": [{"addresses": ["10.0.0.1"], "conditions": {"ready": true, "serving": true, "terminating": false},"#
      + #" "nodeName": "n1", "targetRef": {"kind": "Pod", "name": "web-0", "namespace": "prod", "uid": "u"}},"#
      + #" {"addresses": ["10.0.0.2", "10.0.0.3"], "conditions": {"ready": false}, "hostname": "web-1", "targetRef": {"name": "x", "kind": "Node"}},"#
      + #" {"addresses": ["fd00::4"], "conditions": {}, "targetRef": {"kind": "Pod"}}, {"addresses": [], "conditions": {"ready": null}}],"#
      + #" "kind": "EndpointSlice", "# + meta + #", "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}, {"port": 53, "protocol": "UDP"},"#
      + #" {"name": "", "port": null, "protocol": null, "appProtocol": "h2c"}]}"#,
    #"{"apiVersion": "discovery.k8s.io/v1beta1", "kind": "EndpointSlice", "metadata": {"name": "s", "uid": "u"}, "endpoints": null, "ports": null}"#,
    #"{"kind": "EndpointSlice", "apiVersion": "discovery.k8s.io/v1", "metadata": {"name": "s"}, "endpoints": [{"addresses": ["10.0.0.1"], "conditions": null, "targetRef": null, "hostname": null}]}"#,
    // Negative and large ports: as `Field` reads them.
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"addresses": ["10.0.0.1"], "conditions": {"ready": false}}, {"addresses": ["10.0.0.2"], "conditions": {"ready": true}}],"#
      + #" "ports": [{"port": -1}, {"port": 70000, "protocol": "SCTP"}]}"#,
    // Escaped text is its text.
    #"{"apiVersion": "discovery.k8s.io\/v1", "kind": "Endpoint\u0053lice", "metadata": {"name": "s\u00e9"}, "endpoints": [{"addresses": ["10.0.0.\u0031"], "targetRef": {"kind": "P\u006fd", "name": "p\"q"}}]}"#,
  ])
  func slicesAreReadDirectlyAndTheSame(text: String) throws {
    try DirectPodDecoderTests.expectReadDirectly(text) { p throws(PruningAbort) in .endpointSlice(try Self.read(&p)) }
  }

  /// Slices the direct decoder leaves to the ordinary way: what
  /// `EndpointSliceDecoder` rejects, other kinds, and what it reads in a
  /// way the direct one does not follow.
  @Test(arguments: [
    #"{"apiVersion": "v1", "kind": "Endpoints", "metadata": {"name": "s"}}"#,
    #"{"apiVersion": "discovery.k8s.io/v2", "kind": "EndpointSlice", "metadata": {"name": "s"}}"#,
    #"{"apiVersion": "discovery.k8s.io/v1", "kind": "Service", "metadata": {"name": "s"}}"#,
    #"{"apiVersion": "discovery.k8s.io/v1", "metadata": {"name": "s"}}"#,
    #"{"kind": "EndpointSlice", "metadata": {"name": "s"}}"#,
    #"{"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice"}"#,
    #"{"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": ""}}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"addresses": ["10.0.0.300"]}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"addresses": [null]}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"addresses": "10.0.0.1"}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [null]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": {"addresses": []}}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"conditions": {"ready": "true"}}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"conditions": {"ready": 1}}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"conditions": "ready"}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"targetRef": {"kind": "Pod", "name": {"x": 1}}}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "endpoints": [{"hostname": "a", "hostname": "b"}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "ports": [{"port": "80"}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "ports": [{"port": 80.5}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "ports": [{"port": 80, "protocol": "HTTP"}]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "ports": [null]}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "p\u006frts": []}"#,
    head + #", "kind": "EndpointSlice", "# + meta + #", "ports": [{"port": 80,}]}"#,
  ])
  func unusualSlicesAreLeftToTheOrdinaryWay(text: String) {
    #expect(DirectPodDecoderTests.bothWays(text, Self.read).direct == nil, "the direct decoder read an item it should leave")
  }

  /// The same slices in YAML, through the simple YAML reader.
  @Test(arguments: [
    "- addressType: IPv4\n  apiVersion: discovery.k8s.io/v1\n  endpoints:\n  - addresses:\n    - \"10.64.0.0\"\n    conditions:\n"
      + "      ready: true\n      serving: true\n    nodeName: node-1\n    targetRef:\n      kind: Pod\n      name: web-0\n      namespace: prod\n"
      + "  - addresses:\n    - 10.64.0.1\n    conditions:\n      ready: false\n    hostname: web-1\n"
      + "  kind: EndpointSlice\n  metadata:\n    labels:\n      kubernetes.io/service-name: web\n    name: web-abc\n    namespace: prod\n"
      + "  ports:\n  - name: http\n    port: 8080\n    protocol: TCP\n  - port: 53\n    protocol: UDP\n",
    "- apiVersion: discovery.k8s.io/v1beta1\n  kind: EndpointSlice\n  metadata:\n    name: s\n  endpoints: []\n  ports: ~\n",
    // Booleans in any of `Field`'s cases.
    "- apiVersion: discovery.k8s.io/v1\n  kind: EndpointSlice\n  metadata:\n    name: s\n  endpoints:\n  - conditions:\n      ready: False\n  - conditions:\n      ready: TRUE\n  - conditions:\n      ready: null\n",
    "- apiVersion: discovery.k8s.io/v1\n  kind: EndpointSlice\n  metadata:\n    name: s\n  endpoints:\n    - addresses:\n      - fd00::1\n      conditions: {}\n",
  ])
  func yamlSlicesAreReadDirectlyAndTheSame(text: String) throws {
    try DirectPodDecoderYAMLTests.expectReadDirectly(text)
    #expect(DirectPodDecoderYAMLTests.bothWays(text).direct?.others == 0, "built as nodes, not read directly")
  }

  @Test(arguments: [
    "- apiVersion: discovery.k8s.io/v1\n  kind: EndpointSlice\n  metadata:\n    name: s\n  endpoints:\n  - conditions:\n      ready: yes\n",
    "- apiVersion: discovery.k8s.io/v1\n  kind: EndpointSlice\n  metadata:\n    name: s\n  ports:\n  - port: '80'\n",
    "- apiVersion: discovery.k8s.io/v1\n  kind: EndpointSlice\n  metadata:\n    name: s\n  endpoints:\n  - addresses:\n    - ~\n",
  ])
  func unusualYAMLSlicesAreLeftToTheOrdinaryWay(text: String) {
    #expect(DirectPodDecoderYAMLTests.bothWays(text).direct?.objects.isEmpty ?? true, "the direct decoder read an entry it should leave")
  }

  /// Every slice kubezone-synth writes is read directly.
  @Test func everySynthesizedSliceIsReadDirectly() throws {
    let spec = SnapshotSpec(pods: 200, services: 40, seed: 3, dualStack: true)
    let text = String(decoding: SnapshotWriter.bytes(.endpointslices, .json, spec: spec), as: UTF8.self)
    let slices = text.components(separatedBy: #""kind": "EndpointSlice""#).count - 1
    #expect(slices >= 40)
    let read = try DirectPodDecoderTests.readDirectly(.endpointslices, spec: spec) { p in (try? Self.read(&p)) != nil }
    #expect(read == slices)
  }

  /// The texts compared as bytes avoid the characters whose canonical
  /// equivalents would make String equality differ from byte equality.
  @Test func comparedTextsCompareAsStringsDo() {
    for text in (DirectEndpointSliceDecoder.Texts.all + DirectEndpointSliceDecoder.Keys.all).joined() {
      #expect(!text.description.contains { "K;`".contains($0) }, "\(text)")
    }
  }
}
