import Foundation
import Testing
@testable import KubeZone

/// The command line as users meet it: help, version, exit codes, and that
/// bad input writes nothing and leaves existing zones as they were.
@Suite struct CLITests {
  @Test func topLevelHelpListsCommandsAndExitCodes() {
    let r = TestSupport.cli(["--help"])
    #expect(r.code == .success)
    #expect(r.out.contains("  generate     Write the zone files"))
    #expect(r.out.contains("  inspect      Print each YAML or JSON document"))
    #expect(r.out.contains("  completions  Print a shell completion script"))
    #expect(r.out.contains("EXIT CODES:\n  0  Done; for diff and --check: nothing would change"))
    #expect(r.out.contains("\n  3  Refused by a safety guard (--force overrides)"))
  }

  @Test func versionIsPrinted() {
    let r = TestSupport.cli(["--version"])
    #expect(r.code == .success)
    #expect(r.out == "kubezone \(CommandLine.kubezoneVersion)\n")
  }

  @Test func everyGenerateOptionIsInItsHelp() {
    let r = TestSupport.cli(["generate", "--help"])
    #expect(r.code == .success)
    for option in GenerateCommand.spec.options {
      #expect(r.out.contains("--\(option.name)"), "--\(option.name) missing from help")
    }
  }

  @Test func unknownOptionSuggestsTheClosest() {
    let r = TestSupport.cli(["generate", "--namspace", "x", "in.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err == """
      kubezone: error: unknown option '--namspace'; did you mean '--namespace'?
      Run 'kubezone generate --help' for usage.

      """)
  }

  @Test func unknownCommandSuggestsTheClosest() {
    let r = TestSupport.cli(["genrate"])
    #expect(r.code == .invalidInput)
    #expect(r.err.hasPrefix("kubezone: error: unknown command 'genrate'; did you mean 'generate'?"))
  }

  @Test(arguments: [
    (["generate"], "generate needs at least one INPUT"),
    (["generate", "--ttl", "soon", "x"], "--ttl must be a whole number from 0 to 2147483647, not 'soon'"),
    (["generate", "--profile", "bind", "x"], "--profile must be coredns or spec, not 'bind'"),
    (["generate", "--domain", "bad domain", "x"], "--domain 'bad domain' is not a valid domain name"),
    (["generate", "--reverse-zone", "10.96.0.0/12", "x"], "the prefix length must be a multiple of 8"),
    (["generate", "--reverse-zone", "10.96.1.0/16", "x"], "has host bits set; did you mean 10.96.0.0/16?"),
    (["generate", "--nameserver-address", "ns1", "x"], "--nameserver-address 'ns1' is not an IP address"),
    (["generate", "--ttl"], "option '--ttl' needs a value (SECONDS)"),
  ])
  func badOptionsExitTwo(arguments: [String], message: String) {
    let r = TestSupport.cli(arguments)
    #expect(r.code == .invalidInput)
    #expect(r.err.contains(message), "\(r.err)")
  }

  @Test func badInputExitsTwoWithPositionAndWritesNothing() throws {
    let folder = TestSupport.temporaryFolder("cli")
    let out = folder + "/out"
    // Existing zones from a good run must survive a bad one untouched.
    let good = TestSupport.cli(["generate", "-n", "test", "--out", out, TestSupport.path("examples/quickstart")])
    #expect(good.code == .success)
    let before = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    let snapshot = before.map { FileManager.default.contents(atPath: out + "/" + $0) }
    TestSupport.write("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: eighty\n", to: folder + "/bad.yaml")
    let r = TestSupport.cli(["generate", "--out", out, TestSupport.path("examples/quickstart"), folder + "/bad.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err == "\(folder)/bad.yaml:7:11: error: spec.ports[0].port: expected an integer, found 'eighty'\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == before)
    #expect(before.map { FileManager.default.contents(atPath: out + "/" + $0) } == snapshot)
  }

  @Test func syntaxErrorShowsTheLineAndACaret() {
    let folder = TestSupport.temporaryFolder("cli")
    TestSupport.write("kind: Service\nmetadata:\n  name: a\n   b: c\n", to: folder + "/broken.yaml")
    let r = TestSupport.cli(["generate", "--out", folder + "/out", folder + "/broken.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err == "\(folder)/broken.yaml:4:5: error: mapping values are not allowed here\n   b: c\n    ^\n")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
  }

  @Test func missingInputIsAnError() {
    let r = TestSupport.cli(["generate", "/nonexistent/input.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err == "kubezone: error: /nonexistent/input.yaml: no such file or folder\n")
  }

  @Test func inspectPrintsOneJSONDocumentPerLine() {
    let folder = TestSupport.temporaryFolder("cli")
    TestSupport.write("a: 1\nb: [x, \"2\", ~, 1.5, true]\n---\nname: yes\n", to: folder + "/in.yaml")
    let r = TestSupport.cli(["inspect", "--format", "json", folder + "/in.yaml"])
    #expect(r.code == .success)
    #expect(r.out == "{\"a\":1,\"b\":[\"x\",\"2\",null,1.5,true]}\n{\"name\":\"yes\"}\n")
  }

  @Test func warningsCarryPositionsAndQuietHidesThem() {
    let folder = TestSupport.temporaryFolder("cli")
    TestSupport.write(K8s.service("db", type: "ExternalName", selector: nil, ports: "[]", extra: "  externalName: 192.0.2.7\n"), to: folder + "/in.yaml")
    let r = TestSupport.cli(["generate", "--out", folder + "/out", folder + "/in.yaml"])
    #expect(r.code == .success)
    #expect(r.err.hasPrefix("\(folder)/in.yaml:2:1: warning: ExternalName Service default/db points at the IP address 192.0.2.7"))
    let q = TestSupport.cli(["generate", "-q", "--out", folder + "/out", folder + "/in.yaml"])
    #expect(q.err == "")
  }

  @Test func verboseReportsOverridesAndSkippedKinds() {
    let folder = TestSupport.temporaryFolder("cli")
    let knative = "---\napiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: hello}\n"
    TestSupport.write(K8s.service("web", clusterIP: "10.96.0.1") + K8s.service("web", clusterIP: "10.96.0.2") + knative, to: folder + "/in.yaml")
    let r = TestSupport.cli(["generate", "-v", "--out", folder + "/out", folder + "/in.yaml"])
    #expect(r.code == .success)
    #expect(r.err.contains("in.yaml:10:1: note: Service default/web overrides the one at \(folder)/in.yaml:2:1"))
    #expect(r.err.contains("note: skipped serving.knative.dev/v1/Service: not a kind kubezone reads"))
    #expect(r.err.contains("1 object skipped (1 serving.knative.dev/v1/Service)"))
    let zone = TestSupport.read(folder + "/out/cluster.local.zone") ?? ""
    #expect(zone.contains("10.96.0.2") && !zone.contains("10.96.0.1\n"))
  }
}
