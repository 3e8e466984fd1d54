import Foundation
import Testing
@testable import KubeZone

/// kubezone's lifecycle output fed to real BIND tools: nsupdate scripts
/// applied to a live dynamic zone, emitted named.conf.zones loaded by
/// named, and zone files rewritten by named-compilezone read by diff.
/// Missing tools fail in CI (CI=true) and skip elsewhere (`ExternalTool`).
@Suite(.serialized) struct LifecycleServerTests {
  @Test func nsupdateScriptTurnsTheOldZonesIntoTheNew() throws {
    guard let nsupdate = ExternalTool.find("nsupdate"), ExternalTool.find("named") != nil else { return }
    let folder = TestSupport.temporaryFolder("nsupdate")
    let out = folder + "/out"
    TestSupport.write(LifecycleSupport.snapshot(services: 4), to: folder + "/v1/in.yaml")
    #expect(TestSupport.cli(["generate", "--serial", "10", "--out", out, folder + "/v1"]).code == .success)
    let origins = ["cluster.local", "96.10.in-addr.arpa", "244.10.in-addr.arpa"]
    guard let named = try LiveNamed.start(probe: "cluster.local", { dir in
      origins.map { origin in
        try? FileManager.default.copyItem(atPath: "\(out)/\(origin).zone", toPath: "\(dir)/\(origin).db")
        return "zone \"\(origin)\" { type primary; file \"\(dir)/\(origin).db\"; allow-update { 127.0.0.1; }; };"
      }.joined(separator: "\n")
    }) else { return }
    defer { named.stop() }
    // v2: a rolling restart (every pod IP new), one service gone, one new.
    var v2 = LifecycleSupport.snapshot(services: 3, podOffset: 1)
    v2 += K8s.service("fresh", clusterIP: "10.96.9.9", selector: nil)
    TestSupport.write(v2, to: folder + "/v2/in.yaml")
    let script = TestSupport.cli(["diff", "--format", "nsupdate", "--server", "127.0.0.1:\(named.port)", "--out", out, folder + "/v2"])
    #expect(script.code == .changesPending, "\(script.err)")
    #expect(script.out.contains("update delete ") && script.out.contains("update add "))
    TestSupport.write(script.out, to: folder + "/update.txt")
    let applied = try ExternalTool.run(nsupdate, ["-v", folder + "/update.txt"])
    #expect(applied.status == 0, "nsupdate failed:\n\(applied.text)\n\(script.out)")
    // What named now serves equals what generate writes for v2.
    let expectedOut = folder + "/expected"
    #expect(TestSupport.cli(["generate", "--out", expectedOut, folder + "/v2"]).code == .success)
    for origin in origins {
      let axfr = try named.records(origin, "AXFR")
      let served = try ZoneFileReader.read(Array(axfr.utf8), file: "axfr \(origin)").records
      let expected = try ZoneFileReader.read(
        [UInt8](FileManager.default.contents(atPath: "\(expectedOut)/\(origin).zone") ?? Data()), file: origin
      ).records
      let diff = ZoneDiff(origin: try DomainName(origin), old: expected, new: served)
      #expect(diff.isUnchanged, "\(origin) after nsupdate:\n\(diff.lines.map { "\($0.sign) \($0.record.zoneFileLine)" }.joined(separator: "\n"))")
    }
  }

  @Test func namedLoadsTheEmittedZoneStatements() throws {
    guard let checkconf = ExternalTool.find("named-checkconf"), ExternalTool.find("named") != nil else { return }
    let folder = TestSupport.temporaryFolder("emit")
    let out = folder + "/out"
    TestSupport.write(LifecycleSupport.snapshot(services: 3), to: folder + "/in/in.yaml")
    let r = TestSupport.cli(["generate", "--emit", "bind,coredns", "--out", out, folder + "/in"])
    #expect(r.code == .success, "\(r.err)")
    let include = "include \"\(ServerConfig.absolute(out))/named.conf.zones\";"
    TestSupport.write("options { directory \"\(folder)\"; };\n\(include)\n", to: folder + "/check.conf")
    let checked = try ExternalTool.run(checkconf, ["-z", folder + "/check.conf"])
    #expect(checked.status == 0, "named-checkconf rejected named.conf.zones:\n\(checked.text)")
    guard let named = try LiveNamed.start(probe: "cluster.local", { _ in include }) else { return }
    defer { named.stop() }
    let zones = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".zone") }.sorted()
    #expect(zones.count == 3)
    for file in zones {
      let origin = String(file.dropLast(5))
      #expect(try named.records(origin, "SOA").contains("\(origin).\t"), "named does not serve \(origin)")
    }
    #expect(try named.records("svc1.default.svc.cluster.local", "A").contains("10.96.0.2"))
  }

  @Test func diffReadsZonesRewrittenByNamedCompilezone() throws {
    guard let compile = ExternalTool.find("named-compilezone") else { return }
    let folder = TestSupport.temporaryFolder("compile")
    let out = folder + "/out"
    #expect(TestSupport.cli(["generate", "-n", "test", "--out", out, TestSupport.path("examples/quickstart")]).code == .success)
    for style in ["full", "relative"] {
      let compiled = folder + "/\(style).zone"
      let c = try ExternalTool.run(compile, ["-s", style, "-o", compiled, "cluster.local", out + "/cluster.local.zone"])
      #expect(c.status == 0, "\(c.text)")
      let same = TestSupport.cli(["diff", out + "/cluster.local.zone", compiled])
      #expect(same.code == .success, "\(style): \(same.err)\(same.out)")
      #expect(same.out == "1 zone: 0 added, 0 removed, 1 zone unchanged\n")
    }
    // A change made by hand in BIND's own output shows as one line.
    let compiled = try #require(TestSupport.read(folder + "/full.zone"))
    let edited = compiled.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("normal-service.test.svc.cluster.local.") || !$0.contains(" IN A\t") }
      .joined(separator: "\n")
    TestSupport.write(edited, to: folder + "/edited.zone")
    let changed = TestSupport.cli(["diff", out + "/cluster.local.zone", folder + "/edited.zone"])
    #expect(changed.code == .changesPending)
    #expect(changed.out.contains("- normal-service.test.svc.cluster.local. 30 IN A 10.96.1.136\n"), "\(changed.out)")
    #expect(changed.out.hasSuffix("1 zone: 0 added, 1 removed, 0 zones unchanged\n"))
  }
}
