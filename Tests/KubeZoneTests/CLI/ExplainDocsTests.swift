import Foundation
import Testing
@testable import KubeZone

/// docs/explain.md shows real runs: each `kubezone explain` example (one
/// without shell pipes or redirections) prints exactly what the page says.
@Suite struct ExplainDocsTests {
  struct Example: CustomStringConvertible {
    var arguments: [String]
    var output: String
    var description: String { arguments.joined(separator: " ") }
  }

  static func examples() -> [Example] {
    let page = TestSupport.read(TestSupport.path("docs/explain.md")) ?? ""
    var out: [Example] = []
    for block in page.components(separatedBy: "```console\n").dropFirst() {
      guard let body = block.components(separatedBy: "\n```").first else { continue }
      let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
      guard let command = lines.first, command.hasPrefix("$ kubezone explain "),
        !command.contains("|"), !command.contains(">")
      else { continue }
      let arguments = command.dropFirst("$ kubezone ".count).split(separator: " ").map(String.init)
      out.append(Example(arguments: arguments, output: lines.dropFirst().joined(separator: "\n") + "\n"))
    }
    return out
  }

  @Test func thePageHasExamples() {
    #expect(Self.examples().count >= 10)
  }

  @Test(arguments: examples())
  func exampleOutputIsReal(example: Example) {
    let root = TestSupport.packageRoot + "/"
    let arguments = example.arguments.map { $0.hasPrefix("examples/") ? root + $0 : $0 }
    let r = TestSupport.cli(arguments)
    #expect(r.code != .invalidInput, "\(r.err)")
    #expect(r.out.replacingOccurrences(of: root, with: "") == example.output)
  }
}
