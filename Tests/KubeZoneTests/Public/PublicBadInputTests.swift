import Foundation
import Testing
@testable import KubeZone

/// Invalid names and targets: each is a warning at the annotation value or
/// status field that holds it, its record is skipped, the others stay;
/// with `strict` the same position is an error. No name that would break
/// a zone file ever becomes a record.
@Suite struct PublicBadInputTests {
  typealias H = PublicSourceHarness

  static let long63 = String(repeating: "a", count: 63)
  static let long64 = String(repeating: "a", count: 64)
  /// 4 x 63-octet labels + example.com: more than 255 octets on the wire.
  static let tooLong = Array(repeating: long63, count: 4).joined(separator: ".") + ".example.com"

  static func service(hostname: String, target: String? = nil, ip: String = "203.0.113.10") -> String {
    var annotations = ["hostname": "good.example.com," + hostname]
    if let target { annotations["target"] = target }
    return H.service(
      annotations: annotations, spec: "type: LoadBalancer\nports:\n- port: 80",
      status: "loadBalancer:\n  ingress:\n  - ip: \"\(ip)\"")
  }

  @Test(arguments: [
    ("bad host.example.com", "a space"), ("under_score.example.com", "'_'"), ("\(long64).example.com", "longer than 63 octets"),
    (tooLong, "longer than 255 octets"), ("semi;colon.example.com", "';'"), ("paren(.example.com", "'('"),
    ("a..example.com", "empty label"), ("-dash.example.com", "starts or ends with '-'"), ("a.*.example.com", "'*' only as the first label"),
  ])
  func invalidHostnameIsWarnedAndSkipped(hostname: String, reason: String) throws {
    let out = try H.run(Self.service(hostname: hostname))
    #expect(out.lines == ["good.example.com. A 203.0.113.10"])
    #expect(out.warnings.count == 1)
    // The hostname annotation's value is line 7, column 42.
    let warning = try #require(out.warnings.first)
    #expect(warning.hasPrefix("in.yaml:7:42: warning: Service default/web: hostname annotation '"))
    #expect(warning.contains(reason))
    let error = #expect(throws: InputError.self) { try H.run(Self.service(hostname: hostname), strict: true) }
    #expect(error?.description.hasPrefix("in.yaml:7:42: error:") == true)
  }

  @Test func longestValidNamesPass() throws {
    let name = Self.long63 + ".example.com"
    #expect(try H.run(Self.service(hostname: name)).records.count == 2)
  }

  @Test func invalidStatusIPIsWarnedAtTheField() throws {
    let out = try H.run(Self.service(hostname: "b.example.com", ip: "203.0.113.300"))
    #expect(out.records.isEmpty)
    let warning = try #require(out.warnings.first)
    #expect(warning.hasPrefix("in.yaml:15:11: warning: Service default/web: status.loadBalancer.ingress ip '203.0.113.300' is not an IP address"))
    #expect(throws: InputError.self) { try H.run(Self.service(hostname: "b.example.com", ip: "203.0.113.300"), strict: true) }
  }

  @Test(arguments: ["lb example.net", "bad_target.example.net", "x;y"])
  func invalidTargetIsWarnedAndSkipped(target: String) throws {
    let out = try H.run(Self.service(hostname: "b.example.com", target: "192.0.2.1," + target))
    #expect(out.lines == ["good.example.com. A 192.0.2.1", "b.example.com. A 192.0.2.1"])
    #expect(out.warnings.count == 1)
    #expect(out.warnings.first?.contains("target annotation") == true)
    #expect(throws: InputError.self) { try H.run(Self.service(hostname: "b.example.com", target: target), strict: true) }
  }

  @Test func invalidIngressRuleHostIsWarnedAtTheRule() throws {
    let yaml = H.object(
      "networking.k8s.io/v1", "Ingress", "shop", spec: "rules:\n- host: \"bad_host.example.com\"\n- host: ok.example.com",
      status: "loadBalancer:\n  ingress:\n  - ip: 192.0.2.1")
    let out = try H.run(yaml)
    #expect(out.lines == ["ok.example.com. A 192.0.2.1"])
    #expect(out.warnings.first?.hasPrefix("in.yaml:8:11: warning: Ingress default/shop: Ingress rule host 'bad_host.example.com'") == true)
  }

  @Test func invalidGatewayAddressIsWarned() throws {
    let gateway = H.object(
      "gateway.networking.k8s.io/v1", "Gateway", "gw", spec: "listeners:\n- name: http\n  protocol: HTTP\n  port: 80",
      status: "addresses:\n- value: \"not an address\"")
    let route = H.object(
      "gateway.networking.k8s.io/v1", "HTTPRoute", "r", spec: "parentRefs:\n- name: gw\nhostnames: [shop.example.com]",
      status: "parents:\n- parentRef: {name: gw}\n  conditions: [{type: Accepted, status: \"True\"}]")
    let out = try H.run(gateway + route)
    #expect(out.records.isEmpty)
    #expect(out.warnings.first?.contains("Gateway default/gw: status.addresses value 'not an address'") == true)
  }

  @Test func invalidTemplateNameIsWarnedAtTheObject() throws {
    let yaml = H.service("web", spec: "type: LoadBalancer", status: "loadBalancer:\n  ingress:\n  - ip: 192.0.2.1")
    let out = try H.run(yaml, options: try H.options(templates: ["{{name}}_x.example.com"]))
    #expect(out.records.isEmpty)
    #expect(out.warnings.first?.hasPrefix("in.yaml:1:1: warning: Service default/web: fqdn template 'web_x.example.com'") == true)
  }
}

extension PublicBadInputTests {
  /// Every character a zone file or `check-names` treats specially, and a
  /// few that only look harmless, inside a hostname, a target and a status
  /// hostname: each is refused, and nothing but letters, digits, `-`, `.`
  /// and a leading `*` ever reaches a record.
  @Test func zoneFileSyntaxNeverReachesARecord() throws {
    let specials = [
      " ", "\\t", ";", "(", ")", "\\\"", "\\\\", "$", "@", "'", "_", "/", "+", "=", "!", "#", "%", "&", ":", "<", ">", "?",
      "[", "]", "^", "`", "{", "|", "}", "~", "é", "\\u00a0", "\\u200b", "\\n", "\\r", "\\u0000", "*",
    ]
    for c in specials {
      let yaml = PublicSourceHarness.service(
        annotations: ["hostname": "a\(c)b.example.com,ok.example.com", "target": "192.0.2.1,t\(c)x.example.net"],
        spec: "type: LoadBalancer")
      let out = try H.run(yaml)
      #expect(out.warnings.count == 2, "\(c): \(out.warnings)")
      for r in out.records {
        let text = "\(r.owner) \(r.data.presentation)"
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.ldh.contains($0) || $0 == " ") }, "\(c): \(text)")
      }
      #expect(out.lines == ["ok.example.com. A 192.0.2.1"], "\(c)")
    }
  }
}

extension CharacterSet {
  /// Letters, digits, `-` and `.`: all a published name or target may hold.
  static let ldh = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
}
