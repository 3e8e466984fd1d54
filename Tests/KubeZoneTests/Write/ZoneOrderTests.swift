import Foundation
import Testing
@testable import KubeZone

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
