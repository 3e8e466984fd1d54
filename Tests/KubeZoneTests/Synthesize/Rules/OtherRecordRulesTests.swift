import Testing
@testable import KubeZone

/// Rules table rows for ExternalName services and pod records.
@Suite struct OtherRecordRulesTests {
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func externalNameIsACNAME(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.service("search", type: "ExternalName", selector: nil, ports: "[]", extra: "  externalName: www.example.com\n")
    let out = try RuleHarness(profile: profile).run(yaml)
    #expect(out.with("search.default.svc.cluster.local.") == ["search.default.svc.cluster.local. CNAME www.example.com."])
  }

  @Test func externalNameWithAnIPHasNoRecordAndAWarning() throws {
    let yaml = K8s.service("db", type: "ExternalName", selector: nil, ports: "[]", extra: "  externalName: 192.0.2.7\n")
    let out = try RuleHarness().run(yaml)
    #expect(out.with("db.default.svc.cluster.local.").isEmpty)
    #expect(out.warnings == ["ExternalName Service default/db points at the IP address 192.0.2.7; cluster DNS serves no record for it"])
  }

  @Test func podRecordsAreOptIn() throws {
    let yaml = K8s.pod("a", ns: "team", ips: ["10.1.0.9", "fd00::9"])
    #expect(try RuleHarness().run(yaml).with("10-1-0-9.team.pod.cluster.local.").isEmpty)
    let out = try RuleHarness(podRecords: true).run(yaml)
    #expect(out.with("10-1-0-9.team.pod.cluster.local.") == ["10-1-0-9.team.pod.cluster.local. A 10.1.0.9"])
    #expect(out.records.filter { $0.contains("fd00--9") }.isEmpty)
  }

  /// CoreDNS lists pods with the field selector
  /// `status.phase!=Succeeded,status.phase!=Failed,status.phase!=Unknown`
  /// (coredns 1.14, plugin/kubernetes/controller.go podListFunc, line 354),
  /// so a finished pod has no pod record; a pending one with an IP has.
  @Test(arguments: [("Succeeded", false), ("Failed", false), ("Unknown", false), ("Pending", true), ("Running", true)])
  func podRecordsLeaveFinishedPodsOut(phase: String, published: Bool) throws {
    let out = try RuleHarness(podRecords: true).run(K8s.pod("a", ns: "team", ips: ["10.1.0.9"], phase: phase))
    #expect(out.with("10-1-0-9.team.pod.cluster.local.") == (published ? ["10-1-0-9.team.pod.cluster.local. A 10.1.0.9"] : []))
  }
}

/// Decoding details that change which records exist.
@Suite struct DecodingRulesTests {
  @Test func mergeKeysApplyToObjects() throws {
    let list = """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Service
        metadata: {name: base}
        spec: &spec {clusterIP: 10.96.0.4, ports: [{name: http, port: 80}]}
      - apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          <<: *spec
          clusterIP: 10.96.0.5

      """
    let out = try RuleHarness().run(list)
    #expect(out.with("web.default.svc.cluster.local. A") == ["web.default.svc.cluster.local. A 10.96.0.5"])
    #expect(out.with("_http._tcp.web.default.svc.cluster.local.").count == 1)
  }

  @Test func stringFieldsKeepTheirText() throws {
    let yaml = K8s.service("web", clusterIP: "10.96.0.5", selector: ["app": "yes", "version": "1.10"])
      + K8s.pod("a", ips: ["10.1.0.1"], labels: ["app": "yes", "version": "1.10"])
    let out = try RuleHarness().run(yaml)
    #expect(out.with("10-1-0-1.web.default.svc.cluster.local.").count == 1)
  }

  @Test func documentsThatAreNotObjectsAreSkippedWithAWarning() throws {
    let out = try RuleHarness().run("replicaCount: 3\nimage: {tag: v1}\n" + K8s.service("web", clusterIP: "10.96.0.5"))
    #expect(out.warnings == ["not a Kubernetes object (no apiVersion or kind); skipped"])
    #expect(out.outcome.skippedObjects == ["(not a Kubernetes object)": 1])
    #expect(out.with("web.default.svc.cluster.local. A").count == 1)
    #expect(throws: InputError.self) { try RuleHarness().run("apiVersion: v1\nmetadata: {name: x}\n") }
  }

  @Test func typedListsInferTheirItemsKind() throws {
    let yaml = """
      {"apiVersion": "v1", "kind": "ServiceList", "items": [
        {"metadata": {"name": "web", "namespace": "prod", "uid": "1"},
         "spec": {"clusterIP": "10.96.0.9", "ports": [{"port": 80}]}}]}
      """
    let out = try RuleHarness().run(yaml)
    #expect(out.with("web.prod.svc.cluster.local. A") == ["web.prod.svc.cluster.local. A 10.96.0.9"])
  }

  @Test func namespaceDefaultsToTheOption() throws {
    let out = try RuleHarness().run(K8s.service("web", ns: "x", clusterIP: "10.96.0.5").replacingOccurrences(of: ", namespace: x", with: ""), namespace: "team")
    #expect(out.with("web.team.svc.cluster.local. A").count == 1)
  }
}

@Suite struct WorkloadDiagnosticsTests {
  @Test func statefulSetWithoutPodsIsReported() throws {
    let yaml = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: web}
      spec:
        serviceName: nginx
        replicas: 2
        selector: {matchLabels: {app: nginx}}

      """ + K8s.service("nginx", clusterIP: "None", selector: ["app": "nginx"])
    let out = try RuleHarness().run(yaml)
    #expect(out.warnings == ["StatefulSet web: serviceName nginx has no pods in the input"])
    let withPods = try RuleHarness().run(yaml + K8s.pod("web-0", ips: ["10.1.0.1"], labels: ["app": "nginx"]))
    #expect(withPods.warnings.isEmpty)
  }
}
