/// How records are grouped into zones and what the apex of each holds.
public struct ZoneOptions: Sendable {
  public var domain: DomainName
  public var ttl: UInt32
  public var serial: UInt32
  /// NS targets; empty means the default (see `ZoneAssembler`).
  public var nameservers: [DomainName]
  /// Addresses for an in-zone nameserver that has no address record.
  public var nameserverAddresses: [IPAddress]
  /// Reverse zones; nil means one zone per /16 (IPv4) or /48 (IPv6) that
  /// holds a PTR.
  public var reverseZones: [CIDR]?
  // SOA timers, CoreDNS's values by default.
  public var refresh: UInt32 = 7200
  public var retry: UInt32 = 1800
  public var expire: UInt32 = 86400

  public static let defaultIPv4ReversePrefix = 16
  public static let defaultIPv6ReversePrefix = 48
  /// The address of `ns.dns.<zone>` when nothing else gives one.
  public static let fallbackNameserverAddress = IPAddress.v4(IPv4Address(0x7F00_0001))

  public init(
    domain: DomainName, ttl: UInt32 = 30, serial: UInt32 = 1, nameservers: [DomainName] = [],
    nameserverAddresses: [IPAddress] = [], reverseZones: [CIDR]? = nil
  ) {
    self.domain = domain
    self.ttl = ttl
    self.serial = serial
    self.nameservers = nameservers
    self.nameserverAddresses = nameserverAddresses
    self.reverseZones = reverseZones
  }
}
