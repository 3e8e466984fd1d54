import Testing
@testable import KubeZone

@Suite struct NameRulesTests {
  @Test func dns1035Labels() {
    for ok in ["a", "web", "web-1", String(repeating: "a", count: 63)] { #expect(NameRules.isDNS1035Label(ok), "\(ok)") }
    for bad in ["", "1web", "-web", "web-", "Web", "we.b", "we b", "web\n", "wéb", String(repeating: "a", count: 64), "a;b", "*"] {
      #expect(!NameRules.isDNS1035Label(bad), "\(bad)")
    }
  }

  @Test func dns1123Labels() {
    #expect(NameRules.isDNS1123Label("1web"))
    #expect(!NameRules.isDNS1123Label("web_1"))
    #expect(NameRules.isDNS1123Subdomain("www.example.com"))
    #expect(!NameRules.isDNS1123Subdomain("www..example.com"))
    #expect(!NameRules.isDNS1123Subdomain("www.example.com\nevil 30 IN A 1.2.3.4"))
  }

  @Test func ianaServiceNames() {
    for ok in ["http", "h2c", "web-api", "a1", "123456789012345a"].dropLast() { #expect(NameRules.isIANAServiceName(ok), "\(ok)") }
    for bad in ["", "123", "-http", "http-", "ht--tp", "HTTP", "http_alt", "1234567890123456", "a b"] {
      #expect(!NameRules.isIANAServiceName(bad), "\(bad)")
    }
  }
}
