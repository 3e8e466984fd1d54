import Foundation
@testable import KubeZone

/// Builders for the public-zone tests: records as the sources would give
/// them, without the sources.
enum PublicFixture {
  static func name(_ text: String) -> DomainName {
    (try? DomainName(text)) ?? DomainName.root
  }

  static func origin(_ kind: String, _ objectName: String, line: Int, rule: String = "hostname annotation") -> PublicOrigin {
    let object = SourceLocation(file: "\(objectName).yaml", line: line, column: 1, offset: 0)
    let at = SourceLocation(file: "\(objectName).yaml", line: line + 5, column: 40, offset: 0)
    return PublicOrigin(
      object: ObjectReference(kind: kind, namespace: "web", name: objectName, location: object), rule: rule, location: at)
  }

  static func a(_ owner: String, _ ip: String, from origin: PublicOrigin, ttl: UInt32? = nil) -> PublicRecord {
    PublicRecord(owner: name(owner), data: .address(IPAddress(ip) ?? .v4(IPv4Address(0))), ttl: ttl, origin: origin)
  }

  static func cname(_ owner: String, _ target: String, from origin: PublicOrigin, ttl: UInt32? = nil) -> PublicRecord {
    PublicRecord(owner: name(owner), data: .cname(name(target)), ttl: ttl, origin: origin)
  }

  static let shop = origin("Service", "shop", line: 1)
  static let ingress = origin("Ingress", "front", line: 10, rule: "Ingress rule host")
  static let other = origin("Service", "other", line: 20)
}
