import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// Provenance: with it on, every record names the objects and the rule
/// that made it, and what was left out is kept with its reason; with it
/// off (generate), none of it exists and the records are the same.
@Suite struct ProvenanceTests {
  static let slice = """
    ---
    apiVersion: discovery.k8s.io/v1
    kind: EndpointSlice
    metadata: {name: db-x7k2p, namespace: default, labels: {kubernetes.io/service-name: db}}
    addressType: IPv4
    ports: [{name: pg, port: 5432, protocol: TCP}]
    endpoints:
    - addresses: [10.1.2.3]
      conditions: {ready: true}
      targetRef: {kind: Pod, name: db-0, namespace: default}
    - addresses: [10.1.2.4]
      conditions: {ready: false}
      targetRef: {kind: Pod, name: db-1, namespace: default}

    """
  static let yaml = K8s.service("web", clusterIP: "10.96.0.10")
    + K8s.service("db", clusterIP: "None", selector: ["app": "db"], ports: "[{name: pg, port: 5432}]")
    + slice
    + K8s.pod("db-0", ips: ["10.1.2.3"], labels: ["app": "db"])

  /// The line where the document of `kind` `name` starts (its `apiVersion`).
  static func line(_ kind: String, _ name: String) -> Int {
    var line = 1
    for document in yaml.components(separatedBy: "---\n") {
      if document.contains("kind: \(kind)\n"),
        document.contains("metadata: {name: \(name),") || document.contains("metadata:\n  name: \(name)\n")
      {
        return line + document.prefix { $0 == "\n" }.count
      }
      line += document.filter { $0 == "\n" }.count + 1
    }
    return 0
  }

  static func origins(_ out: RuleHarness.Output, _ line: String) throws -> [RecordOrigin] {
    let provenance = try #require(out.outcome.provenance)
    let record = try #require(out.outcome.zones.flatMap(\.records).first { "\($0.owner) \($0.type.rawValue) \($0.data.presentation)" == line })
    return provenance.origins[record] ?? []
  }

  @Test func everyRecordNamesItsObjectsWithTheirPositions() throws {
    let out = try RuleHarness(provenance: true).run(Self.yaml)
    let provenance = try #require(out.outcome.provenance)
    let records = out.outcome.zones.flatMap(\.records).filter { $0.owner != (try? DomainName("ns.dns.cluster.local")) }
    #expect(records.count >= 10)
    for record in records {
      let origins = provenance.origins[record] ?? []
      #expect(!origins.isEmpty, "\(record.zoneFileLine) has no origin")
      for object in origins.flatMap(\.objects) {
        #expect(object.location.file.hasSuffix("/input.yaml"))
        #expect(object.location.line == Self.line(object.kind, object.name), "\(object)")
      }
    }
  }

