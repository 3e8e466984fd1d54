import Foundation
import Testing
@testable import KubeZone

/// `--emit catalog`: an RFC 9432 catalog zone with the zones of the run,
/// stable member labels, the zone lifecycle, and zones that leave.
@Suite struct CatalogTests {
  static let catalog = "catalog.kubezone.invalid"
  static let catalogFile = catalog + ".zone"

  @Test func sha1MatchesTheStandardVectors() {
    #expect(SHA1.hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(SHA1.hex([]) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    // Two blocks: the padding spills over.
    #expect(SHA1.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
      == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
  }

  @Test func memberLabelsAreTheSHA1OfTheWireName() throws {
    // hashlib.sha1(b"\x07cluster\x05local\x00").hexdigest(); case does not matter.
    #expect(CatalogZone.label(for: try DomainName("cluster.local.")) == "e77bc83e926108d372d7436ce108fa590b3cf0e6")
    #expect(CatalogZone.label(for: try DomainName("Cluster.LOCAL.")) == "e77bc83e926108d372d7436ce108fa590b3cf0e6")
  }

  @Test func theCatalogListsEveryZoneWrittenAndLoadsInEveryChecker() throws {
    let folder = TestSupport.temporaryFolder("catalog")
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    let out = folder + "/out"
    let r = TestSupport.cli(["generate", "--emit", "catalog", "--emit", "bind", "--out", out, input])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.err.contains("3 zones written"), "the catalog is not counted as a zone of the inputs: \(r.err)")
    let text = try #require(TestSupport.read(out + "/" + Self.catalogFile))
    #expect(text.contains("IN  NS     invalid.\n"))
    #expect(text.contains("version                                         30      IN  TXT    \"2\"\n"))
    #expect(text.contains("e77bc83e926108d372d7436ce108fa590b3cf0e6.zones  30      IN  PTR    cluster.local.\n"))
    #expect(try ServingSupport.members(out + "/" + Self.catalogFile)
      == ["244.10.in-addr.arpa", "96.10.in-addr.arpa", "cluster.local"])
    try ZoneCheckers.checkAll(origin: Self.catalog, file: out + "/" + Self.catalogFile)
    // The primary serves the catalog like its other zones.
    #expect(TestSupport.read(out + "/named.conf.zones")?.contains("zone \"\(Self.catalog)\" {") == true)
  }

  @Test func theCatalogSerialMovesOnlyWhenTheMemberSetDoes() throws {
    let folder = TestSupport.temporaryFolder("catalog-serial")
    let out = folder + "/out"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    let run = ["generate", "--emit", "catalog", "--serial-scheme", "increment", "--out", out, input]
    #expect(TestSupport.cli(run).code == .success)
    let first = LifecycleSupport.state(out + "/" + Self.catalogFile)
    // New records in a member zone: the member changes, the catalog does not.
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"], extraService: true), in: folder)
    #expect(TestSupport.cli(run).code == .success)
    #expect(try LifecycleSupport.serial(out + "/cluster.local.zone") == 2)
    #expect(LifecycleSupport.state(out + "/" + Self.catalogFile) == first)
    // A new reverse zone: a new member, a new serial; --check saw it coming.
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.245"], extraService: true), in: folder)
    let check = TestSupport.cli(run + ["--check"])
    #expect(check.code == .changesPending)
    #expect(check.err.contains("\(Self.catalogFile): changed, serial 1 -> 2"), "\(check.err)")
    #expect(TestSupport.cli(run).code == .success)
    #expect(try LifecycleSupport.serial(out + "/" + Self.catalogFile) == 2)
    #expect(try ServingSupport.members(out + "/" + Self.catalogFile).contains("245.10.in-addr.arpa"))
  }

  @Test func aZoneNoLongerProducedLeavesTheCatalogAndConfigurationsAndPruneDeletesIt() throws {
    let folder = TestSupport.temporaryFolder("catalog-leave")
    let out = folder + "/out"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.245"]), in: folder)
    let run = ["generate", "--emit", "catalog,bind,coredns", "--serial-scheme", "increment", "--out", out, input]
    #expect(TestSupport.cli(run).code == .success)
    // The pods of 10.245/16 move to 10.246/16.
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.246"]), in: folder)
    let diff = TestSupport.cli(["diff", "--emit", "catalog", "--out", out, input])
    #expect(diff.code == .changesPending)
    #expect(diff.out.contains("--- 245.10.in-addr.arpa. (removed)\n"), "\(diff.out)")
    #expect(diff.out.contains("--- 246.10.in-addr.arpa. (added)\n"))
    #expect(diff.out.contains("--- \(Self.catalog). (changed)\n"))
    #expect(diff.out.contains("- \(CatalogZone.label(for: try DomainName("245.10.in-addr.arpa."))).zones.\(Self.catalog). 30 IN PTR 245.10.in-addr.arpa.\n"))

    let kept = TestSupport.cli(run + ["--verbose"])
    #expect(kept.code == .success, "\(kept.err)")
    #expect(kept.err.contains("245.10.in-addr.arpa.zone: no longer produced; file kept (--prune deletes it)"), "\(kept.err)")
    #expect(FileManager.default.fileExists(atPath: out + "/245.10.in-addr.arpa.zone"))
    let members = try ServingSupport.members(out + "/" + Self.catalogFile)
    #expect(members == ["244.10.in-addr.arpa", "246.10.in-addr.arpa", "96.10.in-addr.arpa", "cluster.local"])
    for config in ["named.conf.zones", "Corefile"] {
      let text = try #require(TestSupport.read(out + "/" + config))
      #expect(!text.contains("245.10.in-addr.arpa") && text.contains("246.10.in-addr.arpa"), "\(config)")
    }
    // The kept file is no pending change, and stays out of the next runs;
    // diff --prune shows what generate --prune would delete.
    #expect(TestSupport.cli(run + ["--check"]).code == .success)
    #expect(TestSupport.cli(["diff", "--emit", "catalog", "--out", out, input]).code == .success)
    let prunable = TestSupport.cli(["diff", "--emit", "catalog", "--prune", "--out", out, input])
    #expect(prunable.code == .changesPending)
    #expect(prunable.out.hasPrefix("--- 245.10.in-addr.arpa. (removed)\n"), "\(prunable.out)")

    let pruned = TestSupport.cli(run + ["--prune", "--verbose"])
    #expect(pruned.code == .success, "\(pruned.err)")
    #expect(pruned.err.contains("245.10.in-addr.arpa.zone: removed (no longer produced)"), "\(pruned.err)")
    #expect(pruned.err.contains("; 1 zone file no longer produced deleted (--prune)\n"), "\(pruned.err)")
    #expect(!FileManager.default.fileExists(atPath: out + "/245.10.in-addr.arpa.zone"))
    #expect(LifecycleSupport.leftovers(out).isEmpty)
    #expect(TestSupport.cli(run + ["--prune", "--check"]).code == .success)
  }

  @Test func pruneDeletesInTheSameCommitAndACheckDeletesNothing() throws {
    let folder = TestSupport.temporaryFolder("catalog-prune")
    let out = folder + "/out"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.245"]), in: folder)
    #expect(TestSupport.cli(["generate", "--emit", "catalog", "--out", out, input]).code == .success)
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    let check = TestSupport.cli(["generate", "--emit", "catalog", "--prune", "--check", "--out", out, input])
    #expect(check.code == .changesPending)
    #expect(check.err.contains("245.10.in-addr.arpa.zone: removed (no longer produced)"), "\(check.err)")
    #expect(FileManager.default.fileExists(atPath: out + "/245.10.in-addr.arpa.zone"))
    // A removal that fails (its backup name is taken by a folder) restores
    // the files written before it, and the removals done.
    try FileManager.default.createDirectory(atPath: out + "/.c.zone.kubezone-bak/x", withIntermediateDirectories: true)
    TestSupport.write("b\n", to: out + "/b.zone")
    TestSupport.write("c\n", to: out + "/c.zone")
    let before = LifecycleSupport.states(out)
    let files = [AtomicFileSet.File(path: out + "/new.zone", text: "x\n"), AtomicFileSet.File(path: out + "/b.zone", text: "new b\n")]
    let error = #expect(throws: InputError.self) {
      try AtomicFileSet.commit(files, removing: [out + "/245.10.in-addr.arpa.zone", out + "/c.zone"])
    }
    #expect("\(String(describing: error))".contains("c.zone: cannot remove"), "\(String(describing: error))")
    #expect(LifecycleSupport.states(out) == before)
  }

  @Test(arguments: [
    (["--emit", "catalog", "--catalog-zone", "cluster.local"], "--catalog-zone cluster.local. is also a zone kubezone writes"),
    (["--emit", "catalog", "--catalog-zone", "a..b"], "--catalog-zone 'a..b' is not a domain name"),
    (["--emit", "catalog", "--catalog-zone", "a\"b.cat"], "--catalog-zone 'a\"b.cat' must be made of letters, digits, '-' and '_'"),
    (["--emit", "catalog", "--catalog-zone", "*.cat"], "--catalog-zone '*.cat' must be made of letters, digits, '-' and '_'"),
    (["--emit", "catalog", "--catalog-zone", "x/y"], "--catalog-zone 'x/y' must be made of letters, digits, '-' and '_'"),
    (["--emit", "catlog"], "--emit takes bind, coredns, knot, nsd, powerdns, catalog, not 'catlog'"),
  ])
  func badCatalogOptionsAreUsageErrors(arguments: [String], message: String) throws {
    let folder = TestSupport.temporaryFolder("catalog-usage")
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    let r = TestSupport.cli(["generate", "--out", folder + "/out"] + arguments + [input])
    #expect(r.code == .invalidInput)
    #expect(r.err.contains(message), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/cluster.local.zone"))
  }
}
