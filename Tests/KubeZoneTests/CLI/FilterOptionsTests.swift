import Foundation
import Testing
@testable import KubeZone

/// The filter options on the command line: parsing for generate and diff
/// and from the config file, usage errors with their caret, the summary,
/// --verbose, and the safety guard against a filter narrowed by mistake.
@Suite struct FilterOptionsTests {
  static let arguments = [
    "--namespaces", "prod, staging", "--exclude-namespaces", "kube-system", "--namespaces", "web",
    "-l", "app in (web,api),tier!=cache", "--no-endpoints", "--ignore-empty-services",
  ]

  static func expected() throws -> PublicationFilter {
    PublicationFilter(
      namespaces: ["prod", "staging", "web"], excludedNamespaces: ["kube-system"],
      selector: try LabelSelector("app in (web,api),tier!=cache"), noEndpoints: true, ignoreEmptyServices: true)
  }

  @Test(arguments: ["generate", "diff"])
  func everyFilterIsAnOptionOfGenerateAndDiff(command: String) throws {
    let spec = command == "generate" ? GenerateCommand.spec : DiffCommand.spec
    let args = try ArgumentParser.parse(Self.arguments + ["in.yaml"], for: spec)
    #expect(try GenerateOptions.request(from: args, command: command).filter == Self.expected())
    let other = try ArgumentParser.parse(["--namespace-selector", "env in (prod)", "in.yaml"], for: spec)
    #expect(try GenerateOptions.request(from: other).filter == PublicationFilter(namespaceSelector: try LabelSelector("env in (prod)")))
    for option in FilterOptions.specs {
      #expect(spec.options.contains { $0.name == option.name }, "--\(option.name)")
    }
  }

  @Test func everyFilterIsAConfigKey() throws {
    let yaml = """
      namespaces: [prod, staging]
      exclude-namespaces: kube-system
      selector: "app in (web,api),tier!=cache"
      no-endpoints: true
      ignore-empty-services: true

      """
    let documents = try ManifestReader.documents(Array(yaml.utf8), file: "kubezone.yaml")
    let parsed = try ArgumentParser.parse(["--namespaces", "web", "in.yaml"], for: GenerateCommand.spec)
    let args = try ConfigFile.merge(documents, file: "kubezone.yaml", into: parsed, spec: GenerateCommand.spec)
    // The command line's --namespaces replaces the file's.
    var expected = try Self.expected()
    expected.namespaces = ["web"]
    #expect(try GenerateOptions.request(from: args).filter == expected)
    let fileOnly = try ConfigFile.merge(
      documents, file: "kubezone.yaml", into: try ArgumentParser.parse(["in.yaml"], for: DiffCommand.spec), spec: DiffCommand.spec)
    expected.namespaces = ["prod", "staging"]
    #expect(try GenerateOptions.request(from: fileOnly, command: "diff").filter == expected)
  }