  @Test func headlessEndpointNamesTheSliceAndThePod() throws {
    let out = try RuleHarness(provenance: true).run(Self.yaml)
    let origins = try Self.origins(out, "db.default.svc.cluster.local. A 10.1.2.3")
    #expect(origins.map(\.rule.description) == ["headless Service, ready endpoint 10.1.2.3 from EndpointSlice db-x7k2p"])
    #expect(origins.first?.rule.id == "headless-address")
    #expect(origins.first?.objects.map(\.description) == [
      "Service default/db (\(out.file):\(Self.line("Service", "db")):1)",
      "EndpointSlice default/db-x7k2p (\(out.file):\(Self.line("EndpointSlice", "db-x7k2p")):1)",
      "Pod default/db-0 (\(out.file):\(Self.line("Pod", "db-0")):1)",
    ])
    let ptr = try Self.origins(out, "3.2.1.10.in-addr.arpa. PTR 10-1-2-3.db.default.svc.cluster.local.")
    #expect(ptr.map(\.rule.id) == ["endpoint-ptr"])
  }

  @Test(arguments: [
    ("web.default.svc.cluster.local. A 10.96.0.10", "ClusterIP Service address (cluster IP 10.96.0.10)"),
    ("10.0.96.10.in-addr.arpa. PTR web.default.svc.cluster.local.", "PTR of a cluster IP (10.96.0.10), naming its Service"),
    ("_http._tcp.web.default.svc.cluster.local. SRV 0 100 80 web.default.svc.cluster.local.", "SRV for named port http (80/TCP)"),
    ("dns-version.cluster.local. TXT \"1.1.0\"", "dns-version TXT: the Kubernetes DNS schema version, in every forward zone"),
  ])
  func serviceRulesInWords(record: String, rule: String) throws {
    let out = try RuleHarness(provenance: true).run(Self.yaml)
    #expect(try Self.origins(out, record).map(\.rule.description) == [rule])
  }

  @Test func aRecordMadeTwiceKeepsBothOrigins() throws {
    // Two ports to one target port: one SRV at the service name per port,
    // and both headless SRVs point at the same endpoint.
    let yaml = K8s.service("db", clusterIP: "None", selector: ["app": "db"], ports: "[{name: a, port: 80, targetPort: 8080}, {name: b, port: 81, targetPort: 8080}]")
      + K8s.pod("db-0", ips: ["10.1.2.3"], labels: ["app": "db"])
    let out = try RuleHarness(provenance: true).run(yaml)
    let origins = try Self.origins(out, "db.default.svc.cluster.local. A 10.1.2.3")
    #expect(origins.count == 1, "the same endpoint is one origin, however many ports")
    let srv = try Self.origins(out, "_a._tcp.db.default.svc.cluster.local. SRV 0 100 8080 10-1-2-3.db.default.svc.cluster.local.")
    #expect(srv.map(\.rule.id) == ["endpoint-port-srv"])
  }

  @Test func theNotReadyEndpointIsLeftOutWithItsReason() throws {
    let out = try RuleHarness(provenance: true).run(Self.yaml)
    let provenance = try #require(out.outcome.provenance)
    let notReady = provenance.exclusions.filter { $0.reason.id == "not-ready" }
    #expect(notReady.count == 1)
    #expect(notReady.first?.reason.description == "not ready: EndpointSlice db-x7k2p marks the endpoint not ready")
    #expect(notReady.first?.addresses == [IPAddress("10.1.2.4")].compactMap { $0 })
    #expect(notReady.first?.names.contains(try DomainName("10-1-2-4.db.default.svc.cluster.local")) == true)
  }

  @Test(arguments: SynthesisOptions.Profile.allCases)
  func provenanceChangesNoRecordAndIsOffByDefault(profile: SynthesisOptions.Profile) throws {
    let off = try RuleHarness(profile: profile).run(Self.yaml)
    let on = try RuleHarness(profile: profile, provenance: true).run(Self.yaml)
    #expect(off.outcome.provenance == nil)
    #expect(on.outcome.provenance != nil)
    #expect(off.outcome.zones == on.outcome.zones)
  }

  @Test func slicesKeepEachRecordsOrigins() throws {
    let spec = SnapshotSpec(pods: 900, services: 60, seed: 11, dualStack: true)
    var decoded = ObjectDecoder.Result()
    for kind in [SnapshotKind.pods, .services] {
      try Pipeline.decode(SnapshotWriter.bytes(kind, .json, spec: spec), file: kind.rawValue, with: ObjectDecoder(), into: &decoded)
    }
    var log = DiagnosticLog()
    let inventory = Inventory(decoded.objects, log: &log)
    var options = SynthesisOptions(domain: try DomainName("cluster.local"))
    options.provenance = true
    var synthesizer = RecordSynthesizer(options: options)
    synthesizer.parallelSlices = 1
    let one = try synthesizer.synthesize(inventory, log: &log)
    let origins = try #require(one.provenance?.origins)
    #expect(origins.count == one.records.count)
    #expect(origins.allSatisfy { !$0.isEmpty })
    for slices in [2, 5] {
      synthesizer.parallelSlices = slices
      let many = try synthesizer.synthesize(inventory, log: &log)
      #expect(many.records == one.records, "\(slices) slices")
      #expect(many.provenance?.origins == origins, "\(slices) slices")
      #expect(many.provenance?.exclusions == one.provenance?.exclusions, "\(slices) slices")
    }
  }
}
