import Foundation
import Testing
@testable import KubeZone

@Suite struct ArgumentParserTests {
  static let spec = CommandSpec(name: "t", abstract: "", usage: "", options: [
    OptionSpec("ttl", .single, value: "N", help: ""),
    OptionSpec("zone", .repeated, value: "Z", help: ""),
    OptionSpec("quiet", short: "q", .flag, help: ""),
  ])

  @Test func parsesEveryForm() throws {
    let a = try ArgumentParser.parse(["--ttl", "5", "--ttl=7", "-q", "in", "--zone", "a,b", "--zone=c", "--", "--x", "-"], for: Self.spec)
    #expect(a.value("ttl") == "7")
    #expect(a.all("zone") == ["a", "b", "c"])
    #expect(a.flag("quiet"))
    #expect(a.positionals == ["in", "--x", "-"])
  }

  @Test func rejectsValuesOnFlags() {
    #expect(throws: UsageError.self) { try ArgumentParser.parse(["--quiet=yes"], for: Self.spec) }
    #expect(throws: UsageError.self) { try ArgumentParser.parse(["-x"], for: Self.spec) }
  }

  @Test func editDistance() {
    #expect(ArgumentParser.editDistance("namspace", "namespace") == 1)
    #expect(ArgumentParser.editDistance("", "abc") == 3)
    #expect(ArgumentParser.editDistance("kitten", "sitting") == 3)
  }
}
