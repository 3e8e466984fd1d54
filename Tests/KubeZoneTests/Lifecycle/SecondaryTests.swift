import Foundation
import Testing
@testable import KubeZone

/// `--secondary`: the emitted BIND configuration notifies the secondaries,
/// lets them transfer, and keeps IXFR journals, which kubezone ignores.
@Suite struct SecondaryTests {
  @Test func namedCheckconfAcceptsTheConfigurationWithSecondaries() throws {
    let folder = TestSupport.temporaryFolder("secondary")
    let out = folder + "/out"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    let r = TestSupport.cli([
      "generate", "--emit", "bind,catalog", "--secondary", "127.0.0.2", "--secondary", "127.0.0.3:5301",
      "--secondary", "[fd00::53]:5302", "--out", out, input,
    ])
    #expect(r.code == .success, "\(r.err)")
    let conf = try #require(TestSupport.read(out + "/named.conf.zones"))
    #expect(conf.contains("""
      zone "catalog.kubezone.invalid" {
          type primary;
          file "\(ServerConfig.absolute(out))/catalog.kubezone.invalid.zone";
          notify explicit;
          also-notify { 127.0.0.2 port 53; 127.0.0.3 port 5301; fd00::53 port 5302; };
          allow-transfer { 127.0.0.2; 127.0.0.3; fd00::53; };
          ixfr-from-differences yes;
      };
      """))
    guard let checkconf = ExternalTool.find("named-checkconf") else { return }
    TestSupport.write("options { directory \"\(folder)\"; };\ninclude \"\(ServerConfig.absolute(out))/named.conf.zones\";\n", to: folder + "/check.conf")
    let checked = try ExternalTool.run(checkconf, ["-z", folder + "/check.conf"])
    #expect(checked.status == 0, "named-checkconf rejected named.conf.zones:\n\(checked.text)")
    // Without --secondary, none of it.
    #expect(TestSupport.cli(["generate", "--emit", "bind", "--out", out, input]).code == .success)
    #expect(TestSupport.read(out + "/named.conf.zones")?.contains("notify") == false)
  }

  /// CoreDNS's transfer plugin both allows the transfer and sends NOTIFY to
  /// each `to` address (with its port: plugin/transfer README; `allowed`
  /// compares the host part only).
  @Test func theCorefileLetsTheSecondariesTransferAndNotifiesThem() throws {
    let folder = TestSupport.temporaryFolder("secondary-corefile")
    let out = folder + "/out"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    let r = TestSupport.cli([
      "generate", "--emit", "coredns", "--secondary", "127.0.0.2", "--secondary", "[fd00::53]:5302", "--out", out, input,
    ])
    #expect(r.code == .success, "\(r.err)")
    let corefile = try #require(TestSupport.read(out + "/Corefile"))
    #expect(corefile.contains("""
      cluster.local {
          file \(ServerConfig.absolute(out))/cluster.local.zone {
              reload 30s
          }
          transfer {
              to 127.0.0.2:53 [fd00::53]:5302
          }
          errors
      }
      """))
    #expect(corefile.components(separatedBy: "transfer {").count - 1 == corefile.components(separatedBy: "    file ").count - 1)
    // Without --secondary, no transfer block.
    #expect(TestSupport.cli(["generate", "--emit", "coredns", "--out", out, input]).code == .success)
    #expect(TestSupport.read(out + "/Corefile")?.contains("transfer") == false)
  }

  @Test func aUserTemplateReplacesABuiltInConfiguration() throws {
    let folder = TestSupport.temporaryFolder("secondary-template")
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    TestSupport.write(DefaultTemplates.zoneHeader, to: folder + "/templates/zone.header")
    TestSupport.write(
      "{{#zones}}{{zone}}{{#secondaries}} {{number}}={{address-at-port}},{{address-port}}{{/secondaries}}\n{{/zones}}",
      to: folder + "/templates/nsd.conf.zones")
    let r = TestSupport.cli([
      "generate", "--emit", "nsd,knot", "--templates", folder + "/templates", "--secondary", "127.0.0.2",
      "--secondary", "[fd00::53]:5302", "--out", folder + "/out", input,
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(TestSupport.read(folder + "/out/nsd.conf.zones") == """
      cluster.local 1=127.0.0.2@53,127.0.0.2:53 2=fd00::53@5302,[fd00::53]:5302
      96.10.in-addr.arpa 1=127.0.0.2@53,127.0.0.2:53 2=fd00::53@5302,[fd00::53]:5302
      244.10.in-addr.arpa 1=127.0.0.2@53,127.0.0.2:53 2=fd00::53@5302,[fd00::53]:5302

      """)
    // The template folder has no knot.conf.zones: the built-in one is used.
    #expect(TestSupport.read(folder + "/out/knot.conf.zones")?.contains("  - id: kubezone-secondary-2\n    address: fd00::53@5302\n") == true)
  }

  @Test(arguments: ["127.0.0.1:99999", "ns1.example.com", "127.0.0.1:", "[fd00::1"])
  func aSecondaryIsAnAddress(text: String) {
    let r = TestSupport.cli(["generate", "--secondary", text, "--out", TestSupport.temporaryFolder("sec") + "/out", "x.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err.contains("--secondary takes IP, IP:PORT or [IPv6]:PORT, not '\(text)'"), "\(r.err)")
  }

  @Test func journalsBesideTheZonesAreIgnored() throws {
    let folder = TestSupport.temporaryFolder("journal")
    let out = folder + "/out"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    let run = ["generate", "--emit", "bind,catalog", "--prune", "--out", out, input]
    #expect(TestSupport.cli(run).code == .success)
    // What BIND writes with ixfr-from-differences: binary journals.
    for name in ["cluster.local.zone.jnl", "catalog.kubezone.invalid.zone.jnl"] {
      #expect(FileManager.default.createFile(atPath: out + "/" + name, contents: Data([0x3B, 0x42, 0x49, 0x4E, 0x44, 0, 0xFF, 0x01])))
    }
    let before = LifecycleSupport.states(out)
    #expect(TestSupport.cli(run + ["--check"]).code == .success)
    #expect(TestSupport.cli(["diff", "--emit", "catalog", "--out", out, input]).code == .success)
    #expect(TestSupport.cli(run).code == .success)
    #expect(LifecycleSupport.states(out) == before)
  }
}