  /// The whole of what a malformed selector prints: the option, the text,
  /// what is wrong, and a caret under the first wrong character.
  @Test func malformedSelectorShowsACaretUnderTheFirstWrongCharacter() {
    let r = TestSupport.cli(["generate", "-l", "app in (a,b", "in.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err == """
      kubezone: error: --selector 'app in (a,b': expected ',' or ')' in the values of 'app in', found the end of the selector
                                              ^
      Run 'kubezone generate --help' for usage.

      """)
    let d = TestSupport.cli(["diff", "--namespace-selector", "env=prod,te@m=x", "in.yaml"])
    #expect(d.code == .invalidInput)
    #expect(d.err == """
      kubezone: error: --namespace-selector 'env=prod,te@m=x': '@' is not allowed in the name of label key 'te@m' (letters, digits, '-', '_' and '.', starting and ending with a letter or digit)
                                                        ^
      Run 'kubezone diff --help' for usage.

      """)
  }

  /// Characters that print as escapes move the caret along with them.
  @Test func caretAllowsForEscapedCharacters() {
    let r = TestSupport.cli(["generate", "-l", "caf\u{E9}=1,x=\u{7}", "in.yaml"])
    let lines = r.err.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "kubezone: error: --selector 'caf\\u{00E9}=1,x=\\u{07}': '\\u{00E9}' is not allowed in the name of label key 'caf\\u{00E9}' (letters, digits, '-', '_' and '.', starting and ending with a letter or digit)")
    let column = lines.dropFirst().first?.firstIndex(of: "^").map { lines[1].distance(from: lines[1].startIndex, to: $0) }
    #expect(column == "kubezone: error: --selector 'caf".count)
  }

  @Test(arguments: [
    (["--namespaces", "prod", "--namespace-selector", "env=prod"], "--namespaces and --namespace-selector cannot both be set"),
    (["--namespaces", "Prod"], "--namespaces: 'Prod' is not a namespace name (a DNS-1123 label)"),
    (["--exclude-namespaces", ","], "--exclude-namespaces needs at least one namespace, e.g. --exclude-namespaces prod,staging"),
    (["--selector", " "], "--selector is empty; leave it out to publish everything"),
    (["-l", "x>1"], "--selector 'x>1': '>' is not supported in label selectors"),
    (["--no-endpoints=yes"], "option '--no-endpoints' takes no value"),
  ])
  func badFilterOptionsExitTwo(arguments: [String], message: String) {
    let r = TestSupport.cli(["generate"] + arguments + ["in.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err.hasPrefix("kubezone: error: " + message), "\(r.err)")
  }

  @Test(arguments: ["generate", "diff"])
  func helpShowsEveryFilterWithAnExample(command: String) {
    let help = TestSupport.cli([command, "--help"]).out
    let oneLine = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    for option in FilterOptions.specs {
      #expect(help.contains("--\(option.name)"))
      #expect(option.help.contains("e.g. "), "--\(option.name) has no example")
      #expect(oneLine.contains(option.help), "--\(option.name)")
    }
    #expect(help.contains("-l, --selector SELECTOR"))
  }

  /// The summary says what each filter left out; --verbose names each
  /// object with the reason, where it is written.
  @Test func summaryAndVerboseNotes() throws {
    let yaml = K8s.service("web", ns: "prod", clusterIP: "10.96.0.10") + K8s.pod("web-a", ns: "prod", ips: ["10.1.0.1"])
      + K8s.service("api", ns: "dev", clusterIP: "10.96.0.20", labels: ["app": "api"])
      + K8s.service("db", ns: "prod", clusterIP: "None", selector: ["app": "db"], labels: ["app": "db"])
      + K8s.pod("db-0", ns: "prod", ips: ["10.1.0.2"], labels: ["app": "db"])
      + K8s.pod("api-a", ns: "dev", ips: ["10.2.0.1"], labels: ["app": "api"])
    try TestSupport.generate(yaml, as: "in.yaml", ["--exclude-namespaces", "dev", "--no-endpoints", "-v"]) { folder, r in
      #expect(r.code == .success, "\(r.err)")
      let summary = try #require(r.err.split(separator: "\n").last)
      #expect(summary.hasSuffix("from 1 service; filters left out 1 service, 1 pod (--exclude-namespaces); 1 service (--no-endpoints)"), "\(summary)")
      #expect(r.err.contains("/in.yaml:\(Self.line(of: "name: api, namespace: dev", in: yaml)):1: note: Service dev/api left out: namespace dev is in --exclude-namespaces\n"))
      #expect(r.err.contains(": note: Pod dev/api-a left out: namespace dev is in --exclude-namespaces\n"))
      #expect(r.err.contains(": note: Service prod/db left out: it is headless, and --no-endpoints leaves out the endpoints that are its only records\n"))
    }
    // Without --verbose: the summary, no notes.
    TestSupport.generate(yaml, as: "in.yaml", ["--exclude-namespaces", "dev"]) { _, r in
      #expect(!r.err.contains("note:"))
      #expect(r.err.contains("; filters left out 1 service, 1 pod (--exclude-namespaces)"))
    }
  }

  @Test func summaryPhraseCountsEachPartPerOption() throws {
    let at = SourceLocation(file: "x.yaml", line: 1, column: 1, offset: 0)
    let selector = try LabelSelector("app=web")
    func e(_ kind: String, _ reason: FilterExclusion.Reason, _ part: FilterExclusion.Part = .all) -> FilterExclusion {
      FilterExclusion(object: ObjectKey(kind: kind, namespace: "ns", name: "n"), location: at, reason: reason, part: part)
    }
    let phrase = Summary.filterPhrase([
      e("Service", .labelsMismatch(selector)), e("Service", .labelsMismatch(selector)),
      e("Service", .endpointSliceLabelsMismatch(selector), .endpoints), e("Pod", .labelsMismatch(selector), .podRecord),
      e("EndpointSlice", .labelsMismatch(selector)), e("Endpoints", .labelsMismatch(selector)),
      e("Pod", .namespaceNotListed), e("Service", .emptyService),
    ])
    #expect(phrase == "filters left out 1 pod (--namespaces); 2 services, endpoints of 1 service, 1 pod record, 1 EndpointSlice, 1 Endpoints (--selector); 1 service (--ignore-empty-services)")
    #expect(Summary.filterPhrase([]) == nil)
  }

  /// Without Namespace objects, --namespace-selector fails (exit 2) and
  /// the zones already written stay as they were.
  @Test func namespaceSelectorWithoutNamespacesWritesNothing() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    let before = LifecycleSupport.states(out)
    let r = TestSupport.cli(["generate", "--out", out, "--namespace-selector", "env=prod", input])
    #expect(r.code == .invalidInput)
    #expect(r.err.contains("kubezone: error: --namespace-selector 'env=prod' needs the cluster's Namespace objects, and the input has none; add them as one more input (kubectl get namespaces -o yaml > namespaces.yaml)"))
    #expect(LifecycleSupport.states(out) == before)
  }

  /// Narrowing the filters so that 80% of the services would go is refused
  /// like any other shrink (exit 3), saying what the filters left out;
  /// --force writes it.
  @Test func narrowedFiltersAreRefusedByTheShrinkGuard() throws {
    var yaml = ""
    for ns in ["a", "b", "c", "d", "e"] {
      for i in 0..<4 {
        yaml += K8s.service("s\(i)", ns: ns, clusterIP: "10.96.\(ns.unicodeScalars.first!.value - 96).\(i + 1)", selector: nil)
      }
    }
    let (input, out) = LifecycleSupport.setUp(yaml)
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    let before = LifecycleSupport.states(out)
    let r = TestSupport.cli(["generate", "--out", out, "--namespaces", "a", input])
    #expect(r.code == .refused)
    // 4 of 5 namespaces go: 78% of the RRsets (dns-version and ns.dns stay).
    #expect(r.err.hasPrefix("kubezone: refused: the new zones hold 18 RRsets, 78% fewer than the 82 in \(out)/"), "\(r.err)")
    #expect(r.err.contains("The filters left out 16 services (--namespaces). Pass --force to write anyway"), "\(r.err)")
    #expect(LifecycleSupport.states(out) == before)

    // A selector that matches nothing leaves no service: refused as well.
    let none = TestSupport.cli(["generate", "--out", out, "-l", "app=nothing", input])
    #expect(none.code == .refused)
    #expect(none.err.hasPrefix("kubezone: refused: the filters leave no Service to publish (filters left out 20 services (--selector))"), "\(none.err)")
    #expect(LifecycleSupport.states(out) == before)

    let forced = TestSupport.cli(["generate", "--out", out, "--namespaces", "a", "--force", input])
    #expect(forced.code == .success, "\(forced.err)")
    #expect(TestSupport.read(out + "/cluster.local.zone")?.contains("s0.b.svc") == false)
  }

  /// The line of the document that holds `text`, minus 1: where the
  /// object starts (`apiVersion`, two lines above its metadata).
  static func line(of text: String, in yaml: String) -> Int {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.firstIndex { $0.contains(text) } ?? 0) - 1
  }
}
