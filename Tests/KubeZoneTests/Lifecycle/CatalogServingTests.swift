import Foundation
import Testing
@testable import KubeZone

/// The acceptance tests of serving at scale, with real servers on
/// 127.0.0.1: a primary loads kubezone's configuration (zones and
/// catalog); a secondary configured with nothing but the catalog serves
/// every member and answers as the primary does. A regenerate that adds
/// one reverse zone and removes another, with `--on-change` reloading the
/// primary, reaches the secondary within 30 s, by IXFR where a zone only
/// changed. BIND with BIND, and Knot 3.2 with Knot (`catalog-role:
/// interpret`). Missing tools fail in CI and skip elsewhere (`ExternalTool`).
@Suite(.serialized) struct CatalogServingTests {
  static let catalog = "catalog.kubezone.invalid"

  /// The folders, ports and generate command of one scenario.
  struct Setup {
    var folder: String
    var out: String
    var input: String
    var primaryPort: Int
    var secondaryPort: Int
    var generate: [String]
  }

  /// Pods in 10.244/16 and 10.245/16, generated with `emit` and the
  /// secondary's port.
  static func setUp(emit: String, yaml: String = ServingSupport.cluster(podNets: ["10.244", "10.245"])) -> Setup {
    let folder = TestSupport.temporaryFolder("catalog-serving")
    let input = ServingSupport.input(yaml, in: folder)
    let primaryPort = LoopbackPort.free()
    var secondaryPort = LoopbackPort.free()
    while secondaryPort == primaryPort { secondaryPort = LoopbackPort.free() }
    let out = folder + "/out"
    let generate = ["generate", "--emit", emit, "--secondary", "127.0.0.1:\(secondaryPort)", "--out", out, input]
    let first = TestSupport.cli(generate)
    #expect(first.code == .success, "\(first.err)")
    return Setup(folder: folder, out: out, input: input, primaryPort: primaryPort, secondaryPort: secondaryPort, generate: generate)
  }

  /// A primary named loading `named.conf.zones` and a secondary named
  /// that knows the catalog and where it comes from, nothing else.
  static func bindPair(_ setup: Setup) throws -> (primary: LiveNamed, secondary: LiveNamed)? {
    let include = "include \"\(ServerConfig.absolute(setup.out))/named.conf.zones\";"
    guard let primary = try LiveNamed.start(probe: catalog, port: setup.primaryPort, { _ in include }) else { return nil }
    let catalogZones = """
      catalog-zones { zone "\(catalog)" default-primaries { 127.0.0.1 port \(setup.primaryPort); } in-memory yes; };
      """
    guard let secondary = try LiveNamed.start(probe: catalog, port: setup.secondaryPort, options: catalogZones, { dir in
      "zone \"\(catalog)\" { type secondary; file \"\(dir)/catalog.db\"; primaries { 127.0.0.1 port \(setup.primaryPort); }; };"
    }) else {
      primary.stop()
      return nil
    }
    return (primary, secondary)
  }

  @Test func aBindCatalogSecondaryFollowsZonesThatComeAndGo() throws {
    guard ExternalTool.find("named") != nil, ExternalTool.find("dig") != nil else { return }
    let setup = Self.setUp(emit: "bind,catalog")
    defer { try? FileManager.default.removeItem(atPath: setup.folder) }
    guard let (primary, secondary) = try Self.bindPair(setup) else { return }
    defer { primary.stop(); secondary.stop() }
    try Self.follow(
      setup, primary: primary, secondary: secondary, reload: "kill -HUP \(primary.pid)", primaryLog: { primary.log },
      ixfr: { "transfer of 'cluster.local/IN': IXFR started (serial \($0) -> \($1))" })
    // BIND keeps journals beside the zones; kubezone does not see them.
    let journals = try FileManager.default.contentsOfDirectory(atPath: setup.out).filter { $0.hasSuffix(".jnl") }
    #expect(!journals.isEmpty, "named wrote no journal with ixfr-from-differences")
    #expect(TestSupport.cli(setup.generate + ["--check"]).code == .success)
    #expect(TestSupport.cli(["diff", "--emit", "catalog", "--out", setup.out, setup.input]).code == .success)
  }

