import Foundation
import Testing
@testable import KubeZone

/// `kubezone diff`: record-level changes, serials ignored, three formats.
@Suite struct DiffTests {
  static let header = """
    $ORIGIN example.org.
    $TTL 60
    @ IN SOA ns hostmaster SERIAL 7200 1800 86400 60
      IN NS ns
    ns A 192.0.2.1

    """

  func zoneFile(serial: Int, _ body: String) -> String {
    Self.header.replacingOccurrences(of: "SERIAL", with: String(serial)) + body
  }

  @Test func serialsAloneAreNoChange() throws {
    let folder = TestSupport.temporaryFolder("diff")
    TestSupport.write(zoneFile(serial: 1, "www A 192.0.2.10\n"), to: folder + "/old.zone")
    TestSupport.write(zoneFile(serial: 99, "www 60 IN A 192.0.2.10\n"), to: folder + "/new.zone")
    let r = TestSupport.cli(["diff", folder + "/old.zone", folder + "/new.zone"])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out == "1 zone: 0 added, 0 removed, 1 zone unchanged\n")
  }

  @Test func textFormatGroupsByRRset() throws {
    let folder = TestSupport.temporaryFolder("diff")
    TestSupport.write(zoneFile(serial: 1, "www A 192.0.2.10\nwww A 192.0.2.11\nold TXT \"bye\"\n"), to: folder + "/old.zone")
    TestSupport.write(zoneFile(serial: 2, "www A 192.0.2.10\nwww A 192.0.2.12\nnew CNAME www\n"), to: folder + "/new.zone")
    let r = TestSupport.cli(["diff", folder + "/old.zone", folder + "/new.zone"])
    #expect(r.code == .changesPending)
    #expect(r.out == """
      --- example.org. (changed)
      + new.example.org. 60 IN CNAME www.example.org.
      - old.example.org. 60 IN TXT "bye"
      - www.example.org. 60 IN A 192.0.2.11
      + www.example.org. 60 IN A 192.0.2.12
      1 zone: 2 added, 2 removed, 0 zones unchanged

      """)
  }

  @Test func jsonAndNsupdateFormats() throws {
    let folder = TestSupport.temporaryFolder("diff")
    TestSupport.write(zoneFile(serial: 1, "www A 192.0.2.11\n"), to: folder + "/old.zone")
    TestSupport.write(zoneFile(serial: 2, "www A 192.0.2.12\n"), to: folder + "/new.zone")
    let json = TestSupport.cli(["diff", "--format", "json", folder + "/old.zone", folder + "/new.zone"])
    #expect(json.code == .changesPending)
    #expect(json.out == """
      {
        "zones": [
          {"zone": "example.org.", "status": "changed",
           "added": ["www.example.org. 60 IN A 192.0.2.12"],
           "removed": ["www.example.org. 60 IN A 192.0.2.11"]}
        ],
        "summary": {"zones": 1, "added": 1, "removed": 1, "unchanged": 0}
      }

      """)
    let ns = TestSupport.cli(["diff", "--format", "nsupdate", "--server", "127.0.0.1:5353", folder + "/old.zone", folder + "/new.zone"])
    #expect(ns.code == .changesPending)
    #expect(ns.out == """
      server 127.0.0.1 5353
      zone example.org.
      update delete www.example.org. 60 IN A 192.0.2.11
      update add www.example.org. 60 IN A 192.0.2.12
      send

      """)
  }

  @Test func foldersAreComparedZoneByZone() throws {
    let folder = TestSupport.temporaryFolder("diff")
    let other = "$ORIGIN other.org.\n@ 60 IN SOA ns.other.org. h.other.org. 1 2 3 4 5\n"
    TestSupport.write(zoneFile(serial: 1, "www A 192.0.2.11\n"), to: folder + "/a/example.org.zone")
    TestSupport.write(other, to: folder + "/a/other.org.zone")
    TestSupport.write(zoneFile(serial: 3, "www A 192.0.2.11\n"), to: folder + "/b/example.org.zone")
    TestSupport.write("$ORIGIN third.org.\n@ 60 IN SOA ns h 1 2 3 4 5\n", to: folder + "/b/third.org.zone")
    let r = TestSupport.cli(["diff", folder + "/a", folder + "/b"])
    #expect(r.code == .changesPending)
    #expect(r.out.contains("--- other.org. (removed)\n- other.org. 60 IN SOA ns.other.org. h.other.org. 1 2 3 4 5\n"))
    #expect(r.out.contains("--- third.org. (added)\n+ third.org. 60 IN SOA ns.third.org. h.third.org. 1 2 3 4 5\n"))
    #expect(r.out.hasSuffix("3 zones: 1 added, 1 removed, 1 zone unchanged\n"))
  }

  @Test func zonesFlagTakesFilesWithAnyName() throws {
    let folder = TestSupport.temporaryFolder("diff")
    TestSupport.write(zoneFile(serial: 1, ""), to: folder + "/db.old")
    TestSupport.write(zoneFile(serial: 1, "x A 192.0.2.9\n"), to: folder + "/db.new")
    let r = TestSupport.cli(["diff", "--zones", folder + "/db.old", folder + "/db.new"])
    #expect(r.code == .changesPending)
    #expect(r.out.contains("+ x.example.org. 60 IN A 192.0.2.9\n"))
  }

  @Test func zoneSyntaxErrorsExitTwoWithPosition() throws {
    let folder = TestSupport.temporaryFolder("diff")
    TestSupport.write(zoneFile(serial: 1, "mx CAA 0 issue ca\n"), to: folder + "/old.zone")
    TestSupport.write(zoneFile(serial: 1, ""), to: folder + "/new.zone")
    let r = TestSupport.cli(["diff", folder + "/old.zone", folder + "/new.zone"])
    #expect(r.code == .invalidInput)
    #expect(r.err.hasPrefix("\(folder)/old.zone:6:4: error: unknown or unsupported record type 'CAA'"), "\(r.err)")
  }

  @Test func manifestsAreComparedWithTheOutputFolder() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    let none = TestSupport.cli(["diff", "--out", out, input])
    #expect(none.code == .changesPending)
    #expect(none.out.contains("--- cluster.local. (added)"))
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    let same = TestSupport.cli(["diff", "--out", out, input])
    #expect(same.code == .success)
    #expect(same.out == "3 zones: 0 added, 0 removed, 3 zones unchanged\n")
    let before = LifecycleSupport.states(out)
    TestSupport.write(LifecycleSupport.snapshot(services: 2) + K8s.service("extra", clusterIP: "10.96.5.5", selector: nil), to: input)
    let changed = TestSupport.cli(["diff", "--out", out, input])
    #expect(changed.code == .changesPending)
    #expect(changed.out.contains("+ extra.default.svc.cluster.local. 30 IN A 10.96.5.5\n"), "\(changed.out)")
    #expect(changed.out.contains("+ 5.5.96.10.in-addr.arpa. 30 IN PTR extra.default.svc.cluster.local.\n"))
    #expect(changed.out.hasSuffix("3 zones: 4 added, 0 removed, 1 zone unchanged\n"), "\(changed.out)")
    #expect(LifecycleSupport.states(out) == before)
  }

  @Test(arguments: [
    ("ns1.example.org", "ns1.example.org", UInt16?.none),
    ("127.0.0.1:5353", "127.0.0.1", 5353),
    ("[::1]:53", "::1", 53),
    ("::1", "::1", nil),
  ])
  func nsupdateServerSpellings(text: String, host: String, port: UInt16?) throws {
    let s = try #require(NSUpdateServer(text))
    #expect(s.host == host && s.port == port)
  }

  @Test func badServerAndFormatAreUsageErrors() {
    #expect(NSUpdateServer("host:port") == nil)
    let r = TestSupport.cli(["diff", "--format", "yaml", "x"])
    #expect(r.code == .invalidInput)
    #expect(r.err.contains("--format must be text, json or nsupdate, not 'yaml'"))
  }
}
