import Foundation
import Testing
@testable import KubeZone

/// The reader against the zone files other tools write: BIND's
/// named-compilezone (full and relative names), ldns-read-zone and
/// nsd-checkzone -p each rewrite kubezone's golden zones in their own
/// layout, and every rewrite must read as the same records and apex.
@Suite struct OtherToolsZoneTests {
  static let zones: [(folder: String, file: String)] =
    QuickstartTests.zoneFiles.map { (QuickstartTests.golden, $0) } + ClusterExampleTests.zoneFiles.map { (ClusterExampleTests.golden, $0) }

  /// Each tool's command line for zone `origin` in `file`, printing the zone.
  static let tools: [(name: String, arguments: @Sendable (String, String) -> [String])] = [
    ("named-compilezone", { ["-q", "-o", "-", $0, $1] }),
    ("named-compilezone", { ["-q", "-s", "relative", "-o", "-", $0, $1] }),
    ("ldns-read-zone", { [$1] }),
    ("nsd-checkzone", { ["-p", $0, $1] }),
  ]

  @Test(arguments: zones)
  func rewritesReadAsTheSameZone(_ zone: (folder: String, file: String)) throws {
    let path = zone.folder + "/" + zone.file
    let origin = String(zone.file.dropLast(".zone".count))
    let ours = try ZoneFileReader.read([UInt8](try #require(FileManager.default.contents(atPath: path))), file: path)
    for (name, arguments) in Self.tools {
      guard let tool = ExternalTool.find(name) else { continue }
      let r = try ExternalTool.run(tool, arguments(origin, path))
      #expect(r.status == 0, "\(name) \(arguments(origin, path)): \(r.stderr)")
      // No origin from a file name: the rewrites must say it themselves.
      let theirs = try ZoneFileReader.read(Array(r.stdout.utf8), file: name)
      #expect(theirs.origin == ours.origin, "\(name) \(arguments(origin, path))")
      #expect(Set(theirs.records) == Set(ours.records), "\(name) \(arguments(origin, path))")
      #expect(theirs.records.count == ours.records.count, "\(name) \(arguments(origin, path))")
    }
  }
}
