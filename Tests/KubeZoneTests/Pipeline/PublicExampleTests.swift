import Foundation
import Testing
@testable import KubeZone

/// The public-names example (`examples/public`), as its README shows it:
/// the command prints the summary shown, writes the zone shown (serial
/// aside), the zones load in named-checkzone, nsd-checkzone and ldns, and a
/// live named answers every question of the README's table as written.
@Suite struct PublicExampleTests {
  static let readme = TestSupport.path("examples/public/README.md")

  /// The README's console block: the command's words, the summary line,
  /// and the lines shown under `$ cat out/example.com.zone`.
  struct Session {
    var arguments: [String]
    var summary: String
    var zone: [String]
  }

  static func session() throws -> Session {
    let text = try #require(TestSupport.read(readme))
    let block = try #require(text.components(separatedBy: "```console\n").dropFirst().first?.components(separatedBy: "\n```").first)
    let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let command = try #require(lines.first { $0.hasPrefix("$ kubezone ") })
    let cat = try #require(lines.firstIndex(of: "$ cat out/example.com.zone"))
    let summary = try #require(lines.first { $0.hasPrefix("kubezone: ") })
    return Session(
      arguments: command.dropFirst("$ kubezone ".count).split(separator: " ").map(String.init),
      summary: summary, zone: Array(lines[(cat + 1)...]))
  }

  /// The README's table: name, type, and the answers, each in backquotes.
  static func questions() throws -> [(name: String, type: String, answers: [String])] {
    let text = try #require(TestSupport.read(readme))
    return text.split(separator: "\n").compactMap { line -> (String, String, [String])? in
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 6, cells[1].hasPrefix("`"), cells[1] != "`name`" else { return nil }
      let answers = cells[3].components(separatedBy: ", ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
      return (cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[2], answers.sorted())
    }
  }

  /// Runs the README's command with the repository's paths, into `out`.
  static func run(_ session: Session, out: String) -> TestSupport.CLIResult {
    let arguments = session.arguments.map { $0.hasPrefix("examples/") ? TestSupport.path($0) : $0 }
    return TestSupport.cli(arguments + ["--out", out])
  }

  /// The SOA line without its serial, which changes with every run.
  static func withoutSerial(_ lines: [String]) -> [String] {
    lines.map { line in
      guard let soa = line.range(of: " SOA ") else { return line }
      // SOA mname rname SERIAL refresh ...: the third word after SOA.
      var words = line[soa.upperBound...].split(separator: " ").map(String.init)
      guard words.count > 2 else { return line }
      words[2] = "SERIAL"
      return line[..<soa.upperBound] + words.joined(separator: " ")
    }
  }

  @Test func theCommandPrintsTheSummaryAndWritesTheZoneShown() throws {
    let session = try Self.session()
    let folder = TestSupport.temporaryFolder("public-example")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = Self.run(session, out: folder + "/out")
    #expect(r.code == .success, "\(r.err)")
    #expect(r.err == session.summary.replacingOccurrences(of: " out/", with: " \(folder)/out/") + "\n")
    let written = try #require(TestSupport.read(folder + "/out/example.com.zone"))
    let lines = written.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
    #expect(Self.withoutSerial(Array(lines)) == Self.withoutSerial(session.zone))
    #expect(try ZoneCheckers.checkFolder(folder + "/out") == 4)
  }

  @Test func aLiveNamedAnswersEveryQuestionOfTheReadme() throws {
    let session = try Self.session()
    let questions = try Self.questions()
    #expect(questions.count == 15)
    let folder = TestSupport.temporaryFolder("public-example-live")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(Self.run(session, out: folder + "/out").code == .success)
    guard let named = try LiveNamed.start(zones: [("example.com", folder + "/out/example.com.zone")]) else { return }
    defer { named.stop() }
    for q in questions {
      #expect(try named.dig(q.name, q.type) == q.answers, "dig \(q.name) \(q.type)")
    }
  }
}
