/// SOA data (RFC 1035 §3.3.13): the zone's primary server, its contact
/// mailbox as a name, the serial and the secondaries' timers in seconds.
public struct SOA: Sendable, Hashable {
  public var mname: DomainName
  public var rname: DomainName
  public var serial: UInt32
  public var refresh: UInt32
  public var retry: UInt32
  public var expire: UInt32
  public var minimum: UInt32

  public init(
    mname: DomainName, rname: DomainName, serial: UInt32,
    refresh: UInt32, retry: UInt32, expire: UInt32, minimum: UInt32
  ) {
    self.mname = mname
    self.rname = rname
    self.serial = serial
    self.refresh = refresh
    self.retry = retry
    self.expire = expire
    self.minimum = minimum
  }
}
