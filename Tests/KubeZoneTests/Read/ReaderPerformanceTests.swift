import Foundation
import Testing
@testable import KubeZone

/// Throughput on a large, Kubernetes-shaped list. Runs only with
/// KUBEZONE_PERF=1 (meant for `swift test -c release -Xswiftc -enable-testing`).
@Test(.enabled(if: ProcessInfo.processInfo.environment["KUBEZONE_PERF"] != nil))
func readerThroughput() throws {
  var item = #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"web-NNN","namespace":"default","labels":{"app":"web","tier":"frontend"},"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"}}\n","external-dns.alpha.kubernetes.io/hostname":"web.example.com."}},"spec":{"clusterIP":"10.96.12.34","ports":[{"name":"http","port":80,"protocol":"TCP","targetPort":8080},{"name":"https","port":443,"protocol":"TCP","targetPort":8443}],"selector":{"app":"web"},"type":"LoadBalancer"},"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.10"}]}}}"#
  item = item.replacingOccurrences(of: "NNN", with: "é")
  let count = 200_000
  var json = Array(#"{"apiVersion":"v1","kind":"List","items":["#.utf8)
  let itemBytes = Array(item.utf8)
  json.reserveCapacity(count * (itemBytes.count + 1) + 64)
  for i in 0..<count {
    if i > 0 { json.append(UInt8(ascii: ",")) }
    json.append(contentsOf: itemBytes)
  }
  json.append(contentsOf: Array("]}".utf8))
  var start = Date()
  let node = try JSONReader.document(json, file: "list.json")
  let jsonSeconds = Date().timeIntervalSince(start)
  #expect(node["items"]?.sequence?.count == count)
  let mb = Double(json.count) / 1e6
  print("JSON: \(Int(mb)) MB in \(jsonSeconds) s = \(Int(mb / jsonSeconds)) MB/s")

  let yamlText = try YAMLReader.documents(Array(item.utf8), file: "i").first?.jsonText(pretty: true) ?? ""
  let yamlBytes = Array(String(repeating: "---\n" + yamlText + "\n", count: count / 4).utf8)
  start = Date()
  let docs = try YAMLReader.documents(yamlBytes, file: "list.yaml")
  let yamlSeconds = Date().timeIntervalSince(start)
  #expect(docs.count == count / 4)
  let ymb = Double(yamlBytes.count) / 1e6
  print("YAML (flow-style JSON text): \(Int(ymb)) MB in \(yamlSeconds) s = \(Int(ymb / yamlSeconds)) MB/s")
}
