import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// The snapshot generator: deterministic, JSON and YAML carry the same
/// data, and the shape the benchmark relies on.
@Suite struct SynthSnapshotTests {
  static let spec = SnapshotSpec(pods: 120, services: 8, seed: 3, dualStack: true)

  @Test func sameSeedSameBytes() {
    for kind in SnapshotKind.allCases {
      #expect(SnapshotWriter.bytes(kind, .json, spec: Self.spec) == SnapshotWriter.bytes(kind, .json, spec: Self.spec))
    }
    var other = Self.spec
    other.seed = 4
    #expect(SnapshotWriter.bytes(.pods, .json, spec: Self.spec) != SnapshotWriter.bytes(.pods, .json, spec: other))
  }

  @Test(arguments: SnapshotKind.allCases)
  func jsonAndYAMLHoldTheSameDocument(kind: SnapshotKind) throws {
    let json = try JSONReader.document(SnapshotWriter.bytes(kind, .json, spec: Self.spec), file: "j")
    let yaml = try YAMLReader.documents(SnapshotWriter.bytes(kind, .yaml, spec: Self.spec), file: "y")
    #expect(yaml.count == 1)
    #expect(json.jsonText() == yaml.first?.jsonText())
  }

  @Test func podsCarryWhatKubectlShows() throws {
    let doc = try JSONReader.document(SnapshotWriter.bytes(.pods, .json, spec: Self.spec), file: "p")
    let pods = try #require(doc["items"]?.sequence)
    #expect(pods.count == 120)
    let pod = pods[0]
    for path in [["metadata", "annotations"], ["metadata", "ownerReferences"], ["spec", "tolerations"], ["spec", "volumes"], ["status", "conditions"], ["status", "containerStatuses"], ["status", "hostIPs"], ["status", "podIPs"]] {
      #expect(path.reduce(Optional(pod)) { $0?[$1] } != nil, "\(path)")
    }
    #expect(pod["metadata"]?["annotations"]?["kubectl.kubernetes.io/last-applied-configuration"] != nil)
    #expect(pods.contains { $0["status"]?["conditions"]?.sequence?.contains { $0["type"]?.scalar?.text == "Ready" && $0["status"]?.scalar?.text == "False" } == true })
    #expect(pod["status"]?["podIPs"]?.sequence?.count == 2)
  }

  @Test func serviceMixHasEveryType() throws {
    let spec = SnapshotSpec(pods: 3000, services: 200, seed: 1)
    let doc = try JSONReader.document(SnapshotWriter.bytes(.services, .json, spec: spec), file: "s")
    let services = try #require(doc["items"]?.sequence)
    let types = services.map { $0["spec"]?["type"]?.scalar?.text ?? "" }
    let headless = services.filter { $0["spec"]?["clusterIP"]?.scalar?.text == "None" }.count
    #expect(types.filter { $0 == "ClusterIP" }.count > 150)
    #expect(types.contains("NodePort") && types.contains("ExternalName"))
    #expect((10...40).contains(headless))
  }

  @Test func jsonAndYAMLGiveByteIdenticalZones() throws {
    let folder = TestSupport.temporaryFolder("synth")
    var outputs: [[String]] = []
    for format in SnapshotFormat.allCases {
      var inputs: [String] = []
      for kind in [SnapshotKind.pods, .services] {
        let path = "\(folder)/\(kind.rawValue).\(format.rawValue)"
        try SnapshotWriter.write(kind, format, spec: Self.spec, to: path)
        inputs.append(path)
      }
      let domain = try DomainName("cluster.local")
      let outcome = try Pipeline.generate(GenerateRequest(
        inputs: inputs, synthesis: SynthesisOptions(domain: domain), zones: ZoneOptions(domain: domain),
        header: try Template(DefaultTemplates.zoneHeader, file: "zone.header")))
      outputs.append(outcome.texts)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].first?.contains("SRV") == true)
  }
}
