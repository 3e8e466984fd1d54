import Foundation
import Testing
@testable import KubeZone

/// Snapshots for the serving tests (catalog, secondaries, --on-change):
/// a cluster whose pods sit in the /16 networks given, so moving them
/// adds one reverse zone and removes another.
enum ServingSupport {
  /// Two services (one ClusterIP, one headless) selecting two pods in each
  /// of `podNets` (`10.244`, `10.245`, ...).
  static func cluster(podNets: [String], extraService: Bool = false) -> String {
    var yaml = K8s.service("web", clusterIP: "10.96.0.10", selector: ["app": "web"])
      + K8s.service("web-hl", clusterIP: "None", selector: ["app": "web"])
    if extraService { yaml += K8s.service("extra", clusterIP: "10.96.0.20", selector: nil) }
    for (i, net) in podNets.enumerated() {
      for j in 1...2 { yaml += K8s.pod("web-\(i)-\(j)", ips: ["\(net).0.\(j)"], labels: ["app": "web"]) }
    }
    return yaml
  }

  /// `yaml` written to `folder/in/input.yaml`; returns the input path.
  @discardableResult
  static func input(_ yaml: String, in folder: String) -> String {
    TestSupport.write(yaml, to: folder + "/in/input.yaml")
    return folder + "/in/input.yaml"
  }

  /// The member zones a catalog zone file lists (PTR targets, no final dot), sorted.
  static func members(_ catalogFile: String) throws -> [String] {
    let bytes = [UInt8](FileManager.default.contents(atPath: catalogFile) ?? Data())
    return try ZoneFileReader.read(bytes, file: catalogFile).records.compactMap { r -> String? in
      guard case .ptr(let name) = r.data else { return nil }
      return name.serverName
    }.sorted()
  }

  /// Every RRset of `zones` (as the primary transfers them) gets the same
  /// answer from both servers; the secondary may need a moment to catch up.
  static func expectSameAnswers(
    _ primary: some DigAnswering, _ secondary: some DigAnswering, zones: [String], out: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    var questions: [(String, String)] = []
    for zone in zones {
      let axfr = try primary.records(zone, "AXFR")
      let records = try ZoneFileReader.read(Array(axfr.utf8), file: "axfr \(zone)").records
      #expect(!records.isEmpty, "the primary does not serve \(zone)", sourceLocation: sourceLocation)
      questions += Set(records.map { "\($0.owner) \($0.type.rawValue)" }).sorted().map {
        let parts = $0.split(separator: " ")
        return (String(parts[0]), String(parts[1]))
      }
    }
    let deadline = Date().addingTimeInterval(30)
    var differences: [String] = []
    repeat {
      differences = []
      for (name, type) in questions {
        let a = try primary.dig(name, type)
        let b = try secondary.dig(name, type)
        if a != b || a.isEmpty { differences.append("\(name) \(type): primary \(a), secondary \(b)") }
      }
      if differences.isEmpty { break }
      usleep(200_000)
    } while Date() < deadline
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))", sourceLocation: sourceLocation)
  }
}
