import Foundation
import Testing
@testable import KubeZone

@Suite struct TemplateTests {
  @Test func substitutesAndRepeats() throws {
    let t = try Template("zone {{origin}}\n{{#ns}}\n  NS {{name}} in {{origin}}\n{{/ns}}\nend\n", file: "t")
    let text = try t.render(["origin": .text("a."), "ns": .list([["name": .text("x.")], ["name": .text("y.")]])])
    #expect(text == "zone a.\n  NS x. in a.\n  NS y. in a.\nend\n")
  }

  @Test func commentsLeaveNothing() throws {
    let t = try Template("{{! a comment }}\nbody {{! inline }}here\n", file: "t")
    #expect(try t.render([:]) == "body here\n")
  }

  @Test func unknownPlaceholderNamesFileAndLine() throws {
    let t = try Template("line one\n$ORIGIN {{orign}}\n", file: "templates/zone.header")
    #expect(throws: TemplateError.self) { try t.render(["origin": .text("a.")]) }
    do {
      _ = try t.render(["origin": .text("a.")])
    } catch {
      #expect(error.description == "templates/zone.header:2: error: unknown placeholder 'orign'")
    }
  }

  @Test(arguments: [
    ("{{#a}}x", "t:1: error: section 'a' is never closed"),
    ("x\n{{/a}}", "t:2: error: '{{/a}}' closes no open section"),
    ("{{a b}}", "t:1: error: invalid placeholder '{{a b}}'"),
    ("{{a", "t:1: error: unclosed '{{'"),
  ])
  func malformedTemplates(source: String, message: String) {
    do {
      _ = try Template(source, file: "t")
      Issue.record("no error for \(source)")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func repositoryTemplateEqualsTheBuiltInOne() {
    #expect(TestSupport.read(TestSupport.path("templates/zone.header")) == DefaultTemplates.zoneHeader)
  }
}

@Suite struct ZoneOrderTests {
  @Test func numericLabelsSortAsNumbers() throws {
    let names = try ["2.1.10.in-addr.arpa", "10.1.10.in-addr.arpa", "100.1.10.in-addr.arpa", "3.2.10.in-addr.arpa"].map { try DomainName($0) }
    #expect(names.shuffled().sorted(by: ZoneOrder.namePrecedes) == names)
  }

  @Test func subtreesStayTogether() throws {
    let names = try ["web.ns.svc.z", "_http._tcp.web.ns.svc.z", "a-1.web.ns.svc.z", "web2.ns.svc.z"].map { try DomainName($0) }
    #expect(names.shuffled().sorted(by: ZoneOrder.namePrecedes) == names)
  }
}

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