  /// 2,000 pods, one of which moves: the reverse zone and cluster.local
  /// reach the secondary as IXFR, not AXFR (which BIND falls back to when
  /// the difference is large against the zone, `max-ixfr-ratio`).
  @Test func onePodChangeOf2000ReachesABindSecondaryByIXFR() throws {
    guard ExternalTool.find("named") != nil, ExternalTool.find("dig") != nil else { return }
    let yaml = LifecycleSupport.snapshot(services: 100, pods: 20)
    let setup = Self.setUp(emit: "bind,catalog", yaml: yaml)
    defer { try? FileManager.default.removeItem(atPath: setup.folder) }
    guard let (primary, secondary) = try Self.bindPair(setup) else { return }
    defer { primary.stop(); secondary.stop() }
    let zones = ["cluster.local", "244.10.in-addr.arpa"]
    let before = try zones.map { try #require(try LifecycleSupport.serial(setup.out + "/\($0).zone")) }
    // The secondary holds the zones at their first serials.
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline, try zones.contains(where: { try secondary.dig($0, "SOA").isEmpty }) { usleep(200_000) }
    #expect(yaml.contains("\"10.244.0.1\""))
    ServingSupport.input(yaml.replacingOccurrences(of: "\"10.244.0.1\"", with: "\"10.244.100.1\""), in: setup.folder)
    let r = TestSupport.cli(setup.generate + ["--on-change", "kill -HUP \(primary.pid)"])
    #expect(r.code == .success, "\(r.err)")
    let after = try zones.map { try #require(try LifecycleSupport.serial(setup.out + "/\($0).zone")) }
    let lines = zones.indices.map { "transfer of '\(zones[$0])/IN': IXFR started (serial \(before[$0]) -> \(after[$0]))" }
    let ixfrDeadline = Date().addingTimeInterval(30)
    while Date() < ixfrDeadline, !lines.allSatisfy({ primary.log.contains($0) }) { usleep(200_000) }
    for line in lines { #expect(primary.log.contains(line), "not in the primary's log: \(line)") }
    // The moved pod's records, as the primary answers them.
    let questions = [("hl0.default.svc.cluster.local", "A"), ("1.100.244.10.in-addr.arpa", "PTR")]
    let answerDeadline = Date().addingTimeInterval(30)
    func same() throws -> Bool { try questions.allSatisfy { try secondary.dig($0.0, $0.1) == primary.dig($0.0, $0.1) } }
    while Date() < answerDeadline, try !same() { usleep(200_000) }
    #expect(try primary.dig("hl0.default.svc.cluster.local", "A").contains("10.244.100.1"))
    #expect(try !primary.dig("1.100.244.10.in-addr.arpa", "PTR").isEmpty)
    #expect(try same(), "the secondary answers the moved pod otherwise than the primary")
  }

  /// knotd's server, log and storage settings for `dir` and `port`.
  static func knotServer(_ dir: String, _ port: Int) -> String {
    "server:\n    listen: 127.0.0.1@\(port)\n    rundir: \"\(dir)\"\nlog:\n  - target: stderr\n    any: info\n"
      + "database:\n    storage: \"\(dir)\"\ntemplate:\n  - id: default\n    storage: \"\(dir)\"\n"
  }

  /// A Knot secondary that knows the catalog and where it comes from,
  /// nothing else (`catalog-role: interpret`).
  static func knotSecondary(_ setup: Setup) throws -> LiveServer? {
    // Knot 3.2 says `master:`; the members' template needs the notify ACL
    // too, or NOTIFY for them is refused and changes wait for the refresh.
    // Knot refuses queries for a catalog it interprets: ready once it serves a member.
    try LiveServer.start("knotd", probe: "cluster.local", port: setup.secondaryPort, configure: { dir, port in
      TestSupport.write(knotServer(dir, port) + """
        remote:
          - id: primary
            address: 127.0.0.1@\(setup.primaryPort)
        acl:
          - id: notify-from-primary
            address: 127.0.0.1
            action: notify
        template:
          - id: catalog-member
            storage: "\(dir)"
            master: primary
            acl: notify-from-primary
        zone:
          - domain: \(Self.catalog).
            master: primary
            acl: notify-from-primary
            catalog-role: interpret
            catalog-template: catalog-member

        """, to: dir + "/knot.conf")
    }, arguments: { dir, _ in ["-c", dir + "/knot.conf"] })
  }

  @Test func aKnotCatalogSecondaryFollowsAKnotPrimary() throws {
    guard let knotc = ExternalTool.find("knotc"), ExternalTool.find("knotd") != nil, ExternalTool.find("dig") != nil else { return }
    let setup = Self.setUp(emit: "knot,catalog")
    defer { try? FileManager.default.removeItem(atPath: setup.folder) }
    guard let primary = try LiveServer.start("knotd", probe: Self.catalog, port: setup.primaryPort, configure: { dir, port in
      TestSupport.write(Self.knotServer(dir, port) + "include: \"\(ServerConfig.absolute(setup.out))/knot.conf.zones\"\n", to: dir + "/knot.conf")
    }, arguments: { dir, _ in ["-c", dir + "/knot.conf"] }) else { return }
    defer { primary.stop() }
    guard let secondary = try Self.knotSecondary(setup) else { return }
    defer { secondary.stop() }
    try Self.follow(
      setup, primary: primary, secondary: secondary, reload: "\(knotc) -c '\(primary.folder)/knot.conf' reload >/dev/null",
      primaryLog: { primary.log }, ixfr: { "[cluster.local.] IXFR, outgoing, remote 127.0.0.1@" + "|started, serial \($0) -> \($1)" })
  }

  /// Mixed servers: a BIND primary from `named.conf.zones`, a Knot 3.2
  /// secondary that reads BIND's catalog.
  @Test func aKnotCatalogSecondaryFollowsABindPrimary() throws {
    guard ExternalTool.find("named") != nil, ExternalTool.find("knotd") != nil, ExternalTool.find("dig") != nil else { return }
    let setup = Self.setUp(emit: "bind,catalog")
    defer { try? FileManager.default.removeItem(atPath: setup.folder) }
    let include = "include \"\(ServerConfig.absolute(setup.out))/named.conf.zones\";"
    guard let primary = try LiveNamed.start(probe: Self.catalog, port: setup.primaryPort, { _ in include }) else { return }
    defer { primary.stop() }
    guard let secondary = try Self.knotSecondary(setup) else { return }
    defer { secondary.stop() }
    try Self.follow(
      setup, primary: primary, secondary: secondary, reload: "kill -HUP \(primary.pid)", primaryLog: { primary.log },
      ixfr: { "transfer of 'cluster.local/IN': IXFR started (serial \($0) -> \($1))" })
  }

  /// The scenario: the secondary serves the catalog's members as the
  /// primary does; pods move from 10.245/16 to 10.246/16 and the secondary
  /// follows within 30 s; one more service reaches it by IXFR (`ixfr`
  /// gives the primary's log line for old and new serial; `|` separates
  /// parts that must all appear on one line).
  static func follow(
    _ setup: Setup, primary: some DigAnswering, secondary: some DigAnswering, reload: String,
    primaryLog: () -> String, ixfr: (UInt32, UInt32) -> String
  ) throws {
    let catalogFile = setup.out + "/\(catalog).zone"
    let v1 = try ServingSupport.members(catalogFile)
    #expect(v1 == ["244.10.in-addr.arpa", "245.10.in-addr.arpa", "96.10.in-addr.arpa", "cluster.local"])
    try ServingSupport.expectSameAnswers(primary, secondary, zones: v1, out: setup.out)

    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.246"]), in: setup.folder)
    let changedLog = setup.folder + "/changed.txt"
    let hook = "printf '%s' \"$KUBEZONE_CHANGED_ZONES\" > '\(changedLog)' && \(reload)"
    let second = TestSupport.cli(setup.generate + ["--on-change", hook])
    #expect(second.code == .success, "\(second.err)")
    #expect(TestSupport.read(changedLog) == "cluster.local 246.10.in-addr.arpa \(catalog) 245.10.in-addr.arpa")
    let deadline = Date().addingTimeInterval(30)
    var state = ""
    while Date() < deadline {
      let added = try secondary.status("246.10.in-addr.arpa", "SOA")
      let removed = try secondary.status("245.10.in-addr.arpa", "SOA")
      state = "246.10: \(added), 245.10: \(removed)"
      if added == "NOERROR" && removed == "REFUSED" { break }
      usleep(200_000)
    }
    #expect(state == "246.10: NOERROR, 245.10: REFUSED", "after 30 s the secondary serves \(state)")
    try ServingSupport.expectSameAnswers(primary, secondary, zones: try ServingSupport.members(catalogFile), out: setup.out)

    // One more service: cluster.local reaches the secondary by IXFR.
    let oldSerial = try #require(try LifecycleSupport.serial(setup.out + "/cluster.local.zone"))
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.246"], extraService: true), in: setup.folder)
    #expect(TestSupport.cli(setup.generate + ["--on-change", reload]).code == .success)
    let newSerial = try #require(try LifecycleSupport.serial(setup.out + "/cluster.local.zone"))
    let parts = ixfr(oldSerial, newSerial).split(separator: "|").map(String.init)
    func logged() -> Bool { primaryLog().split(separator: "\n").contains { line in parts.allSatisfy { line.contains($0) } } }
    let ixfrDeadline = Date().addingTimeInterval(30)
    while Date() < ixfrDeadline, !logged() { usleep(200_000) }
    #expect(logged(), "no IXFR \(parts) in the primary's log:\n\(primaryLog().suffix(3000))")
    try ServingSupport.expectSameAnswers(primary, secondary, zones: ["cluster.local"], out: setup.out)
  }
}
