import Foundation
import Testing
@testable import KubeZone

/// `--on-change CMD`: run after a run that changed zones, with their names;
/// never for a run that changed nothing or for `--check`; its failure is
/// exit 2 with the zones kept.
@Suite struct OnChangeTests {
  /// A hook that appends `KUBEZONE_CHANGED_ZONES` to `log`, one line per run.
  static func hook(_ log: String) -> String { "printf '%s\\n' \"$KUBEZONE_CHANGED_ZONES\" >> '\(log)'" }

  static func runs(_ log: String) -> [String] {
    (TestSupport.read(log) ?? "").split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  @Test func theHookGetsTheChangedZonesAndRunsOnlyWhenSomethingChanged() throws {
    let folder = TestSupport.temporaryFolder("onchange")
    let log = folder + "/hook.log"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.245"]), in: folder)
    let run = ["generate", "--emit", "catalog,bind", "--on-change", Self.hook(log), "--out", folder + "/out", input]
    #expect(TestSupport.cli(run).code == .success)
    #expect(Self.runs(log) == ["cluster.local 96.10.in-addr.arpa 244.10.in-addr.arpa 245.10.in-addr.arpa catalog.kubezone.invalid"])
    // Nothing changed: no run.
    #expect(TestSupport.cli(run).code == .success)
    #expect(Self.runs(log).count == 1)
    // A record changes in cluster.local only.
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.245"], extraService: true), in: folder)
    #expect(TestSupport.cli(run + ["--check"]).code == .changesPending)
    #expect(Self.runs(log).count == 1, "--check ran the hook")
    #expect(TestSupport.cli(run).code == .success)
    #expect(Self.runs(log).last == "cluster.local 96.10.in-addr.arpa")
    // 10.245/16 gives way to 10.246/16: cluster.local (new pod addresses),
    // the new zone, the catalog, and the zone that left (its file kept),
    // which is named once.
    ServingSupport.input(ServingSupport.cluster(podNets: ["10.244", "10.246"], extraService: true), in: folder)
    #expect(TestSupport.cli(run).code == .success)
    #expect(Self.runs(log).last == "cluster.local 246.10.in-addr.arpa catalog.kubezone.invalid 245.10.in-addr.arpa")
    #expect(TestSupport.cli(run).code == .success)
    #expect(Self.runs(log).count == 3, "the kept file of a zone that left is no change on later runs")
  }

  @Test func aFailingHookIsExitTwoAndTheZonesStayWritten() throws {
    let folder = TestSupport.temporaryFolder("onchange-fail")
    let out = folder + "/out"
    let input = ServingSupport.input(ServingSupport.cluster(podNets: ["10.244"]), in: folder)
    let r = TestSupport.cli(["generate", "--on-change", "echo reloading >&2; exit 7", "--out", out, input])
    #expect(r.code == .invalidInput)
    #expect(r.err.contains("kubezone: error: --on-change command 'echo reloading >&2; exit 7' exited with status 7; the zones were written, the reload is missing"), "\(r.err)")
    #expect(FileManager.default.fileExists(atPath: out + "/cluster.local.zone"))
    // The zones are current: the next run changes nothing and runs no hook.
    #expect(TestSupport.cli(["generate", "--on-change", "exit 7", "--out", out, input]).code == .success)
    let killed = TestSupport.cli(["generate", "--domain", "other.local", "--force", "--on-change", "kill -KILL $$", "--out", out, input])
    #expect(killed.code == .invalidInput)
    #expect(killed.err.contains("was killed by signal 9"), "\(killed.err)")
  }
}
