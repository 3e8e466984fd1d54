import Foundation
import Testing
@testable import KubeZone

/// Progress on stderr: only on a terminal, never with --quiet.
@Suite struct PerfProgressTests {
  static func run(terminal: Bool, quiet: Bool) -> String {
    let err = TestSupport.Captured()
    let console = Console(out: { _ in }, err: { err.append($0) }, errIsTerminal: terminal)
    let out = TestSupport.temporaryFolder("progress")
    var args = ["generate", "--namespace", "test", "--out", out, TestSupport.path("examples/quickstart")]
    if quiet { args.append("--quiet") }
    #expect(CommandLine.run(args, console: console) == .success)
    return err.text
  }

  @Test func terminalShowsAndClearsProgress() {
    let text = Self.run(terminal: true, quiet: false)
    #expect(text.contains("\r\u{1B}[K"))
    #expect(text.contains("kubezone: read") || text.hasPrefix("\r\u{1B}[K"))
  }

  @Test func noProgressWhenPiped() {
    #expect(!Self.run(terminal: false, quiet: false).contains("\r"))
  }

  @Test func noProgressWhenQuiet() {
    #expect(!Self.run(terminal: true, quiet: true).contains("\r"))
  }

  @Test func meterReportsTotals() {
    let seen = TestSupport.Captured()
    let meter = ProgressMeter(totalBytes: 3_000_000) { seen.append($0.done ? "done \($0.bytesRead) \($0.objects)\n" : "") }
    meter.add(bytes: 1_000_000, objects: 10)
    meter.add(bytes: 2_000_000, objects: 5)
    meter.finish()
    #expect(seen.text.hasSuffix("done 3000000 15\n"))
    #expect(ReadProgress(bytesRead: 512_000_000, totalBytes: 1_203_000_000, objects: 64000, elapsed: 1.25, done: false).line
      == "kubezone: read 512 of 1203 MB, 64000 objects, 1.2 s")
  }
}
