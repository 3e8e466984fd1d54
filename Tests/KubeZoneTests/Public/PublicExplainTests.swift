import Foundation
import Testing
@testable import KubeZone

/// `explain` for public names: the objects behind a published name, the
/// line of a hand-kept record, the delegation of a nested zone.
@Suite struct PublicExplainTests {
  typealias F = PublicFixture

  @Test func aPublishedNameListsEveryObjectAndWhereItsNameWasRead() throws {
    var log = DiagnosticLog()
    let options = PublicNameOptions(zones: [F.name("example.com")])
    let made = try PublicZones.make(
      [
        F.a("shop.example.com", "203.0.113.10", from: F.shop),
        F.a("shop.example.com", "203.0.113.10", from: F.ingress),
        F.a("shop.example.com", "203.0.113.11", from: F.ingress),
      ],
      options: options, cluster: ZoneOptions(domain: F.name("cluster.local")), reverse: [], log: &log)
    let origins = made.origins()
    let first = ResourceRecord(owner: F.name("shop.example.com"), ttl: 300, data: .address(IPAddress("203.0.113.10")!))
    let second = ResourceRecord(owner: F.name("shop.example.com"), ttl: 300, data: .address(IPAddress("203.0.113.11")!))
    #expect(origins[first]?.map(\.rule.description) == [
      "public name (--zone): hostname annotation at shop.yaml:6:40",
      "public name (--zone): Ingress rule host at front.yaml:15:40",
    ])
    #expect(origins[first]?.flatMap(\.objects).map(\.description) == ["Service web/shop (shop.yaml:1:1)", "Ingress web/front (front.yaml:10:1)"])
    #expect(origins[second]?.flatMap(\.objects).map(\.key.name) == ["front"])
    #expect(origins[second]?.first?.rule.id == "public-name")
  }

  /// A hostname outside every --zone is skipped; explain names the object
  /// that asked for it rather than only saying the name is in no zone.
  @Test func aNameInNoZoneNamesTheObjectThatAskedForIt() throws {
    let folder = TestSupport.temporaryFolder("public-explain-outside")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write("""
      apiVersion: v1
      kind: Service
      metadata:
        name: shop
        namespace: web
        annotations:
          external-dns.alpha.kubernetes.io/hostname: shop.example.org
      spec: {type: LoadBalancer, clusterIP: 10.96.0.20, ports: [{port: 443}]}
      status: {loadBalancer: {ingress: [{ip: 203.0.113.10}]}}
      """, to: folder + "/shop.yaml")
    let r = TestSupport.cli(["explain", "shop.example.org", "--zone", "example.com", folder + "/shop.yaml"])
    #expect(r.code == .changesPending, "\(r.err)")
    #expect(r.out.contains("shop.example.org. lies in none of the zones written"), "\(r.out)")
    #expect(r.out.contains("""
      left out:
        public name in no --zone (example.com.), so skipped
          Service web/shop  \(folder)/shop.yaml:1:1
      """), "\(r.out)")
  }

  @Test func explainNamesTheStaticLineTheDelegationAndTheGlue() throws {
    let folder = TestSupport.temporaryFolder("public-explain")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write(PublicZoneCLITests.service, to: folder + "/in.yaml")
    TestSupport.write("$ORIGIN example.com.\n$TTL 600\n@ MX 10 mail\nmail A 203.0.113.25\n", to: folder + "/hand.zone")
    func explain(_ name: String) -> TestSupport.CLIResult {
      TestSupport.cli([
        "explain", name, "--zone", "example.com", "--zone", "dev.example.com", "--static", folder + "/hand.zone",
        folder + "/in.yaml",
      ])
    }
    let mail = explain("mail.example.com")
    #expect(mail.code == .success)
    #expect(mail.out == """
      mail.example.com. 600 IN A 203.0.113.25
          zone example.com.
          because: hand-kept record at \(folder)/hand.zone:4:1 (--static)

      """)
    let cut = explain("dev.example.com").out
    #expect(cut.hasPrefix("""
      dev.example.com. 300 IN NS ns.dev.example.com.
          zone example.com.
          because: delegation of the nested zone dev.example.com. (--zone): its NS, and glue for nameservers inside it
      """), "\(cut)")
    #expect(cut.contains("zone dev.example.com.\n    because: zone apex: "))
    let glue = explain("ns.dev.example.com").out
    #expect(glue.contains("zone example.com.\n    because: delegation of the nested zone dev.example.com."), "\(glue)")
    #expect(glue.contains("zone dev.example.com.\n    because: address of the in-zone nameserver"))
    let nothing = explain("shop.example.org")
    #expect(nothing.code == .nothingFound)
    #expect(nothing.out.contains("lies in none of the zones written"))
  }
}
