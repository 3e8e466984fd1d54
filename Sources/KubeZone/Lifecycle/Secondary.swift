/// A secondary server the emitted configurations notify and let transfer
/// the zones: `--secondary IP[:PORT]` (`[IPv6]:PORT` for IPv6 with a port).
/// The port matters for NOTIFY, which goes to it; transfers are allowed
/// by address, as servers match ACLs.
public struct Secondary: Sendable, Equatable {
  public var address: IPAddress
  public var port: UInt16

  public init?(_ text: String) {
    guard let parsed = NSUpdateServer(text), let address = IPAddress(parsed.host) else { return nil }
    self.address = address
    self.port = parsed.port ?? 53
  }

  /// The template values of one secondary.
  var templateValues: [String: Template.Value] {
    let ip = address.description
    let hostPort: String
    switch address {
    case .v4: hostPort = "\(ip):\(port)"
    case .v6: hostPort = "[\(ip)]:\(port)"
    }
    return [
      "address": .text(ip),
      "port": .text(String(port)),
      // `ip@port` for Knot and NSD, `ip:port` (`[ip]:port`) for CoreDNS.
      "address-at-port": .text("\(ip)@\(port)"),
      "address-port": .text(hostPort),
    ]
  }
}
