import Foundation
import Testing
@testable import KubeZone

/// Every character that means something in a zone file (or to a
/// terminal), in every field a name comes from: the object is reported and
/// skipped (or the run fails for fields with a fixed set of values), and
/// nothing of the value reaches a zone.
@Suite struct HostileFieldMatrixTests {
  static let specials: [(String, String)] = [
    ("newline", "\n"), ("semicolon", ";"), ("dollar", "$"), ("open paren", "("), ("close paren", ")"),
    ("quote", "\""), ("backslash", "\\"), ("space", " "), ("at", "@"), ("star", "*"), ("NUL", "\u{0}"),
    ("non-ASCII", "é"), ("overlong", String(repeating: "q", count: 64)),
  ]

  enum Field: String, CaseIterable, Sendable {
    case serviceName, namespace, endpointsHostname, sliceHostname, podHostname, portName, sliceProtocol
    case externalName, podName, domainOption, nameserverOption
  }

  static let cases: [(Field, String, String)] = Field.allCases.flatMap { f in specials.map { (f, $0.0, $0.1) } }

  @Test(arguments: cases)
  func specialCharacterInField(field: Field, what: String, special: String) throws {
    let value = "a" + special + "b"
    let folder = TestSupport.temporaryFolder("matrix")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var objects = [Self.service("ok", clusterIP: "10.96.0.30", ports: [["name": "http", "port": 80]])]
    var options: [String] = []
    var warning: String?
    var error: String?
    switch field {
    case .serviceName:
      objects.append(Self.service(value, clusterIP: "10.96.0.31"))
      warning = "Service name '"
    case .namespace:
      objects.append(Self.service("web", namespace: value, clusterIP: "10.96.0.31"))
      warning = "namespace '"
    case .endpointsHostname:
      objects += [Self.service("db", clusterIP: "None"), [
        "apiVersion": "v1", "kind": "Endpoints", "metadata": ["name": "db", "namespace": "default"],
        "subsets": [["addresses": [["ip": "10.1.0.5", "hostname": value]]]],
      ]]
      warning = "hostname '"
    case .sliceHostname:
      objects += [Self.service("db", clusterIP: "None"), Self.slice(hostname: value, portName: "pg", protocol: "TCP")]
      warning = "hostname '"
    case .podHostname:
      objects += [Self.service("db", clusterIP: "None", selector: ["app": "db"]), Self.pod("db-0", hostname: value)]
      warning = "hostname '"
    case .portName:
      objects.append(Self.service("web", clusterIP: "10.96.0.31", ports: [["name": value, "port": 80]]))
      warning = "port name '"
    case .sliceProtocol:
      objects += [Self.service("db", clusterIP: "None"), Self.slice(hostname: "db-0", portName: "pg", protocol: value)]
      error = "expected TCP, UDP or SCTP"
    case .externalName:
      objects.append(Self.service("mail", type: "ExternalName", externalName: value + ".example.com"))
      warning = "externalName '"
    case .podName:
      options = ["--endpoint-pod-names"]
      objects += [Self.service("web", clusterIP: "10.96.0.31", selector: ["app": "db"]), Self.pod(value)]
      // CoreDNS names an endpoint after its pod only below 64 octets;
      // a longer name falls back to the address without a word.
      warning = special.utf8.count >= 62 ? nil : "pod name '"
    case .domainOption:
      options = ["--domain", "cluster." + value]
      error = "--domain '"
    case .nameserverOption:
      options = ["--nameserver", "ns." + value + ".example.com"]
      error = "--nameserver '"
    }
    let input = folder + "/input.json"
    let data = try JSONSerialization.data(withJSONObject: ["apiVersion": "v1", "kind": "List", "items": objects])
    #expect(FileManager.default.createFile(atPath: input, contents: data))
    let out = folder + "/out"
    let result = TestSupport.cli(["generate", "--out", out] + options + [input])
    let lines = result.err.split(separator: "\n")
    if let error {
      #expect(result.code == .invalidInput, "\(result.err)")
      #expect(lines.contains { $0.contains("error: ") && $0.contains(error) }, "\(result.err)")
      #expect(!FileManager.default.fileExists(atPath: out + "/cluster.local.zone"))
      return
    }
    #expect(result.code == .success, "\(result.err)")
    if let warning {
      #expect(lines.contains { $0.hasPrefix(input + ":") && $0.contains(": warning: " + warning) }, "\(result.err)")
    }
    let zone = try #require(TestSupport.read(out + "/cluster.local.zone"))
    #expect(zone.contains("ok.default.svc                                  30      IN  A      10.96.0.30"))
    HostileRunner.checkZoneText(zone, name: "cluster.local.zone", sourceLocation: #_sourceLocation)
    #expect(!zone.contains(value) && !zone.contains("a\\"), "the value reached the zone:\n\(zone)")
  }

  // MARK: Object builders (JSON, so any character can be written)

  static func service(
    _ name: String, namespace: String = "default", clusterIP: String? = nil, type: String? = nil,
    externalName: String? = nil, selector: [String: String]? = nil,
    ports: [[String: Any]] = [["name": "pg", "port": 5432]]
  ) -> [String: Any] {
    var spec: [String: Any] = ["ports": ports]
    if let clusterIP { spec["clusterIP"] = clusterIP }
    if let type { spec["type"] = type }
    if let externalName { spec["externalName"] = externalName }
    if let selector { spec["selector"] = selector }
    return ["apiVersion": "v1", "kind": "Service", "metadata": ["name": name, "namespace": namespace], "spec": spec]
  }

  static func slice(hostname: String, portName: String, protocol proto: String) -> [String: Any] {
    [
      "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
      "metadata": ["name": "db-x", "namespace": "default", "labels": ["kubernetes.io/service-name": "db"]],
      "endpoints": [["addresses": ["10.1.0.5"], "hostname": hostname]],
      "ports": [["name": portName, "port": 5432, "protocol": proto]],
    ]
  }

  static func pod(_ name: String, hostname: String? = nil) -> [String: Any] {
    var spec: [String: Any] = ["subdomain": "db"]
    if let hostname { spec["hostname"] = hostname }
    return [
      "apiVersion": "v1", "kind": "Pod", "metadata": ["name": name, "namespace": "default", "labels": ["app": "db"]],
      "spec": spec,
      "status": ["phase": "Running", "podIP": "10.1.0.5", "conditions": [["type": "Ready", "status": "True"]]],
    ]
  }
}
