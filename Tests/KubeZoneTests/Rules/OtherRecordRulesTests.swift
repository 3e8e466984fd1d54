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
}
