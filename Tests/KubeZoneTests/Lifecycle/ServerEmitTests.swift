import Foundation
import Testing
@testable import KubeZone

/// `--emit knot,nsd,powerdns`: each server's own checker accepts the
/// configuration kubezone writes (with secondaries), and each server,
/// started on 127.0.0.1 from it, answers the quickstart's questions as
/// named does from `named.conf.zones`. Missing tools fail in CI and skip
/// elsewhere (`ExternalTool`).
@Suite(.serialized) struct ServerEmitTests {
  /// The quickstart generated with every configuration and the catalog;
  /// the secondary's port has nobody listening (NOTIFY goes nowhere).
  static func generate() -> (out: String, zones: [String])? {
    let out = TestSupport.temporaryFolder("emit-all") + "/out"
    let r = TestSupport.cli([
      "generate", "-n", "test", "--emit", "bind,knot,nsd,powerdns,catalog",
      "--secondary", "127.0.0.1:\(LoopbackPort.free())", "--out", out, TestSupport.path("examples/quickstart"),
    ])
    #expect(r.code == .success, "\(r.err)")
    guard let zones = try? ServingSupport.members(out + "/catalog.kubezone.invalid.zone") else { return nil }
    return (out, zones + ["catalog.kubezone.invalid"])
  }

  static func reference(_ out: String) throws -> LiveNamed? {
    try LiveNamed.start(probe: "cluster.local") { _ in "include \"\(ServerConfig.absolute(out))/named.conf.zones\";" }
  }

  @Test func nsdChecksAndServesTheEmittedZones() throws {
    guard let checkconf = ExternalTool.find("nsd-checkconf"), ExternalTool.find("nsd") != nil,
      let (out, zones) = Self.generate()
    else { return }
    func config(_ dir: String, _ port: Int) -> String {
      """
      server:
          ip-address: 127.0.0.1@\(port)
          username: ""
          chroot: ""
          zonesdir: "\(dir)"
          pidfile: "\(dir)/nsd.pid"
          database: ""
          zonelistfile: "\(dir)/zone.list"
          xfrdfile: "\(dir)/xfrd.state"
          xfrdir: "\(dir)"
          verbosity: 1
      remote-control:
          control-enable: no
      include: "\(ServerConfig.absolute(out))/nsd.conf.zones"

      """
    }
    let checkFolder = TestSupport.temporaryFolder("nsd-check")
    TestSupport.write(config(checkFolder, 53), to: checkFolder + "/nsd.conf")
    let checked = try ExternalTool.run(checkconf, [checkFolder + "/nsd.conf"])
    #expect(checked.status == 0, "nsd-checkconf rejected nsd.conf.zones:\n\(checked.text)")
    guard let named = try Self.reference(out) else { return }
    defer { named.stop() }
    guard let nsd = try LiveServer.start("nsd", probe: "cluster.local", configure: { dir, port in
      TestSupport.write(config(dir, port), to: dir + "/nsd.conf")
    }, arguments: { dir, _ in ["-d", "-c", dir + "/nsd.conf"] }) else { return }
    defer { nsd.stop() }
    try ServingSupport.expectSameAnswers(named, nsd, zones: zones, out: out)
  }

  @Test func knotChecksAndServesTheEmittedZones() throws {
    guard let knotc = ExternalTool.find("knotc"), ExternalTool.find("knotd") != nil,
      let (out, zones) = Self.generate()
    else { return }
    func config(_ dir: String, _ port: Int) -> String {
      """
      server:
          listen: 127.0.0.1@\(port)
          rundir: "\(dir)"
      log:
        - target: stderr
          any: info
      database:
          storage: "\(dir)"
      include: "\(ServerConfig.absolute(out))/knot.conf.zones"

      """
    }
    let checkFolder = TestSupport.temporaryFolder("knot-check")
    TestSupport.write(config(checkFolder, 53), to: checkFolder + "/knot.conf")
    let checked = try ExternalTool.run(knotc, ["-c", checkFolder + "/knot.conf", "conf-check"])
    #expect(checked.status == 0, "knotc conf-check rejected knot.conf.zones:\n\(checked.text)")
    guard let named = try Self.reference(out) else { return }
    defer { named.stop() }
    guard let knot = try LiveServer.start("knotd", probe: "cluster.local", configure: { dir, port in
      TestSupport.write(config(dir, port), to: dir + "/knot.conf")
    }, arguments: { dir, _ in ["-c", dir + "/knot.conf"] }) else { return }
    defer { knot.stop() }
    try ServingSupport.expectSameAnswers(named, knot, zones: zones, out: out)
  }

  @Test func powerdnsServesTheEmittedZones() throws {
    guard ExternalTool.find("pdns_server") != nil, let (out, zones) = Self.generate() else { return }
    guard let named = try Self.reference(out) else { return }
    defer { named.stop() }
    guard let pdns = try LiveServer.start("pdns_server", probe: "cluster.local", configure: { _, _ in }, arguments: { dir, port in
      [
        "--no-config", "--daemon=no", "--guardian=no", "--disable-syslog", "--local-address=127.0.0.1",
        "--local-port=\(port)", "--socket-dir=\(dir)", "--launch=bind",
        "--bind-config=\(ServerConfig.absolute(out))/pdns.bind.conf", "--primary=yes", "--allow-axfr-ips=127.0.0.1",
      ]
    }) else { return }
    defer { pdns.stop() }
    #expect(!pdns.log.contains("Skipping zone"), "\(pdns.log)")
    try ServingSupport.expectSameAnswers(named, pdns, zones: zones, out: out)
  }
}
