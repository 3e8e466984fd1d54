import Foundation
import Testing
@testable import KubeZone

/// One hostile or broken zone file, found where kubezone reads zones: as
/// the existing `cluster.local.zone` in the output folder of a run on the
/// quickstart example, and as NEW in `diff --zones BASE NEW`.
struct HostileZoneFileCase: Sendable, CustomTestStringConvertible {
  enum Expected: Sendable {
    /// Every command stops with this error at `line:col` of the file.
    case error(String, at: String)
    /// The file is read; these are the `+`/`-` lines of `diff --zones`
    /// against `base`, the zone the case files start from.
    case reads([String])
  }

  var file: String
  var expected: Expected

  init(_ file: String, _ expected: Expected) {
    self.file = file
    self.expected = expected
  }

  var testDescription: String { file }

  static let folder = TestSupport.path("Tests/KubeZoneTests/Hostile/zonefiles")

  /// The first five lines of most case files.
  static let base = "$ORIGIN cluster.local.\n$TTL 30\n@ IN SOA ns.dns hostmaster 1 7200 1800 86400 30\n"
    + "@ IN NS ns.dns\nns.dns IN A 127.0.0.1\n"
}

/// Runs a hostile zone file through `generate`, `generate --check`, `diff`
/// against manifests and `diff --zones`, and checks what issue 15 asks:
/// a positioned error (exit 2) or the documented reading, no control
/// character in any message, bounded time, and the files on disk byte for
/// byte as they were.
enum HostileZoneFileRunner {
  static func check(_ bytes: [UInt8], _ expected: HostileZoneFileCase.Expected, seconds limit: Double,
    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let folder = TestSupport.temporaryFolder("hostile-zone")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let out = folder + "/out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for file in QuickstartTests.zoneFiles {
      try FileManager.default.copyItem(atPath: QuickstartTests.golden + "/" + file, toPath: out + "/" + file)
    }
    let zone = out + "/cluster.local.zone"
    #expect(FileManager.default.createFile(atPath: zone, contents: Data(bytes)), sourceLocation: sourceLocation)
    TestSupport.write(HostileZoneFileCase.base, to: folder + "/base/cluster.local.zone")
    let before = try HostileRunner.snapshot(out)

    let start = Date()
    let options = ["--namespace", "test", "--out", out, QuickstartTests.example]
    var runs: [(String, TestSupport.CLIResult)] = [
      ("generate --check", TestSupport.cli(["generate", "--check"] + options)),
      ("diff", TestSupport.cli(["diff"] + options)),
      ("diff --zones", TestSupport.cli(["diff", "--zones", folder + "/base/cluster.local.zone", zone])),
    ]
    // A file that reads is a zone like any other, which generate replaces
    // with the run's zone; one that does not must stop the run.
    if case .error = expected { runs.append(("generate", TestSupport.cli(["generate", "--serial", "1"] + options))) }
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed < limit, "took \(elapsed) s", sourceLocation: sourceLocation)

    switch expected {
    case .error(let message, let at):
      let line = "\(zone):\(at): error: \(message)"
      for (command, r) in runs {
        #expect(r.code == .invalidInput, "\(command): exit code; stderr:\n\(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.split(separator: "\n").contains { $0.hasPrefix(line) }, "\(command): no '\(line)' in:\n\(r.err)", sourceLocation: sourceLocation)
      }
    case .reads(let lines):
      for (command, r) in runs {
        #expect(r.code == .success || r.code == .changesPending, "\(command): exit code; stderr:\n\(r.err)", sourceLocation: sourceLocation)
        #expect(!r.err.contains("error:") && !r.err.contains("warning:"), "\(command): \(r.err)", sourceLocation: sourceLocation)
      }
      let zones = runs[2].1
      #expect(zones.code == (lines.isEmpty ? .success : .changesPending), sourceLocation: sourceLocation)
      let shown = zones.out.split(separator: "\n").map(String.init).filter { $0.hasPrefix("+ ") || $0.hasPrefix("- ") }
      #expect(shown == lines, sourceLocation: sourceLocation)
    }
    for (command, r) in runs {
      for line in (r.err + r.out).split(separator: "\n") {
        #expect(line.unicodeScalars.allSatisfy { ($0.value >= 0x20 || $0 == "\t") && $0.value != 0x7F && !(0x202A...0x202E).contains($0.value) },
          "\(command): control character in: \(line)", sourceLocation: sourceLocation)
      }
    }
    #expect(try HostileRunner.snapshot(out) == before, "the zones on disk changed", sourceLocation: sourceLocation)
  }
}
