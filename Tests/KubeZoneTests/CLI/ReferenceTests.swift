import Foundation
import Testing
@testable import KubeZone

/// The man page and docs/cli.md are made from the command tables; these
/// tests keep the committed files and the docs' examples in step with them.
@Suite struct ReferenceTests {
  @Test func manPagePassesMandocLintAndListsEveryOption() throws {
    let result = TestSupport.cli(["help", "--man"])
    #expect(result.code == .success)
    let page = result.out
    for command in Commands.specs {
      #expect(page.contains(".SS kubezone \(command.name)\n"), "man page lacks \(command.name)")
      for option in command.options {
        #expect(page.contains("\\fB\\-\\-" + option.name.replacingOccurrences(of: "-", with: "\\-") + "\\fR"), "man page lacks --\(option.name) of \(command.name)")
      }
    }
    guard let mandoc = ExternalTool.find("mandoc"), let man = ExternalTool.find("man") else { return }
    let folder = TestSupport.temporaryFolder("man")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write(page, to: folder + "/kubezone.1")
    // -W style reports everything mandoc finds, down to style hints.
    let lint = try ExternalTool.run(mandoc, ["-Tlint", "-W", "style", folder + "/kubezone.1"])
    #expect(lint.status == 0 && lint.text.isEmpty, "mandoc -Tlint: \(lint.text)")
    let rendered = try ExternalTool.run(man, ["-l", "-P", "cat", folder + "/kubezone.1"])
    #expect(rendered.status == 0)
    #expect(rendered.stdout.contains("kubezone - write DNS zone files for Kubernetes objects"))
  }

  @Test func docsCLIIsTheGeneratedReference() throws {
    let generated = TestSupport.cli(["help", "--markdown"]).out
    let committed = TestSupport.read(TestSupport.path("docs/cli.md"))
    #expect(committed == generated, "docs/cli.md is stale: run 'swift run kubezone help --markdown > docs/cli.md'")
  }

  /// Every `kubezone COMMAND ...` line in the README and docs/ names a real
  /// command and only options that command has.
  @Test func documentedCommandLinesUseRealOptions() throws {
    let specs = Dictionary(uniqueKeysWithValues: Commands.specs.map { ($0.name, $0) })
    var files = ["README.md"]
    let docs = TestSupport.path("docs")
    for name in try FileManager.default.contentsOfDirectory(atPath: docs).sorted() where name.hasSuffix(".md") && name != "cli.md" {
      files.append("docs/" + name)
    }
    var checked = 0
    for file in files {
      guard let text = TestSupport.read(TestSupport.path(file)) else { continue }
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        for use in Self.uses(in: String(line)) {
          guard let spec = specs[use.command] else { continue }
          checked += 1
          for option in use.options {
            let known = spec.options.contains { "--" + $0.name == option || $0.short.map { "-\($0)" } == option }
            #expect(known, "\(file):\(number + 1): kubezone \(use.command) has no option \(option)")
          }
        }
      }
    }
    #expect(checked >= 20, "only \(checked) documented command lines found")
  }

  /// The commands and options on one line: each `kubezone WORD` up to a
  /// shell separator, within one code span when the line has any (prose),
  /// else in the whole line (a code block).
  static func uses(in line: String) -> [(command: String, options: [String])] {
    let spans = line.split(separator: "`", omittingEmptySubsequences: false)
    let pieces = spans.count > 1 ? spans.enumerated().filter { $0.offset % 2 == 1 }.map(\.element) : [Substring(line)]
    return pieces.flatMap { uses(inCode: String($0)) }
  }

  private static func uses(inCode text: String) -> [(command: String, options: [String])] {
    var result: [(String, [String])] = []
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    var i = 0
    while i < words.count {
      guard words[i].hasSuffix("kubezone"), i + 1 < words.count else { i += 1; continue }
      let command = words[i + 1]
      var options: [String] = []
      var j = i + 2
      while j < words.count, !["|", "&&", ";", "||", ">", "2>&1", "#"].contains(words[j]), !words[j].hasSuffix("kubezone") {
        let word = words[j]
        if word.hasPrefix("-"), word.count > 1, word.first(where: { $0 != "-" })?.isLetter == true {
          options.append(String(word.prefix { $0 != "=" }).trimmingCharacters(in: CharacterSet(charactersIn: ".,:;)'\"")))
        }
        j += 1
      }
      result.append((command, options))
      i = j
    }
    return result
  }
}
