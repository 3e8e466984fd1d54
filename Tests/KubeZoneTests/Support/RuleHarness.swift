import Foundation
import Testing
@testable import KubeZone

/// Runs the pipeline on YAML written inline in a test and returns its
/// records as `owner TYPE data` lines with absolute owners, which reads
/// like the rules table and ignores layout.
struct RuleHarness {
  var profile: SynthesisOptions.Profile = .coredns
  var podRecords = false
  var endpointPodNames = false
  var nameservers: [String] = []
  var nameserverAddresses: [String] = []
  var strict = false
  var filter = PublicationFilter()
  /// Keep each record's origins (`explain`).
  var provenance = false

  struct Output {
    var records: Set<String>
    var outcome: GenerateOutcome
    /// The input file's path, as locations name it.
    var file: String

    /// Records whose line starts with `prefix` (an owner, or owner + type).
    func with(_ prefix: String) -> Set<String> { records.filter { $0.hasPrefix(prefix + " ") } }
    var warnings: [String] { outcome.log.warnings.map(\.message) }
    /// `Kind namespace/name part reason-option` for each exclusion.
    var exclusions: [String] { outcome.exclusions.map { "\($0.object) \($0.part.rawValue) \($0.reason.option)" } }
  }

  func run(_ yaml: String, namespace: String = "default") throws -> Output {
    let folder = TestSupport.temporaryFolder("rules")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write(yaml, to: folder + "/input.yaml")
    let domain = try DomainName("cluster.local")
    let request = GenerateRequest(
      inputs: [folder + "/input.yaml"],
      namespace: namespace,
      synthesis: SynthesisOptions(
        domain: domain, ttl: 30, profile: profile, podRecords: podRecords,
        endpointPodNames: endpointPodNames),
      zones: ZoneOptions(
        domain: domain, ttl: 30, serial: 1,
        nameservers: try nameservers.map { try DomainName($0) },
        nameserverAddresses: nameserverAddresses.compactMap { IPAddress($0) }),
      filter: filter,
      strict: strict,
      header: try Template(DefaultTemplates.zoneHeader, file: "zone.header"))
    var provenanced = request
    provenanced.synthesis.provenance = provenance
    let outcome = try Pipeline.generate(provenanced)
    // Every zone a rule test produces must load in the real servers too.
    for (zone, text) in zip(outcome.zones, outcome.texts) {
      TestSupport.write(text, to: folder + "/" + zone.fileName)
      try ZoneCheckers.checkAll(origin: zone.origin.description, file: folder + "/" + zone.fileName)
    }
    var lines: Set<String> = []
    for zone in outcome.zones {
      for r in zone.allRecords where r.type != .soa {
        lines.insert("\(r.owner) \(r.type.rawValue) \(r.data.presentation)")
      }
    }
    return Output(records: lines, outcome: outcome, file: folder + "/input.yaml")
  }
}

/// Small YAML builders so each rule test shows only what matters to it.
enum K8s {
  static func service(
    _ name: String, ns: String = "default", clusterIP: String? = nil, clusterIPs: [String]? = nil,
    type: String? = nil, selector: [String: String]? = ["app": "web"],
    ports: String = "[{name: http, port: 80, targetPort: 8080}]", extra: String = "",
    labels: [String: String] = [:]
  ) -> String {
    var spec = "  ports: \(ports)\n"
    if let type { spec += "  type: \(type)\n" }
    if let clusterIP { spec += "  clusterIP: \(clusterIP)\n" }
    if let clusterIPs { spec += "  clusterIPs: [\(clusterIPs.joined(separator: ", "))]\n" }
    if let selector {
      spec += "  selector: {\(selector.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))}\n"
    }
    spec += extra
    return "---\napiVersion: v1\nkind: Service\nmetadata: {name: \(name), namespace: \(ns)\(flow(labels, as: "labels"))}\nspec:\n\(spec)"
  }

  /// `, labels: {a: b}`, or nothing for no labels; keys and values quoted.
  static func flow(_ map: [String: String], as name: String) -> String {
    if map.isEmpty { return "" }
    return ", \(name): {" + map.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ") + "}"
  }

  /// An EndpointSlice of `service` with one ready (or not) endpoint per
  /// address; `labels` beside the service-name label.
  static func endpointSlice(
    _ name: String, service: String, ns: String = "default", addresses: [String], ready: Bool = true,
    labels: [String: String] = [:], ports: String = "[{name: http, port: 8080, protocol: TCP}]",
    addressType: String = "IPv4"
  ) -> String {
    var all = labels
    all["kubernetes.io/service-name"] = service
    let endpoints = addresses.map { "- addresses: [\"\($0)\"]\n  conditions: {ready: \(ready)}\n" }.joined()
    return "---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: \(name), namespace: \(ns)\(flow(all, as: "labels"))}\n"
      + "addressType: \(addressType)\nports: \(ports)\n" + (addresses.isEmpty ? "endpoints: []\n" : "endpoints:\n\(endpoints)")
  }

  /// A Namespace object with `labels`.
  static func namespace(_ name: String, labels: [String: String] = [:]) -> String {
    "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: \(name)\(flow(labels, as: "labels"))}\n"
  }

  static func pod(
    _ name: String, ns: String = "default", ips: [String], labels: [String: String] = ["app": "web"],
    ready: Bool = true, phase: String = "Running", hostname: String? = nil, subdomain: String? = nil,
    terminating: Bool = false, ports: String = "[{name: web, containerPort: 8080}]"
  ) -> String {
    var meta = "  name: \(name)\n  namespace: \(ns)\n  labels: {\(labels.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))}\n"
    if terminating { meta += "  deletionTimestamp: \"2026-11-20T10:00:00Z\"\n" }
    var spec = "  containers: [{name: c, image: nginx, ports: \(ports)}]\n"
    if let hostname { spec += "  hostname: \(hostname)\n" }
    if let subdomain { spec += "  subdomain: \(subdomain)\n" }
    let status = """
        phase: \(phase)
        podIP: "\(ips[0])"
        podIPs: [\(ips.map { "{ip: \"\($0)\"}" }.joined(separator: ", "))]
        conditions: [{type: Ready, status: "\(ready ? "True" : "False")"}]

      """
    return "---\napiVersion: v1\nkind: Pod\nmetadata:\n\(meta)spec:\n\(spec)status:\n\(status)"
  }
}
