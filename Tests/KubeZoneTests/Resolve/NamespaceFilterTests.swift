import Testing
@testable import KubeZone

/// `--namespaces`, `--exclude-namespaces` and `--namespace-selector`,
/// pinned to CoreDNS v1.14.7 (commit 427fc80ed9ca47f354585eb30a3f1332950856c4),
/// plugin/kubernetes. Every zone is loaded by named-checkzone, nsd-checkzone
/// and ldns-read-zone (RuleHarness).
@Suite struct NamespaceFilterTests {
  /// prod: ClusterIP web and its pod. dev: headless db, ClusterIP api,
  /// ExternalName ext, and their pods.
  static let twoNamespaces =
    K8s.service("web", ns: "prod", clusterIP: "10.96.0.10")
    + K8s.pod("web-a", ns: "prod", ips: ["10.1.0.1"])
    + K8s.service("db", ns: "dev", clusterIP: "None", selector: ["app": "db"], ports: "[{name: pg, port: 5432, targetPort: 5432}]")
    + K8s.pod("db-0", ns: "dev", ips: ["10.2.0.1"], labels: ["app": "db"])
    + K8s.service("api", ns: "dev", clusterIP: "10.96.0.20", selector: ["app": "api"])
    + K8s.pod("api-a", ns: "dev", ips: ["10.2.0.2"], labels: ["app": "api"])
    + K8s.service("ext", ns: "dev", type: "ExternalName", selector: nil, ports: "[]", extra: "  externalName: example.org\n")

  /// What only prod publishes: its service, endpoint name and pod record,
  /// and nothing of dev, forward or reverse.
  func expectOnlyProd(_ out: RuleHarness.Output, profile: SynthesisOptions.Profile) {
    #expect(out.with("web.prod.svc.cluster.local. A") == ["web.prod.svc.cluster.local. A 10.96.0.10"])
    #expect(out.with("10.0.96.10.in-addr.arpa.") == ["10.0.96.10.in-addr.arpa. PTR web.prod.svc.cluster.local."])
    #expect(out.with("10-1-0-1.prod.pod.cluster.local.") == ["10-1-0-1.prod.pod.cluster.local. A 10.1.0.1"])
    #expect(out.with("10-1-0-1.web.prod.svc.cluster.local.").count == (profile == .coredns ? 1 : 0))
    #expect(out.records.filter { $0.contains(".dev.") || $0.contains("10.2") }.isEmpty, "\(out.records.sorted())")
    #expect(out.with("20.0.96.10.in-addr.arpa.").isEmpty)
    #expect(out.records.filter { $0.hasSuffix(".2.10.in-addr.arpa.") || $0.contains(".2.10.in-addr.arpa. PTR") }.isEmpty)
  }

