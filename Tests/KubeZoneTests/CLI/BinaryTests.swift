import Foundation
import Testing
@testable import KubeZone

/// The real executable: standard input, exit statuses, stdout vs stderr.
@Suite struct BinaryTests {
  @Test func readsStandardInput() throws {
    let folder = TestSupport.temporaryFolder("bin")
    let r = try TestSupport.runBinary(["generate", "--out", folder, "-"], stdin: K8s.service("web", clusterIP: "10.96.0.7"))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(TestSupport.read(folder + "/cluster.local.zone")?.contains("web.default.svc                                 30      IN  A      10.96.0.7\n") == true)
    #expect(r.stdout == "")
  }

  @Test func errorsOnStandardInputNameIt() throws {
    let r = try TestSupport.runBinary(["inspect", "-"], stdin: "a: [1, 2\n")
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("<stdin>:2:1: error: "), "\(r.stderr)")
  }

  @Test func usageErrorExitsTwo() throws {
    let r = try TestSupport.runBinary(["generate"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("generate needs at least one INPUT"))
  }

  @Test func helpGoesToStdout() throws {
    let r = try TestSupport.runBinary(["--help"])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("OVERVIEW: kubezone"))
  }
}
