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
