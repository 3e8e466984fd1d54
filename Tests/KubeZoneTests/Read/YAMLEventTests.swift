import Foundation
import Testing
@testable import KubeZone

/// The parser's events in the yaml-test-suite's `test.event` notation.
func eventLines(_ bytes: [UInt8]) throws -> [String] {
  var parser = YAMLParser(bytes, limits: .default)
  var lines: [String] = []
  while let event = try parser.next() {
    var props = ""
    if let anchor = event.anchor { props += " &\(anchor)" }
    if let tag = event.tag { props += " <\(tag)>" }
    switch event.kind {
    case .streamStart: lines.append("+STR")
    case .streamEnd: lines.append("-STR")
    case .documentStart(let explicit): lines.append(explicit ? "+DOC ---" : "+DOC")
    case .documentEnd(let explicit): lines.append(explicit ? "-DOC ..." : "-DOC")
    case .sequenceStart(let flow): lines.append("+SEQ" + (flow ? " []" : "") + props)
    case .mappingStart(let flow): lines.append("+MAP" + (flow ? " {}" : "") + props)
    case .sequenceEnd: lines.append("-SEQ")
    case .mappingEnd: lines.append("-MAP")
    case .alias(let name): lines.append("=ALI *\(name)")
    case .scalar(let text, let style):
      let indicator = switch style {
      case .plain: ":"
      case .singleQuoted: "'"
      case .doubleQuoted: "\""
      case .literal: "|"
      case .folded: ">"
      }
      var escaped = ""
      for ch in text.unicodeScalars {
        switch ch {
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\t": escaped += "\\t"
        case "\r": escaped += "\\r"
        case "\u{8}": escaped += "\\b"
        default: escaped.unicodeScalars.append(ch)
        }
      }
      lines.append("=VAL\(props) \(indicator)\(escaped)")
    }
  }
  return lines
}

/// Every valid yaml-test-suite case must produce exactly its `test.event`
/// stream: this checks styles, tags, anchors and document markers, which
/// the JSON comparison cannot see.
@Test func yamlTestSuiteEvents() throws {
  let root = Conformance.root()
  let suite = root.appendingPathComponent("yaml-test-suite")
  let fm = FileManager.default
  var total = 0, equal = 0
  var failures: [String] = []
  for id in try fm.contentsOfDirectory(atPath: suite.path).sorted() {
    let dir = suite.appendingPathComponent(id)
    guard !fm.fileExists(atPath: dir.appendingPathComponent("error").path),
          let input = Conformance.bytes(dir.appendingPathComponent("in.yaml")),
          let expected = try? String(contentsOf: dir.appendingPathComponent("test.event"), encoding: .utf8)
    else { continue }
    total += 1
    let want = expected.split(separator: "\n").map(String.init)
    let got = Conformance.bounded { () -> [String]? in try? eventLines(input) } ?? nil
    if got == want {
      equal += 1
    } else {
      let diff = zip(got ?? [], want).first { $0 != $1 }.map { "got \($0.0) want \($0.1)" } ?? "length differs"
      failures.append("\(id): \(got == nil ? "error" : diff)")
    }
  }
  print("yaml-test-suite events: equal \(equal)/\(total)")
  for f in failures { print("  FAIL \(f)") }
  #expect(total == 308 && equal == total)
}
