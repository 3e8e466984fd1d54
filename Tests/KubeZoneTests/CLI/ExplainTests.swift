import Foundation
import Testing
@testable import KubeZone

/// `kubezone explain`: the records at a name or holding an address with
/// the objects and rule behind each, and why nearly matching objects made
/// nothing; exit codes and the JSON shape.
@Suite struct ExplainTests {
  static let quickstart = TestSupport.path("examples/quickstart")

  /// Writes `yaml` to a new folder, runs `explain QUERY arguments... FILE`.
  static func explain(_ query: String, _ yaml: String, _ arguments: [String] = []) -> (TestSupport.CLIResult, String) {
    let folder = TestSupport.temporaryFolder("explain")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/input.yaml"
    TestSupport.write(yaml, to: file)
    return (TestSupport.cli(["explain", query] + arguments + [file]), file)
  }

  // MARK: The acceptance

  @Test func endpointNameNamesThePodAndTheHeadlessServicesManifest() {
    let r = TestSupport.cli(["explain", "100-108-251-43.headless-service.test.svc.cluster.local", "--namespace", "test", Self.quickstart])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out == """
      100-108-251-43.headless-service.test.svc.cluster.local. 30 IN A 100.108.251.43
          zone cluster.local.
          because: endpoint name 100-108-251-43 (its address): headless Service, ready endpoint 100.108.251.43 from Pod api-deployment-6c8f7d9b5-9qj7w
            Service test/headless-service  \(Self.quickstart)/services.yaml:3:3
              overrides the definition at \(Self.quickstart)/headless-service.yaml:1:1
            Pod test/api-deployment-6c8f7d9b5-9qj7w  \(Self.quickstart)/pods.json:186:9

      """)
    // The pod's object starts on that line of pods.json.
    let lines = TestSupport.read(Self.quickstart + "/pods.json")?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
    #expect(lines.count > 190 && lines[185] == "        {" && lines[195].contains("\"name\": \"api-deployment-6c8f7d9b5-9qj7w\""))
  }

  @Test func addressListsBothPTRsAndBothServices() {
    let r = TestSupport.cli(["explain", "100.108.251.43", "--namespace", "test", Self.quickstart])
    #expect(r.code == .success, "\(r.err)")
    let recordLines = r.out.split(separator: "\n").filter { !$0.hasPrefix(" ") }
    #expect(recordLines == [
      "headless-service.test.svc.cluster.local. 30 IN A 100.108.251.43",
      "100-108-251-43.headless-service.test.svc.cluster.local. 30 IN A 100.108.251.43",
      "100-108-251-43.normal-service.test.svc.cluster.local. 30 IN A 100.108.251.43",
      "43.251.108.100.in-addr.arpa. 30 IN PTR 100-108-251-43.headless-service.test.svc.cluster.local.",
      "43.251.108.100.in-addr.arpa. 30 IN PTR 100-108-251-43.normal-service.test.svc.cluster.local.",
    ])
    #expect(r.out.contains("    zone 108.100.in-addr.arpa.\n    because: PTR of an endpoint address, naming the endpoint: headless Service"))
    #expect(r.out.contains("    zone 108.100.in-addr.arpa.\n    because: PTR of an endpoint address, naming the endpoint: ClusterIP Service"))
    #expect(r.out.contains("Service test/headless-service  \(Self.quickstart)/services.yaml:3:3"))
    #expect(r.out.contains("Service test/normal-service  \(Self.quickstart)/services.yaml:32:3"))
  }

  @Test func clusterIPRecordsNameTheServiceAndTheRule() {
    let r = TestSupport.cli(["explain", "normal-service.test.svc.cluster.local", "--namespace", "test", Self.quickstart])
    #expect(r.code == .success)
    #expect(r.out.contains("""
      normal-service.test.svc.cluster.local. 30 IN A 10.96.1.136
          zone cluster.local.
          because: ClusterIP Service address (cluster IP 10.96.1.136)
      """))
    #expect(r.out.contains("because: SRV at the Service name for port 80 (CoreDNS answers SRV for every port)"))
  }

  // MARK: Why nothing

  static let headless = K8s.service("web", clusterIP: "None", ports: "[{name: http, port: 80, targetPort: 8080}]")

  @Test func notReadyPod() {
    let (r, file) = Self.explain("10-1-0-2.web.default.svc.cluster.local", Self.headless + K8s.pod("web-b", ips: ["10.1.0.2"], ready: false))
    #expect(r.code == .nothingFound)
    #expect(r.out.hasPrefix("nothing at 10-1-0-2.web.default.svc.cluster.local.\n\nleft out:\n"))
    #expect(r.out.contains("""
        not ready: the Pod's Ready condition is not True (phase Running)
          Pod default/web-b  \(file):10:1
          Service default/web  \(file):2:1
      """))
    #expect(r.out.contains("  headless Service has no ready endpoints: none of its 1 endpoint is ready\n"))
  }

  @Test func terminatingPod() {
    let (r, file) = Self.explain("10.1.0.3", Self.headless + K8s.pod("web-c", ips: ["10.1.0.3"], terminating: true))
    #expect(r.code == .nothingFound)
    #expect(r.out.hasPrefix("no record holds 10.1.0.3, and it has no PTR\n"))
    #expect(r.out.contains("""
        terminating (deletionTimestamp is set), so not a ready endpoint
          Pod default/web-c  \(file):10:1
      """))
  }

  @Test func selectorMismatch() {
    let (r, file) = Self.explain("10-1-0-5.web.default.svc.cluster.local", Self.headless + K8s.pod("other", ips: ["10.1.0.5"], labels: ["app": "other"]))
    #expect(r.code == .nothingFound)
    #expect(r.out.contains("""
        labels do not match the Service's selector app=web
          Pod default/other  \(file):10:1
          Service default/web  \(file):2:1
      """))
  }

  @Test func invalidNameSkipped() {
    let yaml = K8s.service("Web_1", clusterIP: "10.96.0.5")
    let (r, file) = Self.explain("web_1.default.svc.cluster.local", yaml)
    #expect(r.code == .nothingFound)
    #expect(r.err.contains("warning: Service name 'Web_1' is not a DNS-1035 label; skipped"))
    #expect(r.out.contains("""
        name skipped as invalid: Service name 'Web_1' is not a DNS-1035 label
          Service default/Web_1  \(file):2:1
      """))
  }

  @Test func invalidHostnameSkipped() {
    let yaml = Self.headless + K8s.pod("web-0", ips: ["10.1.0.7"], hostname: "Web.0", subdomain: "web")
    let (r, _) = Self.explain("10.1.0.7", yaml)
    #expect(r.code == .success, "the headless A record still holds the address")
    #expect(r.out.contains("left out:\n  name skipped as invalid: hostname 'Web.0' of an endpoint of Service default/web is not a DNS-1123 label\n"))
  }

  @Test func ptrOutsideEveryReverseZone() {
    let yaml = Self.headless + K8s.pod("web-a", ips: ["10.1.0.1"])
    let (r, file) = Self.explain("1.0.1.10.in-addr.arpa", yaml, ["--reverse-zone", "10.96.0.0/16"])
    #expect(r.code == .nothingFound)
    #expect(r.out == """
      nothing at 1.0.1.10.in-addr.arpa.
        1.0.1.10.in-addr.arpa. lies in none of the zones written (cluster.local., 96.10.in-addr.arpa.)

      left out:
        PTR outside every reverse zone (--reverse-zone 10.96.0.0/16)
          Service default/web  \(file):2:1
          Pod default/web-a  \(file):10:1

      """)
    // Without --reverse-zone the same PTR is written.
    #expect(Self.explain("1.0.1.10.in-addr.arpa", yaml).0.code == .success)
  }

  @Test func conflictSettledForAnotherService() {
    let yaml = K8s.service("a", clusterIP: "10.96.0.9") + K8s.service("b", clusterIP: "10.96.0.9")
    let (r, file) = Self.explain("9.0.96.10.in-addr.arpa", yaml)
    #expect(r.code == .success)
    #expect(r.out.contains("9.0.96.10.in-addr.arpa. 30 IN PTR a.default.svc.cluster.local.\n"))
    #expect(r.out.contains("""
      left out:
        conflict settled for another object: 9.0.96.10.in-addr.arpa. is the PTR of a cluster IP several Services share; it names only a.default.svc.cluster.local., the first of them
          Service default/b  \(file):10:1
      """))
  }

  @Test func serviceWithoutEndpoints() {
    let (r, file) = Self.explain("web.default.svc.cluster.local", Self.headless)
    #expect(r.code == .nothingFound)
    #expect(r.out == """
      nothing at web.default.svc.cluster.local.

      left out:
        headless Service has no endpoints: no EndpointSlices or Endpoints for it, and no running Pod with an IP matches its selector app=web
          Service default/web  \(file):2:1

      """)
  }

  @Test func podRecordsNeedTheirOption() {
    let yaml = K8s.pod("solo", ips: ["10.1.0.9"], labels: ["app": "solo"])
    let (r, _) = Self.explain("10-1-0-9.default.pod.cluster.local", yaml)
    #expect(r.code == .nothingFound)
    #expect(r.out.contains("  pod records (<a-b-c-d>.<ns>.pod) are written only with --pod-records\n"))
    let (on, _) = Self.explain("10-1-0-9.default.pod.cluster.local", yaml, ["--pod-records"])
    #expect(on.code == .success)
    #expect(on.out.contains("because: pod record of the pod's first IP 10.1.0.9 (--pod-records, CoreDNS 'pods verified')"))
  }

  @Test func endpointAskedByAnotherName() {
    let yaml = Self.headless + K8s.pod("web-a", ips: ["10.1.0.1"])
    let (r, _) = Self.explain("web-a.web.default.svc.cluster.local", yaml)
    #expect(r.code == .nothingFound)
    #expect(r.out.contains("  the endpoint is named 10-1-0-1.web.default.svc.cluster.local. (endpoints are named by their address; --endpoint-pod-names names them after their pods)\n"))
  }

  @Test func nothingNearby() {
    let (r, _) = Self.explain("nowhere.example.org", Self.headless)
    #expect(r.code == .nothingFound)
    #expect(r.out == """
      nothing at nowhere.example.org.
        nowhere.example.org. lies in none of the zones written (cluster.local.)
        nothing in the input nearly matches it

      """)
  }

  // MARK: Options, exit codes, format

  @Test func sameOptionsAsGenerate() {
    // The spec profile writes no endpoint names for ClusterIP services.
    let yaml = K8s.service("web", clusterIP: "10.96.0.5") + K8s.pod("web-a", ips: ["10.1.0.1"])
    #expect(Self.explain("10-1-0-1.web.default.svc.cluster.local", yaml).0.code == .success)
    let (spec, _) = Self.explain("10-1-0-1.web.default.svc.cluster.local", yaml, ["--profile", "spec"])
    #expect(spec.code == .nothingFound)
    #expect(spec.out.contains("  the spec profile gives endpoints of a ClusterIP Service no names (CoreDNS does)\n"))
    let (domain, _) = Self.explain("web.default.svc.corp.example", yaml, ["--domain", "corp.example", "--ttl", "60"])
    #expect(domain.out.hasPrefix("web.default.svc.corp.example. 60 IN A 10.96.0.5\n"))
  }

  @Test(arguments: [
    (["explain"], "explain needs a NAME or IP, then at least one INPUT"),
    (["explain", "web.default.svc.cluster.local"], "explain needs at least one INPUT after web.default.svc.cluster.local"),
    (["explain", "a..b", "x.yaml"], "'a..b' is neither an IP address nor a domain name"),
    (["explain", "10.0.0.1", "--format", "yaml", "x.yaml"], "--format must be text or json, not 'yaml'"),
    (["explain", "10.0.0.1", "--ttl", "soon", "x.yaml"], "--ttl must be a whole number"),
    (["explain", "10.0.0.1", "--out", "dir", "x.yaml"], "unknown option '--out'"),
  ])
  func badUsageExitsTwo(arguments: [String], message: String) {
    let r = TestSupport.cli(arguments)
    #expect(r.code == .invalidInput)
    #expect(r.err.contains(message), "\(r.err)")
    #expect(r.err.contains("Run 'kubezone explain --help' for usage."))
  }

  @Test func badInputExitsTwoWithItsPosition() {
    let (r, file) = Self.explain("web.default.svc.cluster.local", "apiVersion: v1\nkind: Service\nmetadata: {name: [x}\n")
    #expect(r.code == .invalidInput)
    #expect(r.err.hasPrefix("\(file):3:"))
    #expect(r.out.isEmpty)
  }

  @Test func jsonShape() throws {
    let r = TestSupport.cli(["explain", "100.108.251.43", "--namespace", "test", "--format", "json", Self.quickstart])
    #expect(r.code == .success)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(Set(root.keys) == ["query", "kind", "found", "records", "excluded"])
    #expect(root["query"] as? String == "100.108.251.43")
    #expect(root["kind"] as? String == "address")
    #expect(root["found"] as? Bool == true)
    let records = try #require(root["records"] as? [[String: Any]])
    #expect(records.count == 5)
    let ptr = try #require(records.last)
    #expect(Set(ptr.keys) == ["zone", "record", "owner", "type", "ttl", "data", "origins"])
    #expect(ptr["zone"] as? String == "108.100.in-addr.arpa.")
    #expect(ptr["type"] as? String == "PTR")
    #expect(ptr["ttl"] as? Int == 30)
    #expect(ptr["data"] as? String == "100-108-251-43.normal-service.test.svc.cluster.local.")
    let origin = try #require((ptr["origins"] as? [[String: Any]])?.first)
    #expect(origin["rule"] as? String == "endpoint-ptr")
    #expect((origin["text"] as? String)?.hasPrefix("PTR of an endpoint address") == true)
    let objects = try #require(origin["objects"] as? [[String: Any]])
    #expect(objects.map { $0["kind"] as? String } == ["Service", "Pod"])
    let service = objects[0]
    #expect(service["namespace"] as? String == "test" && service["name"] as? String == "normal-service")
    #expect(service["file"] as? String == Self.quickstart + "/services.yaml")
    #expect(service["line"] as? Int == 32 && service["column"] as? Int == 3)
    let overrides = try #require(service["overrides"] as? [[String: Any]])
    #expect(overrides.first?["file"] as? String == Self.quickstart + "/normal-service.yaml")
    #expect(overrides.first?["line"] as? Int == 1)

    let (none, _) = Self.explain("10-1-0-2.web.default.svc.cluster.local", Self.headless + K8s.pod("web-b", ips: ["10.1.0.2"], ready: false), ["--format", "json"])
    #expect(none.code == .nothingFound)
    let empty = try #require(try JSONSerialization.jsonObject(with: Data(none.out.utf8)) as? [String: Any])
    #expect(empty["found"] as? Bool == false)
    #expect((empty["records"] as? [Any])?.isEmpty == true)
    let excluded = try #require(empty["excluded"] as? [[String: Any]])
    #expect(excluded.map { $0["reason"] as? String } == ["not-ready", "no-endpoints"])
    #expect(Set(excluded[0].keys) == ["reason", "text", "objects"])
  }

  @Test func helpDescribesTheCommandAndItsOptions() {
    let r = TestSupport.cli(["explain", "--help"])
    #expect(r.code == .success)
    #expect(r.out.hasPrefix("OVERVIEW: Show which objects and rule made each record at a name or address, or why there is none.\n\nUSAGE: kubezone explain NAME|IP [OPTIONS] INPUT...\n"))
    #expect(r.out.contains("EXAMPLES:\n  kubezone explain web.default.svc.cluster.local manifests/\n"))
    for option in GenerateCommand.spec.options where !ExplainCommand.dropped.contains(option.name) {
      #expect(r.out.contains("--\(option.name)"), "--\(option.name) missing")
    }
    for name in ["out", "check", "force", "serial", "emit"] {
      #expect(!r.out.contains("--\(name) "), "--\(name) is a write option")
    }
    #expect(TestSupport.cli(["--help"]).out.contains("  explain      Show which objects and rule made each record"))
  }

  @Test func configFileSetsOptionsAndInputs() {
    let folder = TestSupport.temporaryFolder("explain-config")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write("namespace: test\nout: /nowhere\ncheck: true\ninputs: [\(Self.quickstart)]\n", to: folder + "/kubezone.yaml")
    let r = TestSupport.cli(["explain", "normal-service.test.svc.cluster.local", "--config", folder + "/kubezone.yaml"])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out.hasPrefix("normal-service.test.svc.cluster.local. 30 IN A 10.96.1.136\n"))
  }
}
