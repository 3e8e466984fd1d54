import Foundation
import Testing
@testable import KubeZone

/// `generate` as an unattended job: unchanged zones untouched, serials
/// that only move forward, refusals that protect written zones.
@Suite struct LifecycleTests {
  let zone = "cluster.local.zone"

  @Test func secondRunOnTheSameInputsWritesNothing() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 3))
    let first = TestSupport.cli(["generate", "--out", out, "--emit", "bind,coredns", input])
    #expect(first.code == .success, "\(first.err)")
    let before = LifecycleSupport.states(out)
    #expect(before.count == 5 + 1)  // 3 zones, 2 configs, the lock file
    let second = TestSupport.cli(["generate", "--out", out, "--emit", "bind,coredns", input])
    #expect(second.code == .success)
    #expect(second.err.contains("kubezone: 3 zones unchanged in "), "\(second.err)")
    #expect(LifecycleSupport.states(out) == before)
    let verbose = TestSupport.cli(["generate", "-v", "--out", out, input])
    #expect(verbose.err.contains("\(out)/\(zone): unchanged, serial"))
  }

  @Test func sameRecordsInAnotherLayoutAreRewrittenWithTheOldSerial() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    #expect(TestSupport.cli(["generate", "--serial", "42", "--out", out, input]).code == .success)
    let written = try #require(TestSupport.read(out + "/" + zone))
    TestSupport.write("; edited by hand\n" + written, to: out + "/" + zone)
    let check = TestSupport.cli(["generate", "--check", "--out", out, input])
    #expect(check.code == .changesPending)
    #expect(check.err.contains("\(zone): reformatted, serial 42 kept (same records)"), "\(check.err)")
    let r = TestSupport.cli(["generate", "--out", out, input])
    #expect(r.code == .success)
    #expect(TestSupport.read(out + "/" + zone) == written)
  }

  @Test func zoneFolderPathsThatServerConfigsCannotHoldAreRefused() {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 1))
    let r = TestSupport.cli(["generate", "--emit", "bind", "--zone-dir", "/srv/my zones", "--out", out, input])
    #expect(r.code == .invalidInput)
    #expect(r.err == "kubezone: error: zone folder '/srv/my zones' holds ' ', which the server configurations cannot hold; pass --zone-dir with a plain path\n")
    #expect(!FileManager.default.fileExists(atPath: out + "/" + zone))
  }

  @Test func shuffledInputsGiveByteIdenticalZones() throws {
    let folder = TestSupport.temporaryFolder("shuffle")
    let yaml = LifecycleSupport.snapshot(services: 4)
    let documents = yaml.components(separatedBy: "---\n").filter { !$0.isEmpty }
    var files: [String] = []
    for (i, d) in documents.enumerated() {
      files.append(folder + "/in/\(i).yaml")
      TestSupport.write("---\n" + d, to: files[i])
    }
    var outputs: [[String: Data?]] = []
    for (k, order) in [files, files.reversed(), files.shuffled(), files.shuffled()].enumerated() {
      let out = folder + "/out\(k)"
      let r = TestSupport.cli(["generate", "--serial", "7", "--out", out] + order)
      #expect(r.code == .success, "\(r.err)")
      outputs.append(LifecycleSupport.states(out).filter { $0.key.hasSuffix(".zone") }.mapValues(\.bytes))
    }
    #expect(outputs[0].count == 3)
    for o in outputs.dropFirst() { #expect(o == outputs[0]) }
  }

  @Test func aChangeGetsANewSerialAndUnchangedZonesKeepTheirs() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 3))
    #expect(TestSupport.cli(["generate", "--serial-scheme", "increment", "--out", out, input]).code == .success)
    #expect(try LifecycleSupport.serial(out + "/" + zone) == 1)
    let reverse = LifecycleSupport.state(out + "/96.10.in-addr.arpa.zone")
    // A new TXT-free change: one more ClusterIP service outside 10.96.0.0/16 reverse zones.
    TestSupport.write(LifecycleSupport.snapshot(services: 3) + K8s.service("extra", clusterIP: "10.97.0.9"), to: input)
    let r = TestSupport.cli(["generate", "-v", "--serial-scheme", "increment", "--out", out, input])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.err.contains("\(zone): changed, serial 1 -> 2"))
    #expect(try LifecycleSupport.serial(out + "/" + zone) == 2)
    #expect(LifecycleSupport.state(out + "/96.10.in-addr.arpa.zone") == reverse)
    #expect(try LifecycleSupport.serial(out + "/97.10.in-addr.arpa.zone") == 1)
  }

  @Test func serialMovesForwardFromAnOldSerialNear2To32() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    #expect(TestSupport.cli(["generate", "--serial", "4294967290", "--out", out, input]).code == .success)
    TestSupport.write(LifecycleSupport.snapshot(services: 3), to: input)
    #expect(TestSupport.cli(["generate", "--serial-scheme", "increment", "--out", out, input]).code == .success)
    #expect(try LifecycleSupport.serial(out + "/" + zone) == 4_294_967_291)
    TestSupport.write(LifecycleSupport.snapshot(services: 4), to: input)
    // unixtime (now) lies less than 2^31 past the wrap, so it is the newer
    // serial in RFC 1982 terms: the serial wraps forward to it.
    let r = TestSupport.cli(["generate", "--out", out, input])
    #expect(r.code == .success)
    let wrapped = try #require(try LifecycleSupport.serial(out + "/" + zone))
    #expect(wrapped < 4_294_967_291)
    #expect(Serial(4_294_967_291).isLess(than: Serial(wrapped)))
  }

  @Test func aForcedSerialThatDoesNotMoveForwardIsWarnedAbout() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    #expect(TestSupport.cli(["generate", "--serial", "100", "--out", out, input]).code == .success)
    TestSupport.write(LifecycleSupport.snapshot(services: 3), to: input)
    let r = TestSupport.cli(["generate", "--serial", "100", "--out", out, input])
    #expect(r.code == .success)
    #expect(r.err.contains("kubezone: warning: \(out)/\(zone): --serial 100 is not greater than the old serial 100 (RFC 1982); secondaries and CoreDNS will not load the change\n"), "\(r.err)")
    #expect(try LifecycleSupport.serial(out + "/" + zone) == 100)
  }

  @Test func checkWritesNothingAndExitsOneOnChanges() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    let fresh = TestSupport.cli(["generate", "--check", "--out", out, input])
    #expect(fresh.code == .changesPending)
    #expect(!FileManager.default.fileExists(atPath: out))
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    let before = LifecycleSupport.states(out)
    let same = TestSupport.cli(["generate", "--check", "--out", out, input])
    #expect(same.code == .success)
    #expect(same.err.contains("--check: 0 of 3 files would change"), "\(same.err)")
    TestSupport.write(LifecycleSupport.snapshot(services: 2, podOffset: 1), to: input)
    let changed = TestSupport.cli(["generate", "--check", "--out", out, input])
    #expect(changed.code == .changesPending)
    #expect(changed.err.contains("\(zone): changed"))
    #expect(LifecycleSupport.states(out) == before)
  }

  @Test func emptySnapshotIsRefused() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 3))
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    let before = LifecycleSupport.states(out)
    TestSupport.write("apiVersion: v1\nkind: List\nitems: []\n", to: input)
    let r = TestSupport.cli(["generate", "--out", out, input])
    #expect(r.code == .refused)
    #expect(r.err.hasPrefix("kubezone: refused: the inputs hold no Service, but the zones in \(out)/ hold 41 RRsets; writing would remove 39 of them (1.0.96.10.in-addr.arpa. PTR, 2.0.96.10.in-addr.arpa. PTR, 3.0.96.10.in-addr.arpa. PTR and 36 more). An empty snapshot"), "\(r.err)")
    #expect(r.err.contains("Pass --force to write anyway."))
    #expect(LifecycleSupport.states(out) == before)
    let forced = TestSupport.cli(["generate", "--force", "--out", out, input])
    #expect(forced.code == .success)
    #expect(try LifecycleSupport.serial(out + "/" + zone) != nil)
  }

  @Test func shrinkBeyondTheLimitIsRefused() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 10))
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    let before = LifecycleSupport.states(out)
    TestSupport.write(LifecycleSupport.snapshot(services: 5), to: input)
    let r = TestSupport.cli(["generate", "--out", out, input])
    #expect(r.code == .refused)
    #expect(r.err.contains("% fewer than the"), "\(r.err)")
    #expect(r.err.contains("(--max-shrink 30%)"))
    #expect(r.err.contains("Pass --force to write anyway, or raise --max-shrink."))
    #expect(LifecycleSupport.states(out) == before)
    #expect(TestSupport.cli(["generate", "--max-shrink", "60", "--out", out, input]).code == .success)
  }

  @Test func rollingRestartThatReplacesEveryPodIPPasses() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 10))
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    let before = try String(contentsOfFile: out + "/" + zone, encoding: .utf8)
    TestSupport.write(LifecycleSupport.snapshot(services: 10, podOffset: 1), to: input)
    let r = TestSupport.cli(["generate", "--out", out, input])
    #expect(r.code == .success, "\(r.err)")
    #expect(try String(contentsOfFile: out + "/" + zone, encoding: .utf8) != before)
  }

  @Test func aTargetThatCannotBeReplacedChangesNothing() throws {
    // Tests run as root, where permissions do not stop writes; a folder in
    // a zone file's place cannot be replaced by rename(2) even for root.
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 3))
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    try FileManager.default.removeItem(atPath: out + "/96.10.in-addr.arpa.zone")
    try FileManager.default.createDirectory(atPath: out + "/96.10.in-addr.arpa.zone/x", withIntermediateDirectories: true)
    let before = LifecycleSupport.states(out)
    TestSupport.write(LifecycleSupport.snapshot(services: 4), to: input)
    let r = TestSupport.cli(["generate", "--out", out, input])
    #expect(r.code == .invalidInput)
    #expect(r.err.contains("96.10.in-addr.arpa.zone: cannot be replaced"), "\(r.err)")
    #expect(r.err.contains("no file was changed"))
    #expect(LifecycleSupport.states(out) == before)
    #expect(LifecycleSupport.leftovers(out).isEmpty)
  }

  @Test func anUnreadableOldZoneStopsTheRunAndStaysAsItWas() throws {
    // Its serial and hand-added records are unknown: replacing it could
    // move the serial back or drop them.
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    TestSupport.write("$ORIGIN cluster.local.\n@ 30 IN CAA 0 issue ca.example\n", to: out + "/" + zone)
    let before = LifecycleSupport.states(out)
    let r = TestSupport.cli(["generate", "--serial-scheme", "increment", "--out", out, input])
    #expect(r.code == .invalidInput)
    #expect(r.err.hasPrefix("\(out)/\(zone):2:9: error: unknown or unsupported record type 'CAA'"), "\(r.err)")
    #expect(r.err.contains("; kubezone does not replace a zone file it cannot read: fix it or move it away\n"), "\(r.err)")
    #expect(LifecycleSupport.states(out).filter { $0.key != ".kubezone.lock" } == before)
  }

  @Test func aFailedRenameRestoresEveryFile() throws {
    let folder = TestSupport.temporaryFolder("rename")
    TestSupport.write("old a\n", to: folder + "/a.zone")
    let before = LifecycleSupport.state(folder + "/a.zone")
    let files = [
      AtomicFileSet.File(path: folder + "/a.zone", text: "new a\n"),
      AtomicFileSet.File(path: folder + "/b.zone", text: "new b\n"),
      AtomicFileSet.File(path: folder + "/c.zone", text: "new c\n"),
    ]
    #expect(throws: InputError.self) { try AtomicFileSet.commit(files, failRenameAt: 2) }
    #expect(LifecycleSupport.state(folder + "/a.zone").bytes == before.bytes)
    #expect(LifecycleSupport.state(folder + "/a.zone").inode == before.inode)
    #expect(!FileManager.default.fileExists(atPath: folder + "/b.zone"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/c.zone"))
    #expect(LifecycleSupport.leftovers(folder).isEmpty)
    try AtomicFileSet.commit(files)
    #expect(TestSupport.read(folder + "/a.zone") == "new a\n")
    #expect(TestSupport.read(folder + "/c.zone") == "new c\n")
    #expect(LifecycleSupport.leftovers(folder).isEmpty)
  }

  @Test func aHeldLockMakesTheRunWaitThenGiveUp() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let lock = try OutputLock.acquire(folder: out, timeout: 0)
    let r = TestSupport.cli(["generate", "--lock-timeout", "0.2", "--out", out, input])
    #expect(r.code == .invalidInput)
    #expect(r.err == "kubezone: error: \(out)/.kubezone.lock: another kubezone run holds the lock on \(out)/; gave up after 0.2 s (raise --lock-timeout to wait longer)\n")
    #expect(!FileManager.default.fileExists(atPath: out + "/" + zone))
    lock.release()
    #expect(TestSupport.cli(["generate", "--lock-timeout", "0", "--out", out, input]).code == .success)
  }

  @Test func staleTemporariesOfAKilledRunAreRemoved() throws {
    let (input, out) = LifecycleSupport.setUp(LifecycleSupport.snapshot(services: 2))
    TestSupport.write("half a zone", to: out + "/.cluster.local.zone" + AtomicFileSet.tempSuffix)
    #expect(TestSupport.cli(["generate", "--out", out, input]).code == .success)
    #expect(LifecycleSupport.leftovers(out).isEmpty)
  }

  @Test(arguments: [
    (["--serial-scheme", "weekly"], "--serial-scheme must be unixtime, date or increment, not 'weekly'"),
    (["--serial", "-1"], "--serial must be a whole number from 0 to 4294967295, not '-1'"),
    (["--max-shrink", "150"], "--max-shrink must be a percentage from 0 to 100, not '150'"),
    (["--lock-timeout", "soon"], "--lock-timeout must be a number of seconds, not 'soon'"),
    (["--emit", "djbdns"], "--emit takes bind, coredns, knot, nsd, powerdns, catalog, not 'djbdns'"),
  ])
  func badLifecycleOptionsExitTwo(arguments: [String], message: String) {
    let r = TestSupport.cli(["generate"] + arguments + ["x.yaml"])
    #expect(r.code == .invalidInput)
    #expect(r.err.contains(message), "\(r.err)")
  }
}