  /// CoreDNS `namespaces prod`: `configuredNamespace` / `namespaceExposed`
  /// (namespace.go:14-24) gate lookups (kubernetes.go `Records`:360,
  /// `findServices`:460, `findPods`:405), transfers (xfr.go
  /// `transferServices`:72) and reverse lookups (reverse.go
  /// `serviceRecordForIP`:33 for cluster IPs, :42 for endpoints). Pods of
  /// other namespaces get no pod record (`findPods`:405).
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func namespacesPublishesOnlyTheListedOnes(profile: SynthesisOptions.Profile) throws {
    var harness = RuleHarness(profile: profile, podRecords: true)
    harness.filter = PublicationFilter(namespaces: ["prod"])
    let out = try harness.run(Self.twoNamespaces)
    expectOnlyProd(out, profile: profile)
    #expect(out.exclusions == [
      "Pod dev/api-a all --namespaces", "Pod dev/db-0 all --namespaces",
      "Service dev/api all --namespaces", "Service dev/db all --namespaces", "Service dev/ext all --namespaces",
    ])
  }

  /// Not a CoreDNS option: the complement of `namespaces`, with the same
  /// gates, so it leaves out exactly what `namespaces` of the rest would.
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func excludeNamespacesLeavesThoseOut(profile: SynthesisOptions.Profile) throws {
    var harness = RuleHarness(profile: profile, podRecords: true)
    harness.filter = PublicationFilter(excludedNamespaces: ["dev"])
    let out = try harness.run(Self.twoNamespaces)
    expectOnlyProd(out, profile: profile)
    #expect(out.exclusions.allSatisfy { $0.hasSuffix("all --exclude-namespaces") })
    #expect(out.exclusions.count == 5)
  }

  @Test func namespacesNamingNoObjectIsWarnedAbout() throws {
    var harness = RuleHarness()
    harness.filter = PublicationFilter(namespaces: ["prod", "stagging"])
    let out = try harness.run(Self.twoNamespaces)
    #expect(out.warnings.contains("--namespaces names stagging, but no object of the input is in it"))
  }

  /// CoreDNS `namespace_labels env=prod`: the namespace informer lists
  /// Namespaces with the selector (controller.go `newdnsController`:201-213,
  /// `namespaceListFunc`:368), and `filteredNamespaceExists`
  /// (namespace.go:7) requires the namespace in that list: a namespace
  /// without a Namespace object is not exposed either.
  ///
  /// Where kubezone differs, on purpose: reverse.go `serviceRecordForIP`
  /// checks the namespace only when `namespaces` is set (`len(k.Namespaces)
  /// > 0`, lines 33 and 42), so CoreDNS still answers PTRs naming services
  /// of hidden namespaces. kubezone leaves those PTRs out with the forward
  /// names: a PTR never names a record that is not published.
  @Test(arguments: SynthesisOptions.Profile.allCases)
  func namespaceSelectorPublishesNamespacesWhoseLabelsMatch(profile: SynthesisOptions.Profile) throws {
    let yaml = K8s.namespace("prod", labels: ["env": "prod"]) + K8s.namespace("dev", labels: ["env": "dev"])
      + Self.twoNamespaces
      + K8s.service("svc", ns: "orphan", clusterIP: "10.96.0.30")
    for selector in ["env=prod", "env notin (dev)"] {
      var harness = RuleHarness(profile: profile, podRecords: true)
      harness.filter = PublicationFilter(namespaceSelector: try LabelSelector(selector))
      let out = try harness.run(yaml)
      expectOnlyProd(out, profile: profile)
      #expect(out.with("30.0.96.10.in-addr.arpa.").isEmpty)
      #expect(out.records.filter { $0.contains("orphan") }.isEmpty)
      #expect(out.exclusions.last == "Service orphan/svc all --namespace-selector")
      #expect(out.outcome.exclusions.last?.reason == .namespaceNotInInput(try LabelSelector(selector)))
      #expect(out.outcome.exclusions.first?.reason == .namespaceLabelsMismatch(try LabelSelector(selector)))
      #expect(out.warnings.contains("namespace orphan has no Namespace object in the input, so --namespace-selector leaves its objects out"))
    }
  }

  /// Without any Namespace object the selector could only publish nothing:
  /// the run fails (exit 2) and says how to add them.
  @Test func namespaceSelectorWithoutNamespaceObjectsFails() throws {
    var harness = RuleHarness()
    harness.filter = PublicationFilter(namespaceSelector: try LabelSelector("env=prod"))
    #expect {
      try harness.run(Self.twoNamespaces)
    } throws: { error in
      let message = (error as? InputError)?.diagnostic.message ?? ""
      return message.hasPrefix("--namespace-selector 'env=prod' needs the cluster's Namespace objects, and the input has none")
        && message.contains("kubectl get namespaces -o yaml")
    }
  }

  /// The exclusion record `explain` reads: kind, namespace, name, where the
  /// object is written, the reason and its option.
  @Test func exclusionsCarryTheObjectsPlaceAndReason() throws {
    var harness = RuleHarness()
    harness.filter = PublicationFilter(excludedNamespaces: ["dev"])
    let out = try harness.run(Self.twoNamespaces)
    let db = try #require(out.outcome.exclusions(of: ObjectKey(kind: "Service", namespace: "dev", name: "db")).first)
    // The object starts at its apiVersion, two lines above its metadata.
    let lines = Self.twoNamespaces.split(separator: "\n", omittingEmptySubsequences: false)
    let metadata = try #require(lines.firstIndex { $0.hasPrefix("metadata: {name: db, namespace: dev") })
    #expect(db.location.line == metadata - 1 && db.location.column == 1)
    #expect(db.location.file.hasSuffix("/input.yaml"))
    #expect(db.reason == .namespaceExcluded && db.reason.option == "--exclude-namespaces" && db.part == .all)
    #expect(db.description == "Service dev/db left out: namespace dev is in --exclude-namespaces")
    #expect(db.note.description.hasSuffix("/input.yaml:\(metadata - 1):1: note: Service dev/db left out: namespace dev is in --exclude-namespaces"))
    #expect(out.outcome.filter.excludedNamespaces == ["dev"])
  }

  /// A Service defined twice with different addresses fails a --strict
  /// run, unless a filter leaves it out: then it is not reported at all.
  @Test func duplicatesOfObjectsLeftOutAreNotReported() throws {
    let yaml = K8s.service("web", ns: "dev", clusterIP: "10.96.0.10") + K8s.service("web", ns: "dev", clusterIP: "10.96.0.11")
      + K8s.service("web", ns: "prod", clusterIP: "10.96.0.20")
    var harness = RuleHarness(strict: true)
    harness.filter = PublicationFilter(excludedNamespaces: ["dev"])
    let out = try harness.run(yaml)
    #expect(out.outcome.log.notes.isEmpty && out.warnings.isEmpty)
    #expect(out.exclusions == ["Service dev/web all --exclude-namespaces"])
    harness.filter = PublicationFilter(excludedNamespaces: ["prod"])
    #expect(throws: InputError.self) { try harness.run(yaml) }
  }
}
