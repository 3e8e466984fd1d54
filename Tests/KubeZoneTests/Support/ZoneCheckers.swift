import Foundation
import Testing

/// Loads a zone file into BIND's, NSD's and ldns's own checkers, each of
/// which must accept it.
enum ZoneCheckers {
  /// Checks `file` (zone `origin`, no trailing dot needed) with all three
  /// tools; records an issue naming the tool and its output on failure.
  static func checkAll(origin: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if let tool = ExternalTool.find("named-checkzone") {
      let r = try ExternalTool.run(tool, ["-i", "local", "-k", "fail", origin, file])
      #expect(r.status == 0, "named-checkzone rejected \(file):\n\(r.text)", sourceLocation: sourceLocation)
    }
    if let tool = ExternalTool.find("nsd-checkzone") {
      let r = try ExternalTool.run(tool, [origin, file])
      #expect(r.status == 0, "nsd-checkzone rejected \(file):\n\(r.text)", sourceLocation: sourceLocation)
    }
    if let tool = ExternalTool.find("ldns-read-zone") {
      let r = try ExternalTool.run(tool, [file])
      #expect(r.status == 0, "ldns-read-zone rejected \(file):\n\(r.text)", sourceLocation: sourceLocation)
    }
  }

  /// Checks every `*.zone` file in `folder`; returns how many were checked.
  @discardableResult
  static func checkFolder(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    let files = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".zone") }.sorted()
    for f in files {
      try checkAll(origin: String(f.dropLast(5)), file: folder + "/" + f, sourceLocation: sourceLocation)
    }
    return files.count
  }
}
