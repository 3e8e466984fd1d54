import Foundation
import Testing
@testable import KubeZone

/// `kubezone diff --explain`: each added record is followed by the rule
/// and the objects that made it, in text and JSON; zone-to-zone diffs
/// have no sources, so the flag is a usage error there.
@Suite struct DiffExplainTests {
  /// A folder with `out/` generated from `before`, and `after` written as
  /// the new input; runs diff with `arguments`.
  static func diff(before: String, after: String, _ arguments: [String]) -> (TestSupport.CLIResult, String) {
    let folder = TestSupport.temporaryFolder("diff-explain")
    TestSupport.write(before, to: folder + "/before.yaml")
    TestSupport.write(after, to: folder + "/after.yaml")
    _ = TestSupport.cli(["generate", "-q", "--out", folder + "/out", folder + "/before.yaml"])
    return (TestSupport.cli(["diff", "--out", folder + "/out"] + arguments + [folder + "/after.yaml"]), folder + "/after.yaml")
  }

  static let web = K8s.service("web", clusterIP: "10.96.0.5")
  static let api = K8s.service("api", clusterIP: "10.96.0.6", ports: "[{port: 80}]")

  @Test func addedRecordsNameTheirObjects() {
    let (r, file) = Self.diff(before: Self.web, after: Self.web + Self.api, ["--explain"])
    #expect(r.code == .changesPending)
    #expect(r.out == """
      --- 96.10.in-addr.arpa. (changed)
      + 6.0.96.10.in-addr.arpa. 30 IN PTR api.default.svc.cluster.local.
          because: PTR of a cluster IP (10.96.0.6), naming its Service
            Service default/api  \(file):10:1
      --- cluster.local. (changed)
      + api.default.svc.cluster.local. 30 IN A 10.96.0.6
          because: ClusterIP Service address (cluster IP 10.96.0.6)
            Service default/api  \(file):10:1
      + api.default.svc.cluster.local. 30 IN SRV 0 100 80 api.default.svc.cluster.local.
          because: SRV at the Service name for port 80 (CoreDNS answers SRV for every port)
            Service default/api  \(file):10:1
      2 zones: 3 added, 0 removed, 0 zones unchanged

      """)
  }

  @Test func removedRecordsStayBare() {
    let (r, _) = Self.diff(before: Self.web + Self.api, after: Self.web, ["--explain"])
    #expect(r.code == .changesPending)
    #expect(!r.out.contains("because:"))
    #expect(r.out.contains("- api.default.svc.cluster.local. 30 IN A 10.96.0.6\n"))
  }

  @Test func withoutTheFlagNothingChanges() {
    let (r, _) = Self.diff(before: Self.web, after: Self.web + Self.api, [])
    #expect(!r.out.contains("because:"))
    let (json, _) = Self.diff(before: Self.web, after: Self.web + Self.api, ["--format", "json"])
    #expect(!json.out.contains("\"explained\""))
  }

  @Test func jsonHasTheOriginsOfEachAddedRecord() throws {
    let (r, file) = Self.diff(before: Self.web, after: Self.web + Self.api, ["--explain", "--format", "json"])
    #expect(r.code == .changesPending)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let zones = try #require(root["zones"] as? [[String: Any]])
    let forward = try #require(zones.first { $0["zone"] as? String == "cluster.local." })
    let added = try #require(forward["added"] as? [String])
    let explained = try #require(forward["explained"] as? [[String: Any]])
    #expect(explained.map { $0["record"] as? String } == added)
    let origin = try #require((explained.first?["origins"] as? [[String: Any]])?.first)
    #expect(origin["rule"] as? String == "cluster-ip-address")
    let object = try #require((origin["objects"] as? [[String: Any]])?.first)
    #expect(object["kind"] as? String == "Service" && object["name"] as? String == "api")
    #expect(object["file"] as? String == file && object["line"] as? Int == 10)
  }

  @Test(arguments: [
    (["--explain", "--zones"], "--explain needs INPUT manifests: zone files do not say which objects made their records"),
    (["--explain", "--format", "nsupdate"], "--explain goes with --format text or json, not nsupdate"),
  ])
  func explainNeedsManifestsAndAReadableFormat(arguments: [String], message: String) {
    let folder = TestSupport.temporaryFolder("diff-explain")
    TestSupport.write("$ORIGIN example.org.\n@ 60 IN SOA ns h 1 2 3 4 5\n@ 60 IN NS ns\nns 60 IN A 192.0.2.1\n", to: folder + "/a.zone")
    let r = TestSupport.cli(["diff"] + arguments + [folder + "/a.zone", folder + "/a.zone"])
    #expect(r.code == .invalidInput)
    #expect(r.err.contains(message), "\(r.err)")
  }
}
