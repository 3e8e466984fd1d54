import Foundation
import Testing
@testable import KubeZone

/// Mutates every yaml-test-suite input and JSONTestSuite file many ways and
/// reads the results: nothing may crash or hang. Runs only with
/// KUBEZONE_FUZZ=<iterations per input> (best in a release build).
@Test(.enabled(if: ProcessInfo.processInfo.environment["KUBEZONE_FUZZ"] != nil))
func fuzzReaders() throws {
  let root = Conformance.root()
  let rounds = Int(ProcessInfo.processInfo.environment["KUBEZONE_FUZZ"] ?? "") ?? 50
  var inputs: [[UInt8]] = []
  let fm = FileManager.default
  let yamlSuite = root.appendingPathComponent("yaml-test-suite")
  for id in try fm.contentsOfDirectory(atPath: yamlSuite.path) {
    if let b = Conformance.bytes(yamlSuite.appendingPathComponent("\(id)/in.yaml")) { inputs.append(b) }
  }
  let jsonSuite = root.appendingPathComponent("json-test-suite/test_parsing")
  for name in try fm.contentsOfDirectory(atPath: jsonSuite.path) where name.count < 60 {
    if let b = Conformance.bytes(jsonSuite.appendingPathComponent(name)), b.count < 10_000 { inputs.append(b) }
  }
  let alphabet = Array("-?:,[]{}#&*!|>'\"%@` \t\n\r\\.~0aé\u{FEFF}".utf8)
  var rng = SystemRandomNumberGenerator()
  var runs = 0
  for input in inputs {
    for _ in 0..<rounds {
      var b = input
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let op = Int.random(in: 0..<4, using: &rng)
        let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
        switch op {
        case 0 where !b.isEmpty: b[at] = alphabet.randomElement(using: &rng) ?? 0x20
        case 1: b.insert(alphabet.randomElement(using: &rng) ?? 0x20, at: at)
        case 2 where !b.isEmpty: b.remove(at: at)
        default: b = Array(b.prefix(at))
        }
      }
      let mutated = b
      let ok = Conformance.bounded(seconds: 10) { () -> Bool in
        _ = try? ManifestReader.documents(mutated, file: "f")
        _ = try? YAMLReader.documents(mutated, file: "f").map { $0.mergingKeys().jsonText(pretty: true) }
        _ = try? JSONReader.document(mutated, file: "f")
        return true
      }
      if ok == nil {
        Issue.record("hang on input: \(String(decoding: mutated, as: UTF8.self).debugDescription)")
      }
      runs += 1
    }
  }
  print("fuzz: \(runs) inputs read")
}
