import Foundation
import Testing
@testable import KubeZone

/// `explain` names the filter that left an object out (issue 10: "namespace
/// filtered out, selector mismatch"), by name and by address, and exits 1.
@Suite struct ExplainFilterTests {
  static let quickstart = TestSupport.path("examples/quickstart")
  static let cluster = TestSupport.path("examples/cluster")

  @Test func excludedNamespaceIsTheReasonAtTheServiceNameAndItsClusterIP() {
    for query in ["kube-dns.kube-system.svc.cluster.local", "10.96.0.10"] {
      let r = TestSupport.cli(["explain", query, "--exclude-namespaces", "kube-system", Self.cluster])
      #expect(r.code == .changesPending, "\(query): \(r.err)")
      #expect(r.out.contains("""
        left out:
          left out by --exclude-namespaces: namespace kube-system is in --exclude-namespaces
            Service kube-system/kube-dns  \(Self.cluster)/services.yaml:121:3
        """), "\(query): \(r.out)")
    }
  }

  @Test func excludedNamespaceIsTheReasonAtAPodAddress() {
    let r = TestSupport.cli(["explain", "100.108.251.43", "--namespace", "test", "--exclude-namespaces", "test", Self.quickstart])
    #expect(r.code == .changesPending)
    #expect(r.out.hasPrefix("no record holds 100.108.251.43, and it has no PTR\n"))
    #expect(r.out.contains("""
          left out by --exclude-namespaces: namespace test is in --exclude-namespaces
            Pod test/api-deployment-6c8f7d9b5-9qj7w  \(Self.quickstart)/pods.json:186:9
        """))
  }

  @Test func selectorMismatchIsTheReason() {
    let r = TestSupport.cli(["explain", "normal-service.test.svc.cluster.local", "--namespace", "test", "-l", "tier=none", Self.quickstart])
    #expect(r.code == .changesPending)
    #expect(r.out.contains("left out by --selector: its labels do not match --selector 'tier=none'\n    Service test/normal-service  \(Self.quickstart)/services.yaml:32:3"))
  }

  @Test func noEndpointsIsTheReasonForAHeadlessEndpointName() {
    let r = TestSupport.cli(["explain", "100-108-251-43.headless-service.test.svc.cluster.local", "--namespace", "test", "--no-endpoints", Self.quickstart])
    #expect(r.code == .changesPending)
    #expect(r.out.contains("left out by --no-endpoints: it is headless, and --no-endpoints leaves out the endpoints that are its only records"))
  }

  /// What the filters keep is explained as without them.
  @Test func recordsAFilterKeepsAreStillExplained() {
    let r = TestSupport.cli(["explain", "normal-service.test.svc.cluster.local", "--namespace", "test", "--exclude-namespaces", "kube-system", Self.quickstart])
    #expect(r.code == .success)
    #expect(r.out.hasPrefix("normal-service.test.svc.cluster.local. 30 IN A 10.96.1.136\n"))
  }
}
