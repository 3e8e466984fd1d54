import Testing
@testable import KubeZone

/// Reverse names read back to the addresses they stand for (`explain`
/// takes either).
@Suite struct ReverseNameTests {
  @Test(arguments: ["10.96.1.136", "0.0.0.0", "255.255.255.255", "fd00:10::1", "2001:db8::", "::"])
  func roundTrips(text: String) throws {
    let ip = try #require(IPAddress(text))
    #expect(IPAddress(reverseName: ip.reverseName) == ip)
  }

  @Test(arguments: [
    "96.10.in-addr.arpa", "1.010.96.10.in-addr.arpa", "1.256.96.10.in-addr.arpa", "a.1.96.10.in-addr.arpa",
    "web.default.svc.cluster.local", "1.0.96.10.in-addr.example",
  ])
  func otherNamesAreNoAddress(text: String) throws {
    #expect(IPAddress(reverseName: try DomainName(text)) == nil)
  }
}
