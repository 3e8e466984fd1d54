import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// `DirectServiceDecoder` reads a Service straight from its bytes, JSON or
/// the simple YAML subset: exactly the Service that building the item and
/// decoding it gives (ports' positions included, the reader left after the
/// item), or it gives up and the ordinary way decides.
@Suite struct DirectServiceDecoderTests {
  static func read(_ p: inout PruningJSONParser) throws(PruningAbort) -> Service {
    try DirectServiceDecoder.decode(&p, defaultNamespace: "test")
  }

  static let head = #"{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "prod", "uid": "u", "labels": {"app": "web"}}"#

  /// Services the direct decoder must read, exactly as the ordinary way.
  @Test(arguments: [
    head + "}",
    head + #", "spec": null}"#,
    head + #", "spec": {}}"#,
    head + #", "spec": {"type": "ClusterIP", "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10", "fd00::10"], "ipFamilies": ["IPv4", "IPv6"],"#
      + #" "ipFamilyPolicy": "PreferDualStack", "selector": {"app": "web", "tier": null}, "sessionAffinity": "None","#
      + #" "ports": [{"name": "http", "port": 80, "protocol": "TCP", "targetPort": 8080}, {"name": "dns", "port": 53, "protocol": "UDP", "targetPort": "dns"},"#
      + #" {"port": 443, "targetPort": "8443"}, {"port": 9000, "targetPort": null, "protocol": null, "name": null}]},"#
      + #" "status": {"loadBalancer": {}}}"#,
    head + #", "spec": {"clusterIP": "None", "clusterIPs": ["None"], "selector": {}, "publishNotReadyAddresses": true, "ports": []}}"#,
    head + #", "spec": {"clusterIP": "10.96.0.1", "clusterIPs": [], "publishNotReadyAddresses": false, "selector": null}}"#,
    head + #", "spec": {"clusterIPs": ["None", "not an address"], "ipFamilies": null, "externalName": null}}"#,
    head + #", "spec": {"type": "ExternalName", "externalName": "db.example.com.", "clusterIP": ""}}"#,
    head + #", "spec": {"type": "LoadBalancer", "clusterIP": "fd00::1", "ports": [{"port": 65535, "nodePort": 30000, "targetPort": 1}]}}"#,
    head + #", "spec": {"type": "NodePort", "clusterIP": "10.0.0.1", "ipFamilies": ["IPv6"], "ports": [{"port": 1, "protocol": "SCTP"}]}}"#,
    // Not an integer: a name, both ways.
    head + #", "spec": {"ports": [{"port": 80, "targetPort": 80.5}]}}"#,
    #"{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "n\u00e4me"}, "spec": {"selector": {"ab": "\u00e9"}, "ports": [{"port": 8, "name": "x\"y"}]}}"#,
  ])
  func servicesAreReadDirectlyAndTheSame(text: String) throws {
    try DirectPodDecoderTests.expectReadDirectly(text) { p throws(PruningAbort) in .service(try Self.read(&p)) }
  }

