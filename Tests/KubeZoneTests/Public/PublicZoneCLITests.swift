import Foundation
import Testing
@testable import KubeZone

/// `--zone` and its options on the command line and in config files.
@Suite struct PublicZoneCLITests {
  static let service = """
    apiVersion: v1
    kind: Service
    metadata: {name: web, namespace: default}
    spec: {clusterIP: 10.96.0.10, ports: [{port: 80}]}
    """

  static let handKept = """
    $TTL 3600
    @       MX  10 mail
    @       TXT "v=spf1 mx -all"
    mail    A   203.0.113.25
    shop    A   203.0.113.10
    www     CNAME shop
    """

  @Test func withoutZoneTheClusterZonesAreByteForByteThoseOfARunWithZones() throws {
    let folder = TestSupport.temporaryFolder("public-same")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write(Self.service, to: folder + "/in.yaml")
    TestSupport.write(Self.handKept, to: folder + "/hand.zone")
    let plain = TestSupport.cli(["generate", "--serial", "5", "--out", folder + "/a", folder + "/in.yaml"])
    let public_ = TestSupport.cli([
      "generate", "--serial", "5", "--zone", "example.com", "--static", folder + "/hand.zone", "--out", folder + "/b",
      folder + "/in.yaml",
    ])
    #expect(plain.code == .success && public_.code == .success, "\(plain.err)\(public_.err)")
    for file in ["cluster.local.zone", "96.10.in-addr.arpa.zone"] {
      #expect(FileManager.default.contents(atPath: "\(folder)/a/\(file)") == FileManager.default.contents(atPath: "\(folder)/b/\(file)"))
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/a").filter { $0.hasSuffix(".zone") }.sorted()
    #expect(names == ["96.10.in-addr.arpa.zone", "cluster.local.zone"])
    #expect(!plain.err.contains("public records"))
    #expect(public_.err.contains("; public records: example.com 5 (5 static)"), "\(public_.err)")
  }

  @Test(arguments: [
    (["--zone", "cluster.local"], "kubezone: error: --zone cluster.local. is the cluster domain; the cluster zone is written already. Public names need a zone of their own, or pass another --domain"),
    (["--zone", "local"], "kubezone: error: --zone local. contains the cluster domain cluster.local., whose names must not be published; pass another --domain (one outside local.) or a narrower --zone"),
    (["--zone", "example.com", "--domain", "k8s.example.com"], "kubezone: error: --zone example.com. contains the cluster domain k8s.example.com."),
    (["--zone", "svc.cluster.local"], "kubezone: error: --zone svc.cluster.local. lies inside the cluster domain cluster.local."),
    (["--zone", "96.10.in-addr.arpa", "--reverse-zone", "10.96.0.0/16"], "kubezone: error: --zone 96.10.in-addr.arpa. is the reverse zone 96.10.in-addr.arpa."),
    (["--zone", "in-addr.arpa"], "kubezone: error: --zone in-addr.arpa. contains the reverse zone 96.10.in-addr.arpa."),
    (["--zone", "exa mple.com"], "kubezone: error: --zone 'exa mple.com' is not a valid zone name, such as example.com or lan"),
    (["--zone", "a..b"], "kubezone: error: --zone 'a..b' is not a valid zone name"),
    (["--static", "x.zone"], "kubezone: error: --static needs --zone: public names are written only into the zones you name"),
    (["--zone", "lan", "--source", "service,pods"], "kubezone: error: --source 'pods' is not a source; choose from service, ingress, gateway, node"),
    (["--zone", "lan", "--fqdn-template", "{{name}.lan"], "kubezone: error: --fqdn-template '{{name}.lan': "),
  ])
  func badPublicOptionsExitTwoAndWriteNothing(arguments: [String], message: String) {
    TestSupport.generate(Self.service, as: "in.yaml", arguments) { folder, r in
      #expect(r.code == .invalidInput)
      #expect(r.err.hasPrefix(message), "\(r.err)")
      #expect(!FileManager.default.fileExists(atPath: folder + "/out/cluster.local.zone"))
    }
  }

  @Test func aSingleLabelZoneIsAZone() {
    TestSupport.generate(Self.service, as: "in.yaml", ["--zone", "lan"]) { folder, r in
      #expect(r.code == .success, "\(r.err)")
      #expect(TestSupport.read(folder + "/out/lan.zone")?.contains("$ORIGIN lan.\n") == true)
    }
  }

  @Test func aSelectorErrorPointsAtItsCharacter() {
    TestSupport.generate(Self.service, as: "in.yaml", ["--zone", "lan", "--annotation-filter", "a in (b"]) { _, r in
      #expect(r.code == .invalidInput)
      let quoted = "kubezone: error: --annotation-filter 'a in (b"
      let lines = r.err.split(separator: "\n").map(String.init)
      #expect(lines.first == quoted + "': expected ',' or ')' in the values of 'a in', found the end of the selector")
      // The caret stands under the end of the selector, where a ')' is missing.
      #expect(lines.dropFirst().first == String(repeating: " ", count: quoted.count) + "^", "\(r.err)")
    }
  }

  @Test func theOptionsReachTheRequest() throws {
    let spec = GenerateCommand.spec
    let args = try ArgumentParser.parse([
      "--zone", "example.com,lan", "--zone", "dev.example.com", "--source", "service,node", "--annotation-prefix", "dns.example.com/",
      "--fqdn-template", "{{name}}.{{namespace}}.example.com,x", "--fqdn-template", "{{name}}.lan",
      "--label-filter", "expose=public", "--annotation-filter", "tier in (web)", "--static", "a,b.zone", "in.yaml",
    ], for: spec)
    let request = try GenerateOptions.request(from: args)
    let p = request.publicNames
    #expect(p.zones.map(\.description) == ["example.com.", "lan.", "dev.example.com."])
    #expect(p.sources == [.service, .node])
    #expect(p.annotationPrefix == "dns.example.com/")
    #expect(p.fqdnTemplates.count == 2)
    #expect(p.labelFilter?.description == "expose=public")
    #expect(p.annotationFilter != nil)
    #expect(p.staticFiles == ["a,b.zone"])
    #expect(p.ttl == 300)
    let withTTL = try GenerateOptions.request(from: try ArgumentParser.parse(["--zone", "lan", "--ttl", "60", "x"], for: spec))
    #expect(withTTL.publicNames.ttl == 60)
    let off = try GenerateOptions.request(from: try ArgumentParser.parse(["x"], for: spec))
    #expect(!off.publicNames.isEnabled && off.publicNames.sources == PublicSourceKind.defaults)
  }

  @Test func aConfigFileSetsZonesAndStaticFiles() throws {
    let folder = TestSupport.temporaryFolder("public-config")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write(Self.service, to: folder + "/in.yaml")
    TestSupport.write(Self.handKept, to: folder + "/hand,kept.zone")
    TestSupport.write("""
      zones: [example.com, lan]
      static: ["\(folder)/hand,kept.zone"]
      fqdn-template: ["{{name}}.{{namespace}}.lan"]
      inputs: [\(folder)/in.yaml]
      """, to: folder + "/kubezone.yaml")
    // Two zones: the hand-kept file needs an $ORIGIN.
    let failed = TestSupport.cli(["generate", "--config", folder + "/kubezone.yaml", "--out", folder + "/out"])
    #expect(failed.code == .invalidInput)
    #expect(failed.err.contains("hand,kept.zone:2:1: error: '@' used before any $ORIGIN (with 2 --zone values"), "\(failed.err)")
    TestSupport.write("$ORIGIN example.com.\n" + Self.handKept, to: folder + "/hand,kept.zone")
    let r = TestSupport.cli(["generate", "--config", folder + "/kubezone.yaml", "--out", folder + "/out"])
    #expect(r.code == .success, "\(r.err)")
    #expect(FileManager.default.fileExists(atPath: folder + "/out/lan.zone"))
    #expect(TestSupport.read(folder + "/out/example.com.zone")?.contains("MX     10 mail.example.com.") == true)
    // diff reads the same file: zones: is --zone there too, not diff's --zones flag.
    let d = TestSupport.cli(["diff", "--config", folder + "/kubezone.yaml", "--out", folder + "/out"])
    #expect(d.code == .success, "\(d.err)\(d.out)")
  }
}
