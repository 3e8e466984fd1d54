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

/// The names and labels written digit by digit in place hold every octet
/// value in every place to the plain text form.
@Suite struct AddressTextTests {
  @Test(arguments: [0, 1, 2, 3])
  func everyOctetInEveryPlace(place: Int) throws {
    for value in 0...255 {
      var octets = [10, 96, 0, 1]
      octets[place] = value
      let text = octets.map(String.init).joined(separator: ".")
      let ip = try #require(IPAddress(text))
      #expect(ip.dashed == octets.map(String.init).joined(separator: "-"))
      let reverse = octets.reversed().map(String.init).joined(separator: ".") + ".in-addr.arpa"
      #expect(ip.reverseName == (try DomainName(reverse)))
      #expect(ip.reverseName.description == reverse + ".")
    }
  }

  @Test func ipv6NamesHaveEveryNibble() throws {
    let ip = try #require(IPAddress("2001:db8:0:1:abcd:ef01:2345:6789"))
    let nibbles = "20010db800000001abcdef0123456789".reversed().map(String.init).joined(separator: ".")
    #expect(ip.reverseName == (try DomainName(nibbles + ".ip6.arpa")))
    #expect(ip.dashed == "2001-db8-0-1-abcd-ef01-2345-6789")
    #expect(try #require(IPAddress("2001:db8::")).dashed == "2001-db8--0")
  }
}
