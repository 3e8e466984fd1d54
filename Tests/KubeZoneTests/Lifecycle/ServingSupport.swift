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
}
