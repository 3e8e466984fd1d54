import Foundation
import Testing
@testable import KubeZone

/// `kubezone completions bash|zsh|fish`, loaded into the real shells and
/// asked to complete partial command lines. The option lists are compared
/// with the command tables, so completions cannot drift from `--help`.
@Suite(.serialized) struct CompletionTests {
  static func script(_ shell: String) -> String {
    let result = TestSupport.cli(["completions", shell])
    #expect(result.code == .success)
    return result.out
  }

  static func longOptions(_ command: CommandSpec) -> [String] {
    command.options.map { "--" + $0.name }.sorted()
  }

  @Test func bashCompletesEveryCommandAndOptionFromTheTable() throws {
    let commands = Commands.specs
    var lines: [[String]] = [["kubezone", ""]]
    lines += commands.map { ["kubezone", $0.name, "--"] }
    let cases: [([String], [String])] = [
      (["kubezone", "gen"], ["generate"]),
      (["kubezone", "generate", "--prof"], ["--profile"]),
      (["kubezone", "generate", "--profile", ""], ["coredns", "spec"]),
      (["kubezone", "generate", "--profile", "=", "s"], ["spec"]),
      (["kubezone", "diff", "--format", ""], ["json", "nsupdate", "text"]),
      (["kubezone", "generate", "--emit", "bind,"], ["bind,bind", "bind,catalog", "bind,coredns", "bind,knot", "bind,nsd", "bind,powerdns"]),
      (["kubezone", "generate", "--serial-scheme", "d"], ["date"]),
      (["kubezone", "generate", "--ttl", ""], []),
      (["kubezone", "generate", "--out", "exa"], ["examples"]),
      (["kubezone", "generate", "examples/quick"], ["examples/quickstart"]),
      (["kubezone", "generate", "examples/quickstart/pod"], ["examples/quickstart/pods.json"]),
      (["kubezone", "completions", ""], ["bash", "fish", "zsh"]),
      (["kubezone", "help", "ins"], ["inspect"]),
    ]
    lines += cases.map(\.0)
    guard let replies = try ShellSession.bash(Self.script("bash"), lines: lines, in: TestSupport.packageRoot) else { return }
    try #require(replies.count == lines.count)
    #expect(Set(replies[0]) == Set(commands.map(\.name) + ["-h", "--help", "--version"]))
    for (i, command) in commands.enumerated() {
      #expect(replies[1 + i].sorted() == Self.longOptions(command), "bash: kubezone \(command.name) --")
    }
    for (i, (line, want)) in cases.enumerated() {
      #expect(replies[1 + commands.count + i].sorted() == want.sorted(), "bash: \(line.joined(separator: " "))")
    }
  }

  @Test func fishCompletesEveryCommandAndOptionFromTheTable() throws {
    let commands = Commands.specs
    var lines = ["kubezone "]
    lines += commands.map { "kubezone \($0.name) --" }
    let cases: [(String, [String])] = [
      ("kubezone gen", ["generate"]),
      ("kubezone generate --profile ", ["coredns", "spec"]),
      ("kubezone diff --format ", ["json", "nsupdate", "text"]),
      ("kubezone generate --ttl ", []),
      ("kubezone generate --out exa", ["examples/"]),
      ("kubezone generate examples/quickstart/pod", ["examples/quickstart/pods.json"]),
      ("kubezone completions ", ["bash", "fish", "zsh"]),
      ("kubezone help ins", ["inspect"]),
    ]
    lines += cases.map(\.0)
    guard let replies = try ShellSession.fish(Self.script("fish"), lines: lines, in: TestSupport.packageRoot) else { return }
    try #require(replies.count == lines.count)
    #expect(Set(replies[0]) == Set(commands.map(\.name)))
    for (i, command) in commands.enumerated() {
      #expect(replies[1 + i].sorted() == Self.longOptions(command), "fish: kubezone \(command.name) --")
    }
    for (i, (line, want)) in cases.enumerated() {
      #expect(replies[1 + commands.count + i].sorted() == want.sorted(), "fish: \(line)")
    }
  }

  @Test func zshCompletesInItsLineEditor() throws {
    let folder = TestSupport.temporaryFolder("zsh")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write(Self.script("zsh"), to: folder + "/_kubezone")
    guard let zsh = try ZshTerminal(fpath: folder, in: TestSupport.packageRoot) else { return }
    // Unique prefixes, so zsh completes in place instead of listing.
    var cases: [(String, String)] = Commands.specs.map { ("kubezone " + $0.name.dropLast(2), "kubezone " + $0.name) }
    cases += [
      ("kubezone generate --pod-r", "kubezone generate --pod-records"),
      ("kubezone generate --profile c", "kubezone generate --profile coredns"),
      ("kubezone diff --format ns", "kubezone diff --format nsupdate"),
      ("kubezone generate --out exa", "kubezone generate --out examples/"),
      ("kubezone generate examples/quickstart/pod", "kubezone generate examples/quickstart/pods.json"),
      ("kubezone completions f", "kubezone completions fish"),
      ("kubezone help ins", "kubezone help inspect"),
    ]
    for (typed, want) in cases {
      #expect(try zsh.complete(typed) == want, "zsh: \(typed)")
    }
    // diff has no write options: nothing to complete.
    #expect(try zsh.complete("kubezone diff --serial-sch", patience: 1) == "kubezone diff --serial-sch")
  }

  @Test func unknownShellIsAUsageError() {
    let result = TestSupport.cli(["completions", "tcsh"])
    #expect(result.code == .invalidInput)
    #expect(result.err.contains("unknown shell 'tcsh'; choose bash, zsh or fish"))
    #expect(TestSupport.cli(["completions"]).code == .invalidInput)
  }
}
