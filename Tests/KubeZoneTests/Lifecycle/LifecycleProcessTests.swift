import Foundation
import Testing
@testable import KubeZone

/// The built executable under stress: killed with SIGKILL mid-run, and
/// two runs at once on one output folder.
@Suite(.serialized) struct LifecycleProcessTests {
  /// Starts the binary; returns the process without waiting.
  static func start(_ binary: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Process {
    let p = Process()
    if let environment { p.environment = environment }
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = arguments
    p.standardInput = FileHandle.nullDevice
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
  }

  /// The `.zone` files of a folder by name.
  static func zones(_ folder: String) -> [String: Data] {
    LifecycleSupport.states(folder).filter { $0.key.hasSuffix(".zone") }.compactMapValues(\.bytes)
  }

  @Test func sigkillAtAnyPointLeavesEveryZoneWhole() throws {
    guard let binary = LifecycleSupport.binary() else { return }
    let folder = TestSupport.temporaryFolder("crash")
    TestSupport.write(LifecycleSupport.services(20), to: folder + "/old/in.yaml")
    TestSupport.write(LifecycleSupport.services(1500, offset: 7), to: folder + "/new/in.yaml")
    let out = folder + "/out"
    let seed = try Self.start(binary, ["generate", "-q", "--serial", "4", "--out", out, folder + "/old"])
    seed.waitUntilExit()
    let oldZones = Self.zones(out)
    #expect(oldZones.count == 2)
    // The complete new zones, made once in a scratch folder.
    let reference = folder + "/reference"
    let full = try Self.start(binary, ["generate", "-q", "--serial", "5", "--out", reference, folder + "/new"])
    let started = Date()
    full.waitUntilExit()
    let duration = Date().timeIntervalSince(started)
    #expect(full.terminationStatus == 0)
    let newZones = Self.zones(reference)
    #expect((newZones["cluster.local.zone"]?.count ?? 0) > 400_000, "the new zone should be large")
    // Kill a run before it writes, then at several points of its write
    // phase (which is short, so it is found by watching for the first
    // temporary file); after each kill every file must be old or new, whole.
    let firstTemp = AtomicFileSet.hidden(out + "/cluster.local.zone", suffix: AtomicFileSet.tempSuffix)
    var killedWhileWriting = 0
    for delay in [-1, 0, 0, 1_000, 5_000, 20_000] {
      try? FileManager.default.removeItem(atPath: out)
      for (name, bytes) in oldZones { TestSupport.write(String(decoding: bytes, as: UTF8.self), to: out + "/" + name) }
      let run = try Self.start(binary, ["generate", "-q", "--serial", "5", "--out", out, folder + "/new"])
      if delay < 0 {
        usleep(useconds_t(duration * 0.5 * 1_000_000))
      } else {
        while run.isRunning && access(firstTemp, F_OK) != 0 { usleep(100) }
        usleep(useconds_t(delay))
      }
      kill(run.processIdentifier, SIGKILL)
      run.waitUntilExit()
      if !LifecycleSupport.leftovers(out).isEmpty { killedWhileWriting += 1 }
      let after = Self.zones(out)
      #expect(after.count == 2)
      for (name, bytes) in after {
        let whole = bytes == oldZones[name] || bytes == newZones[name]
        #expect(whole, "\(name) is neither the old nor the new zone after a kill \(delay < 0 ? "mid-run" : "\(delay) µs into writing")")
      }
    }
    #expect(killedWhileWriting > 0, "no kill landed while the run was writing")
    print("sigkill test: \(killedWhileWriting) of 6 kills landed while the run was writing")
    // The next run removes what the killed one left and completes the job.
    let again = try Self.start(binary, ["generate", "-q", "--serial", "5", "--out", out, folder + "/new"])
    again.waitUntilExit()
    #expect(again.terminationStatus == 0)
    #expect(Self.zones(out) == newZones)
    #expect(LifecycleSupport.leftovers(out).isEmpty)
  }

  @Test func twoRunsAtOnceTakeTurns() throws {
    guard let binary = LifecycleSupport.binary() else { return }
    let folder = TestSupport.temporaryFolder("lock")
    let out = folder + "/out"
    TestSupport.write(LifecycleSupport.services(400), to: folder + "/a/in.yaml")
    TestSupport.write(LifecycleSupport.services(400, offset: 1), to: folder + "/b/in.yaml")
    TestSupport.write(LifecycleSupport.services(400, offset: 2), to: folder + "/c/in.yaml")
    let seed = try Self.start(binary, ["generate", "-q", "--serial-scheme", "increment", "--out", out, folder + "/c"])
    seed.waitUntilExit()
    #expect(try LifecycleSupport.serial(out + "/cluster.local.zone") == 1)
    let a = try Self.start(binary, ["generate", "-q", "--serial-scheme", "increment", "--out", out, folder + "/a"])
    let b = try Self.start(binary, ["generate", "-q", "--serial-scheme", "increment", "--out", out, folder + "/b"])
    a.waitUntilExit()
    b.waitUntilExit()
    #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
    // Had they interleaved, both would have read serial 1 and written 2.
    #expect(try LifecycleSupport.serial(out + "/cluster.local.zone") == 3)
    let final = try #require(FileManager.default.contents(atPath: out + "/cluster.local.zone"))
    let records = try ZoneFileReader.read([UInt8](final), file: "final").records
    var expected: [[ResourceRecord]] = []
    for input in ["a", "b"] {
      let check = folder + "/check-" + input
      let r = try Self.start(binary, ["generate", "-q", "--out", check, folder + "/" + input])
      r.waitUntilExit()
      let bytes = [UInt8](FileManager.default.contents(atPath: check + "/cluster.local.zone") ?? Data())
      expected.append(try ZoneFileReader.read(bytes, file: input).records)
    }
    #expect(expected.contains { ZoneDiff.sameRecords($0, records) }, "the final zone is neither run's complete output")
    #expect(LifecycleSupport.leftovers(out).isEmpty)
  }

  @Test func serialsComeFromSourceDateEpoch() throws {
    guard let binary = LifecycleSupport.binary() else { return }
    let folder = TestSupport.temporaryFolder("epoch")
    TestSupport.write(LifecycleSupport.services(3), to: folder + "/in/in.yaml")
    // 2026-11-26 12:00:00 UTC
    let env = ["SOURCE_DATE_EPOCH": "1795694400", "PATH": "/usr/bin:/bin"]
    for (scheme, serial) in [("unixtime", UInt32(1_795_694_400)), ("date", 2_026_112_600)] {
      let out = folder + "/" + scheme
      let p = try Self.start(binary, ["generate", "-q", "--serial-scheme", scheme, "--out", out, folder + "/in"], environment: env)
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
      #expect(try LifecycleSupport.serial(out + "/cluster.local.zone") == serial)
    }
  }
}
