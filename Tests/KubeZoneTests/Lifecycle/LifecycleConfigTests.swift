import Foundation
import Testing
@testable import KubeZone

/// `--config FILE`, and the server configurations `--emit` writes.
@Suite struct LifecycleConfigTests {
  @Test func configFileSetsOptionsAndFlagsOverrideIt() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 1))
    let config = (input as NSString).deletingLastPathComponent + "/kubezone.yaml"
    TestSupport.write("""
      # kubezone settings for the cron job
      domain: example.internal
      out: \(out)
      reverse-zone: [10.96.0.0/16, 10.244.0.0/16]
      pod-records: true
      ttl: 60
      emit: bind
      serial-scheme: increment
      inputs:
        - \(input)

      """, to: config)
    let r = TestSupport.cli(["generate", "--config", config, "--ttl", "90"])
    #expect(r.code == .success, "\(r.err)")
    let zone = try #require(TestSupport.read(out + "/example.internal.zone"))
    #expect(zone.contains("$TTL 90"))
    #expect(zone.contains("hostmaster.example.internal. 1 "))
    #expect(zone.contains("10-244-0-1.default.pod"))
    #expect(FileManager.default.fileExists(atPath: out + "/named.conf.zones"))
    #expect(FileManager.default.fileExists(atPath: out + "/244.10.in-addr.arpa.zone"))
  }

  @Test func diffReadsTheSameConfigFile() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 1))
    let config = (input as NSString).deletingLastPathComponent + "/kubezone.yaml"
    TestSupport.write("domain: example.internal\nout: \(out)\nemit: [bind, coredns]\ninputs: [\(input)]\n", to: config)
    #expect(TestSupport.cli(["generate", "--config", config]).code == .success)
    let r = TestSupport.cli(["diff", "--config", config])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out == "3 zones: 0 added, 0 removed, 3 zones unchanged\n")
  }

  @Test(arguments: [
    ("domian: x.local\n", "config.yaml:1:1: error: config: unknown key 'domian'; did you mean 'domain'?"),
    ("ttl: 30\npod-records: maybe\n", "config.yaml:2:14: error: config: 'pod-records' is a flag: use true or false"),
    ("ttl: [1, 2]\n", "config.yaml:1:6: error: config: 'ttl' takes one value (SECONDS)"),
    ("- domain\n", "config.yaml:1:1: error: config: a config file is a mapping of option names to values"),
    ("ttl: 1\nttl: 2\n", "config.yaml:2:1: error: config: 'ttl' is set twice"),
    ("help: true\n", "config.yaml:1:1: error: config: unknown key 'help'"),
  ])
  func configErrorsNameTheirPosition(text: String, message: String) throws {
    let folder = TestSupport.temporaryFolder("config")
    TestSupport.write(text, to: folder + "/config.yaml")
    let r = TestSupport.cli(["generate", "--config", folder + "/config.yaml", "x.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err.hasPrefix(folder + "/" + message), "\(r.err)")
  }

  @Test func repositoryTemplatesEqualTheBuiltInOnes() {
    for config in ServerConfig.allCases {
      #expect(TestSupport.read(TestSupport.path("templates/" + config.fileName)) == config.defaultTemplate, "\(config)")
    }
  }

  @Test func emitWritesOneEntryPerZoneWithAbsolutePaths() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 1))
    let r = TestSupport.cli(["generate", "--emit", "bind", "--emit", "coredns", "--out", out, input])
    #expect(r.code == .success, "\(r.err)")
    let abs = ServerConfig.absolute(out)
    let bind = try #require(TestSupport.read(out + "/named.conf.zones"))
    #expect(bind.hasSuffix("""
      zone "cluster.local" {
          type primary;
          file "\(abs)/cluster.local.zone";
      };
      zone "96.10.in-addr.arpa" {
          type primary;
          file "\(abs)/96.10.in-addr.arpa.zone";
      };
      zone "244.10.in-addr.arpa" {
          type primary;
          file "\(abs)/244.10.in-addr.arpa.zone";
      };

      """))
    let core = try #require(TestSupport.read(out + "/Corefile"))
    #expect(core.contains("cluster.local {\n    file \(abs)/cluster.local.zone {\n        reload 30s\n    }\n    errors\n}\n"))
    let moved = TestSupport.cli(["generate", "--emit", "bind", "--zone-dir", "/var/lib/bind/kube/", "--out", out, input])
    #expect(moved.code == .success)
    #expect(TestSupport.read(out + "/named.conf.zones")?.contains("file \"/var/lib/bind/kube/cluster.local.zone\";") == true)
  }

  @Test func ownTemplatesAreUsedAndAnUnknownPlaceholderNamesFileAndLine() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 1))
    let templates = TestSupport.temporaryFolder("templates")
    TestSupport.write("{{#zones}}{{origin}} {{file}}\n{{/zones}}", to: templates + "/Corefile")
    TestSupport.write(DefaultTemplates.zoneHeader, to: templates + "/zone.header")
    let r = TestSupport.cli(["generate", "--emit", "coredns", "--templates", templates, "--out", out, input])
    #expect(r.code == .success, "\(r.err)")
    #expect(TestSupport.read(out + "/Corefile") == """
      cluster.local. cluster.local.zone
      96.10.in-addr.arpa. 96.10.in-addr.arpa.zone
      244.10.in-addr.arpa. 244.10.in-addr.arpa.zone

      """)
    TestSupport.write("# servers\n{{#zones}}\n{{zone}} {{reload}}\n{{/zones}}\n", to: templates + "/named.conf.zones")
    let bad = TestSupport.cli(["generate", "--emit", "bind", "--templates", templates, "--out", out, input])
    #expect(bad.code == .invalidInput)
    #expect(bad.err == "\(templates)/named.conf.zones:3:1: error: unknown placeholder 'reload'\n", "\(bad.err)")
  }
}