  /// Services the direct decoder leaves to the ordinary way: what
  /// `ServiceDecoder` rejects, and what it reads in a way the direct one
  /// does not follow (a number where a string goes, an escaped key).
  @Test(arguments: [
    #"{"apiVersion": "v1", "metadata": {"name": "a"}, "kind": "Service"}"#,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}"#,
    #"{"apiVersion": "v2", "kind": "Service", "metadata": {"name": "a"}}"#,
    head + #", "spec": {"type": "Weird"}}"#,
    head + #", "spec": {"clusterIP": "10.96.0.300"}}"#,
    head + #", "spec": {"clusterIPs": [null]}}"#,
    head + #", "spec": {"clusterIPs": "10.0.0.1"}}"#,
    head + #", "spec": {"ipFamilies": ["IPv5"]}}"#,
    head + #", "spec": {"ports": [{"port": 0}]}}"#,
    head + #", "spec": {"ports": [{"port": 65536}]}}"#,
    head + #", "spec": {"ports": [{"port": "80"}]}}"#,
    head + #", "spec": {"ports": [{"name": "x"}]}}"#,
    head + #", "spec": {"ports": [{"port": 80, "targetPort": 0}]}}"#,
    head + #", "spec": {"ports": [{"port": 80, "targetPort": {"x": 1}}]}}"#,
    head + #", "spec": {"ports": [{"port": 80, "protocol": "HTTP"}]}}"#,
    head + #", "spec": {"ports": [null]}}"#,
    head + #", "spec": {"publishNotReadyAddresses": "true"}}"#,
    head + #", "spec": {"publishNotReadyAddresses": 1}}"#,
    head + #", "spec": {"selector": {"app": ["web"]}}}"#,
    head + #", "spec": {"selector": {"app": 5}}}"#,
    head + #", "spec": {"type": "ClusterIP", "type": "NodePort"}}"#,
    head + #", "spec": {"sel\u0065ctor": {"app": "web"}}}"#,
    head + #", "spec": {"selector": {"a\u0062": "web"}}}"#,
    head + #", "spec": "x"}"#,
    head + #", "spec": {"ports": [{"port": 80,}]}}"#,
  ])
  func unusualServicesAreLeftToTheOrdinaryWay(text: String) {
    #expect(DirectPodDecoderTests.bothWays(text, Self.read).direct == nil, "the direct decoder read an item it should leave")
  }

  /// The same Services in YAML, through the simple YAML reader: read
  /// directly, equal to the entries built and decoded, the parser left on
  /// the same line.
  @Test(arguments: [
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n    namespace: prod\n    resourceVersion: \"1\"\n  spec:\n"
      + "    clusterIP: 10.96.0.10\n    clusterIPs:\n    - 10.96.0.10\n    - fd00::10\n    ipFamilies:\n    - IPv4\n    - IPv6\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n"
      + "    ports:\n    - name: http\n      port: 80\n      protocol: TCP\n      targetPort: 8080\n"
      + "    - name: dns\n      port: 53\n      protocol: UDP\n      targetPort: dns\n    - port: 443\n      targetPort: \"8443\"\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n"
      + "    ports:\n    - port: 9000\n      targetPort: '9001'\n    - port: 22\n      targetPort: +22\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n"
      + "    selector:\n      app: web\n      tier: null\n    publishNotReadyAddresses: True\n    type: ClusterIP\n  status:\n    loadBalancer:\n      ingress: []\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    clusterIP: None\n    selector: {}\n    ports: []\n    publishNotReadyAddresses: FALSE\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    type: ExternalName\n    externalName: db.example.com.\n    selector: ~\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    ports:\n      - port: 80\n        targetPort: 8080\n      - port: 81\n",
  ])
  func yamlServicesAreReadDirectlyAndTheSame(text: String) throws {
    try DirectPodDecoderYAMLTests.expectReadDirectly(text)
  }

  @Test(arguments: [
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    publishNotReadyAddresses: 'true'\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    publishNotReadyAddresses: yes\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    ports:\n    - port: '80'\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    ports:\n    - port: 80\n      targetPort: 0\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    clusterIPs:\n    - ~\n",
    "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n  spec:\n    type: clusterip\n",
  ])
  func unusualYAMLServicesAreLeftToTheOrdinaryWay(text: String) {
    #expect(DirectPodDecoderYAMLTests.bothWays(text).direct?.objects.isEmpty ?? true, "the direct decoder read an entry it should leave")
  }

  /// Every Service kubezone-synth writes is read directly.
  @Test func everySynthesizedServiceIsReadDirectly() throws {
    let spec = SnapshotSpec(pods: 200, services: 40, seed: 3, dualStack: true)
    let read = try DirectPodDecoderTests.readDirectly(.services, spec: spec) { p in (try? Self.read(&p)) != nil }
    #expect(read == 40)
  }

  /// The texts compared as bytes avoid the characters whose canonical
  /// equivalents would make String equality differ from byte equality.
  @Test func comparedTextsCompareAsStringsDo() {
    for text in (DirectServiceDecoder.Texts.all + [DirectServiceDecoder.Keys.object, DirectServiceDecoder.Keys.spec, DirectServiceDecoder.Keys.port]).joined() {
      #expect(!text.description.contains { "K;`".contains($0) }, "\(text)")
    }
  }
}
