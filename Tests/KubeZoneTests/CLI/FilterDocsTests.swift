import Foundation
import Testing
@testable import KubeZone

/// The examples of docs/filters.md run, and print what the page shows.
@Suite struct FilterDocsTests {
  struct Example {
    var arguments: [String]
    /// The lines shown under the command; `...` stands for lines left out.
    var lines: [String]
  }

  /// Every `$ kubezone generate ...` of the page's console blocks.
  static func examples() throws -> [Example] {
    let text = try #require(TestSupport.read(TestSupport.path("docs/filters.md")))
    var examples: [Example] = []
    var inConsole = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("```") {
        inConsole = line == "```console"
        continue
      }
      guard inConsole else { continue }
      if line.hasPrefix("$ kubezone ") {
        examples.append(Example(arguments: words(String(line.dropFirst("$ kubezone ".count))), lines: []))
      } else if !examples.isEmpty {
        examples[examples.count - 1].lines.append(line)
      }
    }
    return examples
  }

  /// Shell words: spaces split, single quotes group.
  static func words(_ line: String) -> [String] {
    var out: [String] = []
    var word: String?
    var quoted = false
    for c in line {
      if c == "'" {
        quoted.toggle()
        word = word ?? ""
      } else if c == " " && !quoted {
        if let w = word { out.append(w) }
        word = nil
      } else {
        word = (word ?? "") + String(c)
      }
    }
    if let word { out.append(word) }
    return out
  }

  @Test func everyExampleRunsAndPrintsWhatThePageShows() throws {
    let examples = try Self.examples()
    #expect(examples.count >= 9)
    // One example per filter option at least.
    for option in FilterOptions.specs {
      #expect(examples.contains { e in e.arguments.contains("--\(option.name)") || (option.short.map { e.arguments.contains("-\($0)") } ?? false) },
        "no example of --\(option.name)")
    }
    for example in examples {
      let folder = TestSupport.temporaryFolder("docs")
      defer { try? FileManager.default.removeItem(atPath: folder) }
      var arguments = example.arguments
      arguments.insert(contentsOf: ["--out", folder + "/out"], at: 1)
      arguments = arguments.map { $0.hasPrefix("examples/") ? TestSupport.path($0) : $0 }
      let r = TestSupport.cli(arguments)
      let printed = r.err.replacingOccurrences(of: TestSupport.packageRoot + "/", with: "")
        .replacingOccurrences(of: folder + "/out", with: "out")
      for line in example.lines where line != "..." && !line.isEmpty {
        #expect(printed.contains(line), "\(example.arguments.joined(separator: " ")):\n\(printed)\nhas no line\n\(line)")
      }
      let failed = example.lines.contains { $0.hasPrefix("kubezone: error:") }
      #expect(r.code == (failed ? .invalidInput : .success), "\(example.arguments)")
    }
  }
}
