import Foundation
import Testing
@testable import KubeZone

/// One hostile or broken input and what `kubezone generate` must do with it.
///
/// Every case runs against an output folder that already serves the
/// quickstart zones. A case that fails (exit 2) must leave those files
/// byte for byte as they were and add none; a case that succeeds must
/// write zones that BIND loads with `named-checkzone -i local -k fail`
/// (and NSD and ldns too), made only of checked names.
struct HostileCase: Sendable, CustomTestStringConvertible {
  enum Expected: Sendable {
    /// A diagnostic of this severity whose text contains `message`.
    case warning(String), error(String)
    /// Refused by a safety guard (exit 3): `kubezone: refused: ...`.
    case refused(String)
    /// No diagnostic at all.
    case clean
  }

  var file: String
  var code: ExitCode
  var expected: Expected
  /// `line:col` of the diagnostic in the case file; nil when it names no
  /// place (option errors, whole-run errors), so it reads `kubezone: ...`.
  var at: String?
  var arguments: [String]

  init(_ file: String, _ code: ExitCode, _ expected: Expected, at: String?, _ arguments: [String] = []) {
    self.file = file
    self.code = code
    self.expected = expected
    self.at = at
    self.arguments = arguments
  }

  var testDescription: String { file }

  static let folder = TestSupport.path("Tests/KubeZoneTests/Hostile/cases")
}

/// Runs hostile cases and checks every promise of issue 6 about them.
enum HostileRunner {
  /// Text that the cases try to smuggle into a zone; none may appear.
  static let payloads = ["6.6.6.6", "evil", "$INCLUDE", "passwd", "\u{202E}", "$TTL 0"]

  static func check(_ c: HostileCase, input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let out = TestSupport.temporaryFolder("hostile")
    defer { try? FileManager.default.removeItem(atPath: out) }
    for file in QuickstartTests.zoneFiles {
      try FileManager.default.copyItem(atPath: QuickstartTests.golden + "/" + file, toPath: out + "/" + file)
    }
    let before = try snapshot(out)
    // The quickstart zones hold 22 RRsets; a case that keeps only a few
    // would trip the shrink guard (exit 3, see case 111). Cases expected
    // to write pass --force, so their zones are written and checked.
    let force = c.code == .success ? ["--force"] : []
    let result = TestSupport.cli(["generate", "--out", out] + force + c.arguments + [input])
    #expect(result.code == c.code, "exit code; stderr:\n\(result.err)", sourceLocation: sourceLocation)
    let lines = result.err.split(separator: "\n").map(String.init)
    let prefix = c.at.map { "\(input):\($0): " } ?? "kubezone: "
    switch c.expected {
    case .warning(let message), .error(let message):
      let severity = if case .warning = c.expected { "warning" } else { "error" }
      let found = lines.contains { $0.hasPrefix(prefix + severity + ": ") && $0.contains(message) }
      #expect(found, "no '\(prefix)\(severity): ...\(message)...' in:\n\(result.err)", sourceLocation: sourceLocation)
    case .refused(let message):
      let found = lines.contains { $0.hasPrefix("kubezone: refused: ") && $0.contains(message) }
      #expect(found, "no 'kubezone: refused: ...\(message)...' in:\n\(result.err)", sourceLocation: sourceLocation)
    case .clean:
      #expect(!result.err.contains("warning:") && !result.err.contains("error:"), "\(result.err)", sourceLocation: sourceLocation)
    }
    // Diagnostics (and the excerpt under a read error, which keeps tabs so
    // the caret lines up) carry no control characters from the input.
    for line in lines {
      #expect(line.unicodeScalars.allSatisfy { ($0.value >= 0x20 || $0 == "\t") && $0.value != 0x7F }, "control character in: \(line)", sourceLocation: sourceLocation)
    }
    let after = try snapshot(out)
    if c.code != .success {
      #expect(after == before, "the zones on disk changed", sourceLocation: sourceLocation)
      return
    }
    for (name, bytes) in after.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".zone") && before[name] != bytes {
      let text = String(decoding: bytes, as: UTF8.self)
      checkZoneText(text, name: name, sourceLocation: sourceLocation)
      try ZoneCheckers.checkAll(origin: String(name.dropLast(5)), file: out + "/" + name, sourceLocation: sourceLocation)
    }
  }

  /// Every file in `folder` (hidden ones too: no temporary file may
  /// stay), but the lock file a run leaves for the next one.
  static func snapshot(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name != ".kubezone.lock" {
      files[name] = FileManager.default.contents(atPath: folder + "/" + name)
    }
    return files
  }

  /// The written text holds only comments, the two directives and record
  /// lines of owner, TTL, IN, type and data, in printable ASCII, with no
  /// payload from the hostile input.
  static func checkZoneText(_ text: String, name: String, sourceLocation: Testing.SourceLocation) {
    for payload in payloads {
      #expect(!text.contains(payload), "\(name) contains '\(payload)'", sourceLocation: sourceLocation)
    }
    #expect(text.utf8.allSatisfy { $0 == 0x0A || (0x20..<0x7F).contains($0) }, "\(name) has a byte outside printable ASCII", sourceLocation: sourceLocation)
    for line in text.split(separator: "\n") where !line.hasPrefix(";") {
      let fields = line.split(separator: " ")
      if line.hasPrefix("$ORIGIN ") || line.hasPrefix("$TTL ") {
        #expect(fields.count == 2, "\(name): \(line)", sourceLocation: sourceLocation)
        continue
      }
      let types = ["SOA", "NS", "A", "AAAA", "CNAME", "PTR", "SRV", "TXT"]
      #expect(fields.count >= 5 && UInt32(fields[1]) != nil && fields[2] == "IN" && types.contains(String(fields[3])),
        "\(name): not a record line: \(line)", sourceLocation: sourceLocation)
      let owner = fields[0]
      #expect(owner == "@" || owner.utf8.allSatisfy { b in
        (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x2E || b == 0x5F
      }, "\(name): owner \(owner) has characters a checked name cannot", sourceLocation: sourceLocation)
    }
  }
}
